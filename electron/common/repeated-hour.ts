/**
 * The hour the clocks go back happens twice: on 25 October 2026 in Brussels, 00:30 and 01:30
 * UTC are both "02:30" on the wall, so two doses an hour apart would read the same. There (and
 * only there) a time is said with its UTC offset — "02:30 (UTC+2)", then "02:30 (UTC+1)" — on
 * screen and on paper alike; every other time stays as the ward reads it.
 */
import type { Language } from './language.ts';

const HOUR = 3_600_000;

const wallClocks = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  key: string,
  create: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (format === undefined) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/**
 * The UTC offset of `at` in the reader's words ("UTC+2", "GMT+2") when its wall-clock time
 * also happens an hour before or after; null for every other time.
 */
export function repeatedHourOffset(
  at: Date,
  timeZone: string | undefined,
  language: Language,
): string | null {
  const wallClock = cached(
    wallClocks,
    timeZone ?? '',
    () =>
      new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
        timeZone,
      }),
  );
  const wall = wallClock.format(at);
  const repeated = [-HOUR, HOUR].some(
    (shift) => wallClock.format(new Date(at.getTime() + shift)) === wall,
  );
  if (!repeated) return null;
  const offset = cached(
    offsets,
    `${language}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(language, { timeZoneName: 'shortOffset', timeZone }),
  );
  return offset.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** `text` (the time of `at` as the page or screen says it), with the offset in the repeated hour. */
export function markRepeatedHour(
  text: string,
  at: Date,
  timeZone: string | undefined,
  language: Language,
): string {
  const offset = repeatedHourOffset(at, timeZone, language);
  return offset === null ? text : `${text} (${offset})`;
}
