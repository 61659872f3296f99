/**
 * A patient's age as a ward says it, the same on screen and paper: years, but months under 2
 * years and days under 1 month — a 6-week-old is "1 month", not "0 years", and doses for small
 * children are checked against it. Counted on the ward's calendar (a birthday starts at local
 * midnight, not UTC's), from a full birth date; a partial one ("2014-03") gives years only,
 * counted from its first possible day, as the source gives no more.
 */
import { pluralOf } from './numbers.ts';
import type { TranslateWord } from './words/index.ts';

export type Age =
  | { readonly unit: 'years'; readonly count: number }
  | { readonly unit: 'months'; readonly count: number }
  | { readonly unit: 'days'; readonly count: number };

/** Under this age in years a patient is a child: doses per kilogram, weight always shown. */
export const ADULT_AGE_YEARS = 18;
const MONTHS_UNTIL = 24;

const BIRTH_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u;

interface CalendarDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Formatters by time zone: building one costs more than using it (a ward's report asks per patient). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `at` on the ward clock (UTC when no zone is given). */
function dayOf(at: Date, timeZone: string | undefined): CalendarDay {
  const zone = timeZone ?? 'UTC';
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: zone,
    });
    dayFormats.set(zone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

/** Whole months from `from` to `to` (a month passes on the same day-of-month). */
function monthsBetween(from: CalendarDay, to: CalendarDay): number {
  return (to.y - from.y) * 12 + (to.m - from.m) - (to.d < from.d ? 1 : 0);
}

const dayNumber = (day: CalendarDay) => Date.UTC(day.y, day.m - 1, day.d) / 86_400_000;

/** The civil day number of `at` on the ward's calendar: days between two of them are calendar days. */
export const wardDayNumber = (at: Date, timeZone?: string): number =>
  dayNumber(dayOf(at, timeZone));

/** The age at `at`, or null for no (or an unreadable, or a future) birth date. */
export function ageAt(birthDate: string | null, at: Date, timeZone?: string): Age | null {
  const match = birthDate === null ? null : BIRTH_DATE.exec(birthDate);
  if (!match) return null;
  const full = match[2] !== undefined && match[3] !== undefined;
  const birth = { y: Number(match[1]), m: Number(match[2] ?? 1), d: Number(match[3] ?? 1) };
  const today = dayOf(at, timeZone);
  const months = monthsBetween(birth, today);
  if (months < 0 || (months === 0 && dayNumber(today) < dayNumber(birth))) return null;
  if (!full || months >= MONTHS_UNTIL) return { unit: 'years', count: Math.floor(months / 12) };
  if (months >= 1) return { unit: 'months', count: months };
  return { unit: 'days', count: dayNumber(today) - dayNumber(birth) };
}

/** Whole years (0 for a baby): what "child or adult" is decided on. */
export function ageInYears(birthDate: string | null, at: Date, timeZone?: string): number | null {
  const age = ageAt(birthDate, at, timeZone);
  return age === null ? null : age.unit === 'years' ? age.count : 0;
}

/**
 * Whole years from a full birth date only (null for a partial or missing one): for what needs
 * the exact age band — a PEWS chart, a wristband's size — where "2014" cannot say which side
 * of a birthday the patient is.
 */
export function fullAgeInYears(
  birthDate: string | null,
  at: Date,
  timeZone?: string,
): number | null {
  const match = birthDate === null ? null : BIRTH_DATE.exec(birthDate);
  return match?.[3] === undefined ? null : ageInYears(birthDate, at, timeZone);
}

export function isChild(birthDate: string | null, at: Date, timeZone?: string): boolean {
  const years = ageInYears(birthDate, at, timeZone);
  return years !== null && years < ADULT_AGE_YEARS;
}

/** "72 ans", "14 maanden", "9 Tage", "1 day". */
export function formatAge(age: Age, t: TranslateWord): string {
  return t(`age.${age.unit}.${pluralOf(age.count, t.language)}`, { n: age.count });
}
