/**
 * A FHIR `Timing.repeat` turned into a dose pattern: either wall-clock times on matching days
 * (nearly every ward order: "2× daily", "every 6 h", "before breakfast", "Mon/Wed/Fri"), or a
 * fixed elapsed interval from the start (an interval that does not fit the clock, "every 5 h").
 * The site's administration times supply the clock times the order leaves open.
 */
import { type AdminTimes, WHEN_CODES, type WhenCode } from './admin-times.ts';
import { type ScheduleProblem, scheduleProblem } from '../../common/schedule-problem.ts';
import { DAYS_OF_WEEK, type Repeat, secondsOfTime } from './timing.ts';
import { addMonths, civilOfDay, monthsBetween, weekdayOfDay } from './zoned-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const UNIT_MS = { s: 1000, min: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;

/**
 * The longest interval that follows elapsed time across a DST change. A q1h–q4h order (hourly
 * observations' drugs, a q2h or q4h analgesic, nebulisers) is about the time between doses: on
 * the 25-hour autumn night a q1h gets 25 doses (the repeated hour twice, each printed with its
 * UTC offset), a q2h 13; on the 23-hour spring night a q1h 23 — never an hour without a dose, or
 * two doses an hour apart in real time. Longer intervals (q6h, q8h, q12h) and daily times stay
 * on the ward's clock, as the rounds do (CONVENTIONS.md, "Schedules across DST").
 */
export const ELAPSED_MAX_MS = 4 * HOUR_MS;

export type DosePattern =
  | {
      readonly kind: 'wall-clock';
      /** Seconds after local midnight, sorted; may leave 0–86,399 when an offset crosses midnight. */
      readonly seconds: readonly number[];
      /** Whether a civil day gets doses; `anchorDay` is the start's local day (NaN if none). */
      readonly onDay: (day: number, anchorDay: number) => boolean;
      /** The days depend on the start ("every 2 days"): without one nothing can be placed. */
      readonly needsAnchor: boolean;
    }
  | { readonly kind: 'interval'; readonly everyMs: number }
  /**
   * A short interval that divides the day (q1h–q4h): on the ward's clock times (`seconds`, as
   * a wall-clock pattern) from its first dose, then in elapsed time — so across a DST change
   * no real hour is lost or given twice (see ELAPSED_MAX_MS).
   */
  | {
      readonly kind: 'clock-interval';
      readonly everyMs: number;
      readonly seconds: readonly number[];
    };

export type PatternResult = { pattern: DosePattern } | { problem: ScheduleProblem };

const isWhenCode = (code: string): code is WhenCode =>
  (WHEN_CODES as readonly string[]).includes(code);

/** The meal an AC/PC code is before or after (the offset counts from the meal). */
const MEAL_OF: Partial<Record<WhenCode, WhenCode>> = {
  AC: 'C',
  ACM: 'CM',
  ACD: 'CD',
  ACV: 'CV',
  PC: 'C',
  PCM: 'CM',
  PCD: 'CD',
  PCV: 'CV',
};
/** Codes whose offset counts backwards (FHIR: "offset before"); all others count forwards. */
const BEFORE_EVENT = new Set<WhenCode>(['AC', 'ACM', 'ACD', 'ACV', 'HS']);

/**
 * Due times for one `when` code. Without an offset: the table's time for the code. With one:
 * `offset` minutes from the event, the meal for AC/PC codes (before for AC and HS, after for
 * the rest, as FHIR defines).
 */
function whenSeconds(code: WhenCode, offsetMinutes: number, table: AdminTimes): number[] {
  if (offsetMinutes === 0) return table.when[code].map(secondsOfTime);
  const event = MEAL_OF[code] ?? code;
  const sign = BEFORE_EVENT.has(code) ? -1 : 1;
  return table.when[event].map((time) => secondsOfTime(time) + sign * offsetMinutes * 60);
}

/** Times the order itself names (`timeOfDay` and `when`), or a problem for an unknown code. */
function namedSeconds(repeat: Repeat, table: AdminTimes): number[] | { problem: ScheduleProblem } {
  const seconds = (repeat.timeOfDay ?? []).map(secondsOfTime);
  for (const code of repeat.when ?? []) {
    if (!isWhenCode(code)) {
      return { problem: scheduleProblem('unknown-event-code', { code }) };
    }
    seconds.push(...whenSeconds(code, repeat.offset ?? 0, table));
  }
  return [...new Set(seconds)].sort((a, b) => a - b);
}

function everyHoursSeconds(hours: number, table: AdminTimes): number[] {
  const listed = table.everyHours[String(hours)];
  if (listed) return listed.map(secondsOfTime);
  return Array.from({ length: 24 / hours }, (_, i) => i * hours * 3600);
}

function perDaySeconds(count: number, table: AdminTimes): number[] | null {
  const listed = table.perDay[String(count)];
  if (listed) return listed.map(secondsOfTime);
  return 24 % count === 0 ? everyHoursSeconds(24 / count, table) : null;
}

const weekStart = (day: number): number => day - ((weekdayOfDay(day) + 6) % 7);
const mod = (a: number, n: number): number => ((a % n) + n) % n;

export function patternOf(repeat: Repeat, table: AdminTimes): PatternResult {
  const named = namedSeconds(repeat, table);
  if ('problem' in named) return named;
  const weekdays = repeat.dayOfWeek
    ? new Set(repeat.dayOfWeek.map((d) => DAYS_OF_WEEK.indexOf(d)))
    : null;
  const onWeekday = (day: number): boolean => weekdays === null || weekdays.has(weekdayOfDay(day));

  const wallClock = (
    seconds: readonly number[],
    onDay: (day: number, anchorDay: number) => boolean = onWeekday,
    needsAnchor = false,
  ): PatternResult => ({
    pattern: {
      kind: 'wall-clock',
      seconds: named.length > 0 ? named : seconds,
      onDay,
      needsAnchor,
    },
  });
  const daily = (count: number): PatternResult => {
    const seconds = named.length > 0 ? named : perDaySeconds(count, table);
    return seconds
      ? wallClock(seconds)
      : { problem: scheduleProblem('no-standard-times', { count }) };
  };
  const oncePerDay = perDaySeconds(1, table) ?? [8 * 3600];
  const everyDays = (days: number): PatternResult =>
    days === 1
      ? daily(1)
      : wallClock(
          oncePerDay,
          (day, anchor) => mod(day - anchor, days) === 0 && onWeekday(day),
          true,
        );

  /** An interval below a day: on the clock when it divides the day, else elapsed from the start. */
  const interval = (everyMs: number): PatternResult => {
    if (named.length > 0) return wallClock(named);
    if (everyMs % DAY_MS === 0) return everyDays(everyMs / DAY_MS);
    if (everyMs % HOUR_MS === 0 && DAY_MS % everyMs === 0) {
      const seconds = everyHoursSeconds(everyMs / HOUR_MS, table);
      return everyMs <= ELAPSED_MAX_MS
        ? { pattern: { kind: 'clock-interval', everyMs, seconds } }
        : wallClock(seconds);
    }
    if (everyMs >= MINUTE_MS) return { pattern: { kind: 'interval', everyMs } };
    return { problem: scheduleProblem('too-frequent') };
  };

  const { period, periodUnit } = repeat;
  if (period === undefined) {
    if (named.length > 0) return wallClock(named);
    if (weekdays) return wallClock(oncePerDay);
    return {
      problem: scheduleProblem(
        repeat.frequency !== undefined ? 'frequency-without-period' : 'no-frequency',
      ),
    };
  }
  if (periodUnit === undefined) return { problem: scheduleProblem('period-without-unit') };
  const frequency = repeat.frequency ?? 1;
  switch (periodUnit) {
    case 's':
    case 'min':
    case 'h':
      return interval((period * UNIT_MS[periodUnit]) / frequency);
    case 'd':
      if (!Number.isInteger(period)) return interval((period * DAY_MS) / frequency);
      if (period === 1) return daily(frequency);
      if (frequency === 1) return everyDays(period);
      if (frequency % period === 0) return daily(frequency / period);
      return { problem: scheduleProblem('days-do-not-fit', { frequency, period }) };
    case 'wk': {
      if (!Number.isInteger(period)) return { problem: scheduleProblem('weeks-not-whole') };
      const weeksApart = (day: number, anchor: number): boolean =>
        period === 1 || mod((weekStart(day) - weekStart(anchor)) / 7, period) === 0;
      if (weekdays) {
        const perDay =
          frequency > weekdays.size && frequency % weekdays.size === 0
            ? frequency / weekdays.size
            : 1;
        const seconds = perDaySeconds(perDay, table);
        if (!seconds) return daily(perDay);
        return wallClock(
          seconds,
          (day, anchor) => onWeekday(day) && weeksApart(day, anchor),
          period > 1,
        );
      }
      if (frequency === 1) {
        return wallClock(
          oncePerDay,
          (day, anchor) => weekdayOfDay(day) === weekdayOfDay(anchor) && weeksApart(day, anchor),
          true,
        );
      }
      if (frequency % (7 * period) === 0) return daily(frequency / (7 * period));
      return { problem: scheduleProblem('weekdays-missing', { frequency }) };
    }
    case 'mo':
    case 'a': {
      const months = periodUnit === 'a' ? period * 12 : period;
      if (frequency !== 1 || !Number.isInteger(months)) {
        return {
          problem: scheduleProblem('calendar-does-not-fit', {
            frequency,
            period,
            unit: periodUnit,
          }),
        };
      }
      return wallClock(
        oncePerDay,
        (day, anchor) => {
          const from = civilOfDay(anchor);
          const elapsed = monthsBetween(from, civilOfDay(day));
          return mod(elapsed, months) === 0 && addMonths(from, elapsed) === day && onWeekday(day);
        },
        true,
      );
    }
    default: {
      const unknown: never = periodUnit;
      return { problem: scheduleProblem('unknown-period-unit', { unit: String(unknown) }) };
    }
  }
}
