/**
 * Dates, times, durations and numbers in the reader's language, all through Intl. Anything that
 * does not parse is shown as given rather than hidden: a nurse should see "2014-03", not "".
 */
import { formatNumber } from '../../electron/common/numbers.ts';
import { markRepeatedHour } from '../../electron/common/repeated-hour.ts';
import type { Language } from '../../electron/core/api/contract.ts';

export interface Formatters {
  /** "28 Nov 2026" */
  readonly date: (iso: string) => string;
  /** "28 Nov" this year, "28 Nov 2015" before: dates in a dense table. */
  readonly dayMonth: (iso: string) => string;
  /** "28 Nov 2026, 21:05" */
  readonly instant: (iso: string) => string;
  /** "28 Nov, 21:05" for this year, "2 Jul 2019, 00:00" before: dense lists of values. */
  readonly short: (iso: string) => string;
  /** "21:05" on the ward clock: a time beside its day, or within a day already said. */
  readonly time: (iso: string) => string;
  /** "Sat 21:05" — for due times within the next day. */
  readonly dayTime: (iso: string) => string;
  /** Full or partial FHIR date, or an instant shown as its date: "2014", "March 2014", "3 Mar 2014". */
  readonly partialDate: (date: string) => string;
  /** Exactly the value, never rounded, without thousands marks (electron/common/numbers.ts). */
  readonly number: (value: number) => string;
  /** "3 hours ago", "in 5 minutes" — the largest unit that keeps it readable. */
  readonly ago: (ms: number) => string;
  /** "4 days" — a length of stay. */
  readonly days: (count: number) => string;
  /** "4d" — a length of stay in a dense table. */
  readonly daysNarrow: (count: number) => string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u;

const cache = new Map<string, Formatters>();

/**
 * Formatters for a language. Instants are shown in the ward's time zone (settings), the same
 * one the printed MAR uses, whatever zone the laptop's clock is set to.
 */
export function formatters(language: Language, timeZone?: string): Formatters {
  const key = `${language}|${timeZone ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const created = createFormatters(language, timeZone);
  cache.set(key, created);
  return created;
}

function createFormatters(language: Language, timeZone: string | undefined): Formatters {
  // 24-hour clock in every language: "8:00" must never be read as 20:00 on a ward.
  const instantFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
  const dayMonthFormat = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const dayTimeFormat = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const timeFormat = new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const shortFormat = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const fullDate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  const dayCount = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
  });
  const dayCountNarrow = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'narrow',
  });

  // The repeated autumn hour says its offset (common/repeated-hour.ts, as the paper does).
  const clockTime = (date: Date, format: Intl.DateTimeFormat): string =>
    markRepeatedHour(format.format(date), date, timeZone, language);

  const parsed = (iso: string): Date | null => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? null : new Date(ms);
  };

  return {
    date: (iso) => {
      const date = parsed(iso);
      return date ? dateFormat.format(date) : iso;
    },
    dayMonth: (iso) => {
      const date = parsed(iso);
      if (!date) return iso;
      return date.getFullYear() === new Date().getFullYear()
        ? dayMonthFormat.format(date)
        : dateFormat.format(date);
    },
    instant: (iso) => {
      const date = parsed(iso);
      return date ? clockTime(date, instantFormat) : iso;
    },
    short: (iso) => {
      const date = parsed(iso);
      if (!date) return iso;
      // The year only when it is not this one: old results must not pass for recent ones.
      return clockTime(
        date,
        date.getFullYear() === new Date().getFullYear() ? shortFormat : instantFormat,
      );
    },
    time: (iso) => {
      const date = parsed(iso);
      return date ? clockTime(date, timeFormat) : iso;
    },
    dayTime: (iso) => {
      const date = parsed(iso);
      return date ? clockTime(date, dayTimeFormat) : iso;
    },
    partialDate: (date) => {
      const match = PARTIAL_DATE.exec(date);
      if (!match) {
        const instant = parsed(date);
        return instant ? dateFormat.format(instant) : date;
      }
      const [, year, month, day] = match;
      if (month === undefined) return year ?? date;
      const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
      return day === undefined ? monthYear.format(utc) : fullDate.format(utc);
    },
    number: (value) => formatNumber(value, language),
    ago: (ms) => {
      const abs = Math.abs(ms);
      const sign = ms >= 0 ? -1 : 1;
      if (abs < HOUR) return relative.format(sign * Math.round(abs / MINUTE), 'minute');
      if (abs < 2 * DAY) return relative.format(sign * Math.floor(abs / HOUR), 'hour');
      return relative.format(sign * Math.floor(abs / DAY), 'day');
    },
    days: (count) => dayCount.format(count),
    daysNarrow: (count) => dayCountNarrow.format(count),
  };
}

/** Whole days since admission at the given instant; null when unknown. */
export function daysSince(iso: string | null, atMs: number): number | null {
  if (iso === null) return null;
  const start = Date.parse(iso);
  return Number.isNaN(start) ? null : Math.max(0, Math.floor((atMs - start) / DAY));
}
