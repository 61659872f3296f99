/**
 * Wall clock ↔ instant in an IANA time zone, with nothing but `Intl.DateTimeFormat` (no time
 * zone library: the platform's ICU data is the one the OS keeps up to date).
 *
 * Days are civil day numbers (days since 1970-01-01 on the calendar, whatever the zone), so
 * "every 2 days" and "same weekday" are plain integer arithmetic.
 *
 * Wall times that do not exist or exist twice follow RFC 5545 (and Temporal's "compatible"):
 * - in the spring-forward gap (Europe/Brussels 2026-03-29, 02:00 → 03:00) a time is read with
 *   the offset before the gap, so 02:30 becomes 03:30 CEST (01:30Z): the dose moves later by
 *   the length of the gap, it is never dropped;
 * - in the autumn overlap (2026-10-25, 03:00 → 02:00) the earlier of the two instants is taken,
 *   so 02:30 is 02:30 CEST (00:30Z) once: the dose is never given twice.
 */
import { AppError } from '../errors.ts';

const DAY_MS = 86_400_000;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new AppError(
      'invalid-config',
      `The time zone "${timeZone}" is not a known IANA time zone; set one such as Europe/Brussels in the settings.`,
    );
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws `invalid-config` for a zone the platform does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The zone's wall clock at `ms`, read back as if it were UTC (whole seconds). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
      default:
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * Offsets already computed, per zone and whole second: schedules ask for the same few instants
 * again and again (every patient's 08:00), and `formatToParts` is the expensive step.
 */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 100_000;

/** The zone's UTC offset at `ms`, in milliseconds (+3,600,000 for CET). */
export function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const cached = cache.get(wholeSecond);
  if (cached !== undefined) return cached;
  const offset = wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
  if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
  cache.set(wholeSecond, offset);
  return offset;
}

/** The civil day number of the zone's calendar date at `ms`. */
export function localDayOf(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY_MS);
}

/** Seconds since local midnight at `ms` (for keeping a wall time when adding calendar days). */
export function localSecondOfDay(ms: number, timeZone: string): number {
  const local = ms + offsetAt(ms, timeZone);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 1000);
}

/**
 * The instant at `secondOfDay` seconds after midnight of civil day `day` on the zone's wall
 * clock. `secondOfDay` may fall outside 0–86,399 (an offset pushing a dose into the next day).
 */
export function instantAt(day: number, secondOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + secondOfDay * 1000;
  // The offsets a day either side: at most one transition lies between them in any real zone.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (ms) => ms + offsetAt(ms, timeZone) === wall,
  );
  // Overlap: the earlier instant. Gap: no candidate, so the offset from before the gap.
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

export function dayOfCivil(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function civilOfDay(day: number): CivilDate {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (as `Date.getUTCDay`). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Months between two civil dates' months (`2026-03-31` → `2026-05-01` is 2). */
export function monthsBetween(from: CivilDate, to: CivilDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The civil day `months` calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: CivilDate, months: number): number {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayOfCivil({ year, month, day: Math.min(date.day, lastDay) });
}
