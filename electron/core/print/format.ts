/**
 * How instants and quantities look on paper. Dates are ISO 8601 (`YYYY-MM-DD HH:MM`) in every
 * language, so a French and a Dutch nurse read the same page the same way, and clock times are
 * the site's wall clock (`timeZone`), never the laptop's.
 */
import { offsetAt } from '../schedule/zoned-time.ts';

/** The wall-clock date and time of `instant` in `timeZone` (the zone math is the scheduler's). */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const ms = instant.getTime();
  const local = new Date(ms + offsetAt(ms, timeZone)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** `YYYY-MM-DD HH:MM` in the site's time zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const { date, time } = wallClock(instant, timeZone);
  return `${date} ${time}`;
}

/** An ISO instant parsed, or null when absent or unreadable. */
export function parseInstant(iso: string | null): Date | null {
  if (iso === null || iso.length === 0) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * A stored date or instant as it should be printed: instants in site time, date-only and partial
 * dates (`2014`, `2014-03`, `2014-03-02`) exactly as the source gave them, anything unreadable
 * verbatim rather than dropped.
 */
export function formatStoredDate(value: string | null, timeZone: string): string {
  if (value === null) return '';
  if (!value.includes('T')) return value;
  const instant = parseInstant(value);
  return instant ? formatDateTime(instant, timeZone) : value;
}
