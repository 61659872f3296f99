/**
 * Medication schedules: a FHIR R4 `Timing` expanded into the instants doses are due within a
 * window, on the site's wall clock and standard administration times. The chart's "next due",
 * the MAR worksheet and the CLI all call this one function.
 *
 * Rules (each covered by tests/unit/schedule):
 * - PRN orders get no times (`{kind: 'prn'}`); they are listed apart with reason and limits.
 * - Wall-clock schedules stay on the wall clock across DST: 08:00 is 08:00 local on both sides
 *   of a transition, q6h is 00/06/12/18 local (so the q6h interval over a transition is 5 or
 *   7 h of elapsed time). Gap and overlap times: see zoned-time.ts (never dropped, never doubled).
 * - q1h–q4h (intervals of 4 h or less that divide the day) start on the ward's clock times and
 *   then run on elapsed time, so a DST night loses or doubles no real hour (pattern.ts).
 * - Intervals that do not divide the day ("every 5 h", "every 90 min") run on elapsed time from
 *   the start (`boundsPeriod.start`, else the order start).
 * - `count` counts doses from that start: occurrences are computed from it, and those in the
 *   window returned. `boundsPeriod`, `boundsDuration` (from the order start), the order's own
 *   start/end and the window all clip the result (period ends inclusive; a duration and the
 *   window end exclusive).
 * - Anything that cannot be computed is `{kind: 'unscheduled', problem}` (a code, translated
 *   where it is shown) — the order is then
 *   flagged for a nurse to check, never silently dropped.
 */
import { type ScheduleProblem, scheduleProblem } from '../../common/schedule-problem.ts';
import { AppError } from '../errors.ts';
import type { AdminTimes } from './admin-times.ts';
import { type DosePattern, patternOf } from './pattern.ts';
import {
  hasDosePattern,
  parseFhirInstant,
  type Repeat,
  readTiming,
  repeatToSchedule,
} from './timing.ts';
import {
  addMonths,
  assertTimeZone,
  civilOfDay,
  instantAt,
  localDayOf,
  localSecondOfDay,
} from './zoned-time.ts';

export { describeTiming } from './describe.ts';

export type ScheduleResult =
  | { kind: 'times'; times: Date[] }
  | { kind: 'prn' }
  | { kind: 'unscheduled'; problem: ScheduleProblem };

export interface ScheduleWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface ScheduleOptions {
  /** IANA zone of the ward's wall clock, e.g. Europe/Brussels. */
  readonly timeZone: string;
  readonly adminTimes: AdminTimes;
  readonly prn?: boolean;
  readonly orderStart?: Date | null;
  readonly orderEnd?: Date | null;
}

/** More doses than this in one window means a misread order, not a schedule to print. */
const MAX_DOSES = 10_000;
/** How far back a `count` is followed from its start before giving up. */
const MAX_COUNT_DAYS = 20 * 366;

const unscheduled = (problem: ScheduleProblem): ScheduleResult => ({
  kind: 'unscheduled',
  problem,
});

interface Bounds {
  /** Doses from here (inclusive); -Infinity when open. */
  readonly from: number;
  /** Doses up to here (inclusive); +Infinity when open. */
  readonly to: number;
  /** Where `count` and "every N days" start: the bounds start, else the order start. */
  readonly origin: number | null;
}

const DURATION_UNITS: Readonly<Record<string, 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a'>> = {
  s: 's',
  min: 'min',
  h: 'h',
  d: 'd',
  wk: 'wk',
  mo: 'mo',
  a: 'a',
  second: 's',
  seconds: 's',
  minute: 'min',
  minutes: 'min',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  week: 'wk',
  weeks: 'wk',
  month: 'mo',
  months: 'mo',
  year: 'a',
  years: 'a',
};

/** `start` plus a FHIR Duration; calendar units keep the local wall time. */
export function addDuration(
  start: number,
  duration: NonNullable<Repeat['boundsDuration']>,
  timeZone: string,
): number | null {
  const unit = DURATION_UNITS[(duration.code ?? duration.unit ?? '').trim().toLowerCase()];
  const { value } = duration;
  const day = localDayOf(start, timeZone);
  const second = localSecondOfDay(start, timeZone);
  switch (unit) {
    case undefined:
      return null;
    case 's':
      return start + value * 1000;
    case 'min':
      return start + value * 60_000;
    case 'h':
      return start + value * 3_600_000;
    case 'd':
    case 'wk': {
      const days = value * (unit === 'wk' ? 7 : 1);
      return Number.isInteger(days) ? instantAt(day + days, second, timeZone) : null;
    }
    case 'mo':
    case 'a': {
      const months = value * (unit === 'a' ? 12 : 1);
      return Number.isInteger(months)
        ? instantAt(addMonths(civilOfDay(day), months), second, timeZone)
        : null;
    }
    default: {
      const unknown: never = unit;
      return unknown;
    }
  }
}

function boundsOf(
  repeat: Repeat | undefined,
  options: ScheduleOptions,
): Bounds | { problem: ScheduleProblem } {
  const { timeZone } = options;
  const orderStart = options.orderStart?.getTime() ?? null;
  const orderEnd = options.orderEnd?.getTime() ?? null;
  let start: number | null = null;
  let end: number | null = null;
  const period = repeat?.boundsPeriod;
  if (period?.start !== undefined) {
    start = parseFhirInstant(period.start, timeZone, 'start');
    if (start === null) return { problem: scheduleProblem('start-not-date') };
  }
  if (period?.end !== undefined) {
    end = parseFhirInstant(period.end, timeZone, 'end');
    if (end === null) return { problem: scheduleProblem('end-not-date') };
  }
  if (repeat?.boundsDuration) {
    if (orderStart === null) {
      return { problem: scheduleProblem('duration-needs-start') };
    }
    const until = addDuration(orderStart, repeat.boundsDuration, timeZone);
    if (until === null) return { problem: scheduleProblem('duration-unit-unknown') };
    // A duration ends at, not after, its length: 3 days of a daily dose are 3 doses.
    end = until - 1;
  }
  if (repeat?.boundsRange !== undefined) {
    return { problem: scheduleProblem('bounds-range') };
  }
  return {
    from: Math.max(start ?? -Infinity, orderStart ?? -Infinity),
    to: Math.min(end ?? Infinity, orderEnd ?? Infinity),
    origin: start ?? orderStart,
  };
}

/** Occurrences of a wall-clock pattern in [from, to], the first `count` only when given. */
function wallClockTimes(
  pattern: Extract<DosePattern, { kind: 'wall-clock' }>,
  from: number,
  to: number,
  anchorDay: number,
  count: number | undefined,
  timeZone: string,
): number[] | { problem: ScheduleProblem } {
  const firstDay = localDayOf(from, timeZone) - 1;
  const lastDay = localDayOf(to, timeZone) + 1;
  if (lastDay - firstDay > MAX_COUNT_DAYS) {
    return { problem: scheduleProblem('span-too-long') };
  }
  const times: number[] = [];
  let countReachedOn: number | null = null;
  for (let day = firstDay; day <= lastDay; day++) {
    // A day after the count is reached may still hold earlier times (offsets across midnight).
    if (countReachedOn !== null && day > countReachedOn + 1) break;
    if (!pattern.onDay(day, anchorDay)) continue;
    for (const second of pattern.seconds) {
      const t = instantAt(day, second, timeZone);
      if (t >= from && t <= to) times.push(t);
    }
    if (count !== undefined && countReachedOn === null && times.length >= count)
      countReachedOn = day;
    if (times.length > MAX_DOSES) return { problem: scheduleProblem('too-many-doses') };
  }
  times.sort((a, b) => a - b);
  return count === undefined ? times : times.slice(0, count);
}

/** Occurrences of an elapsed interval from `origin` in [from, to], within the first `count`. */
function intervalTimes(
  everyMs: number,
  origin: number,
  from: number,
  to: number,
  count: number | undefined,
): number[] | { problem: ScheduleProblem } {
  const first = Math.max(0, Math.ceil((from - origin) / everyMs));
  const last = Math.min(
    Math.floor((to - origin) / everyMs),
    count === undefined ? Infinity : count - 1,
  );
  if (last - first > MAX_DOSES) return { problem: scheduleProblem('too-many-doses') };
  const times: number[] = [];
  for (let k = first; k <= last; k++) times.push(origin + k * everyMs);
  return times;
}

/** How far from the start the first clock time of a q1h–q4h order is looked for (a day covers every grid). */
const DAY_MS_AROUND = 86_400_000;

/**
 * A q1h–q4h order's first dose on the ward's clock times: the first at or after its start, or
 * — without a start — the last at or before `from`. Every later dose is elapsed time from it.
 */
function clockIntervalAnchor(
  pattern: Extract<DosePattern, { kind: 'clock-interval' }>,
  origin: number | null,
  from: number,
  timeZone: string,
): number | null {
  const grid = { kind: 'wall-clock', seconds: pattern.seconds, onDay: () => true } as const;
  const around = origin ?? from;
  const times = wallClockTimes(
    { ...grid, needsAnchor: false },
    around - DAY_MS_AROUND,
    around + DAY_MS_AROUND,
    Number.NaN,
    undefined,
    timeZone,
  );
  if ('problem' in times) return null;
  return origin === null
    ? (times.filter((t) => t <= from).at(-1) ?? null)
    : (times.find((t) => t >= origin) ?? null);
}

function repeatTimes(
  repeat: Repeat,
  bounds: Bounds,
  window: { start: number; end: number },
  options: ScheduleOptions,
): number[] | { problem: ScheduleProblem } {
  const planned = patternOf(repeat, options.adminTimes);
  if ('problem' in planned) return planned;
  const { pattern } = planned;
  const needsOrigin =
    repeat.count !== undefined ||
    pattern.kind === 'interval' ||
    (pattern.kind === 'wall-clock' && pattern.needsAnchor);
  if (needsOrigin && bounds.origin === null) {
    return { problem: scheduleProblem('needs-start-date') };
  }
  const origin = bounds.origin ?? -Infinity;
  const anchorDay =
    bounds.origin === null ? Number.NaN : localDayOf(bounds.origin, options.timeZone);
  // With a count, occurrences are numbered from the origin; otherwise only the window matters.
  const from = repeat.count !== undefined ? origin : Math.max(window.start, bounds.from);
  const to = Math.min(window.end - 1, bounds.to);
  if (to < from) return [];
  // A q1h–q4h order counts from its first dose on the ward's clock (none found: no dose).
  const intervalOrigin =
    pattern.kind === 'clock-interval'
      ? clockIntervalAnchor(pattern, bounds.origin, from, options.timeZone)
      : origin;
  const times =
    pattern.kind === 'wall-clock'
      ? wallClockTimes(pattern, from, to, anchorDay, repeat.count, options.timeZone)
      : intervalOrigin === null
        ? []
        : intervalTimes(pattern.everyMs, intervalOrigin, from, to, repeat.count);
  if ('problem' in times) return times;
  return times.filter((t) => t >= window.start && t >= bounds.from);
}

function eventTimes(
  events: readonly string[],
  bounds: Bounds,
  window: { start: number; end: number },
  timeZone: string,
): number[] | { problem: ScheduleProblem } {
  const times: number[] = [];
  for (const event of events) {
    const t = event.includes('T') ? parseFhirInstant(event, timeZone, 'start') : null;
    if (t === null) return { problem: scheduleProblem('event-not-date', { event }) };
    if (t >= window.start && t < window.end && t >= bounds.from && t <= bounds.to) times.push(t);
  }
  return times;
}

export function expandTiming(
  timing: unknown,
  window: ScheduleWindow,
  options: ScheduleOptions,
): ScheduleResult {
  if (options.prn) return { kind: 'prn' };
  const range = { start: window.start.getTime(), end: window.end.getTime() };
  if (Number.isNaN(range.start) || Number.isNaN(range.end)) {
    throw new AppError('invalid-argument', 'The schedule window needs a valid start and end time.');
  }
  assertTimeZone(options.timeZone);
  const read = readTiming(timing);
  if ('problem' in read) return unscheduled(read.problem);
  const { event = [], code } = read.timing;
  const repeat = repeatToSchedule(read.timing);
  const patterned = repeat !== undefined && hasDosePattern(repeat);
  if (!patterned && event.length === 0) {
    const named = code?.text ?? code?.coding?.[0]?.code;
    return unscheduled(
      named !== undefined
        ? scheduleProblem('unknown-timing-code', { code: named })
        : scheduleProblem('no-frequency'),
    );
  }
  const bounds = boundsOf(repeat, options);
  if ('problem' in bounds) return unscheduled(bounds.problem);
  const fromEvents = eventTimes(event, bounds, range, options.timeZone);
  if ('problem' in fromEvents) return unscheduled(fromEvents.problem);
  const fromRepeat = patterned ? repeatTimes(repeat, bounds, range, options) : [];
  if ('problem' in fromRepeat) return unscheduled(fromRepeat.problem);
  const times = [...new Set([...fromEvents, ...fromRepeat])].sort((a, b) => a - b);
  return { kind: 'times', times: times.map((t) => new Date(t)) };
}
