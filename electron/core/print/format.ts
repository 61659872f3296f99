/**
 * How instants and quantities look on paper. Dates are ISO 8601 (`YYYY-MM-DD HH:MM`) in every
 * language, so a French and a Dutch nurse read the same page the same way, and clock times are
 * the site's wall clock (`timeZone`), never the laptop's. In the hour the clocks go back, which
 * happens twice, a time also says its UTC offset, by the screen's rule (common/repeated-hour.ts).
 */
import { repeatedHourOffset } from '../../common/repeated-hour.ts';
import type { Language } from '../model.ts';
import { offsetAt } from '../schedule/zoned-time.ts';

export interface WallClock {
  readonly date: string;
  readonly time: string;
  /** "UTC+2" in the repeated autumn hour (print it beside the time), else null. */
  readonly offset: string | null;
}

/** The wall-clock date and time of `instant` in `timeZone` (the zone math is the scheduler's). */
export function wallClock(instant: Date, timeZone: string, language: Language): WallClock {
  const ms = instant.getTime();
  const local = new Date(ms + offsetAt(ms, timeZone)).toISOString();
  return {
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    offset: repeatedHourOffset(instant, timeZone, language),
  };
}

/** `HH:MM`, or `HH:MM (UTC+2)` in the repeated hour. */
export function clockTime(instant: Date, timeZone: string, language: Language): string {
  const { time, offset } = wallClock(instant, timeZone, language);
  return offset === null ? time : `${time} (${offset})`;
}

/** `YYYY-MM-DD HH:MM` in the site's time zone (`… (UTC+2)` in the repeated hour). */
export function formatDateTime(instant: Date, timeZone: string, language: Language): string {
  const { date, time, offset } = wallClock(instant, timeZone, language);
  return offset === null ? `${date} ${time}` : `${date} ${time} (${offset})`;
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
export function formatStoredDate(
  value: string | null,
  timeZone: string,
  language: Language,
): string {
  if (value === null) return '';
  if (!value.includes('T')) return value;
  const instant = parseInstant(value);
  return instant ? formatDateTime(instant, timeZone, language) : value;
}

/** The ward's calendar day of a stored date or instant (`YYYY-MM-DD`, or a partial date as given). */
export function storedDay(value: string | null, timeZone: string): string {
  if (value === null) return '';
  if (!value.includes('T')) return value;
  const instant = parseInstant(value);
  if (!instant) return value;
  const ms = instant.getTime();
  return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 10);
}
