/**
 * The administration-time table as the settings form edits it: one text per row ("08:00, 20:00"),
 * checked here so IT sees what is wrong next to the field before anything is sent. The rules
 * mirror `AdminTimesSchema` (the renderer may import core types only); the API validates again.
 */
import type { AdminTimes } from '../../electron/core/schedule/admin-times.ts';

export type AdminTable = keyof AdminTimes;
export const ADMIN_TABLES: readonly AdminTable[] = ['perDay', 'everyHours', 'when'];

/** Per table, per row key ("2", "6", "MORN"): the text in its field. */
export type AdminTimesText = Readonly<Record<AdminTable, Readonly<Record<string, string>>>>;

/** What is wrong with one row, for the message next to its field. */
export type TimesProblem =
  | { readonly kind: 'format' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'count'; readonly expected: number; readonly given: number }
  | { readonly kind: 'tooMany'; readonly max: number };

/** `HH:MM` (or `HH:MM:SS`, which the settings file also accepts), 24-hour clock. */
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export function toText(times: AdminTimes): AdminTimesText {
  const rows = (table: Readonly<Record<string, readonly string[]>>) =>
    Object.fromEntries(Object.entries(table).map(([key, list]) => [key, list.join(', ')]));
  return { perDay: rows(times.perDay), everyHours: rows(times.everyHours), when: rows(times.when) };
}

export function parseTimes(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** How many times a row must list: n for n doses a day, 24 / N for every N hours. */
function expectedCount(table: AdminTable, key: string): number | null {
  switch (table) {
    case 'perDay':
      return Number(key);
    case 'everyHours':
      return 24 / Number(key);
    case 'when':
      return null;
    default: {
      const _: never = table;
      return _;
    }
  }
}

export function rowProblem(table: AdminTable, key: string, text: string): TimesProblem | null {
  const times = parseTimes(text);
  if (times.length === 0) return { kind: 'empty' };
  if (!times.every((time) => WALL_TIME.test(time))) return { kind: 'format' };
  const expected = expectedCount(table, key);
  if (expected !== null && times.length !== expected) {
    return { kind: 'count', expected, given: times.length };
  }
  return null;
}

/** Round start times (settings `roundStarts`, the shift changes): 1 to 12, each HH:MM. */
export const MAX_ROUND_STARTS = 12;

export function roundStartsProblem(text: string): TimesProblem | null {
  const times = parseTimes(text);
  if (times.length === 0) return { kind: 'empty' };
  if (!times.every((time) => WALL_TIME.test(time))) return { kind: 'format' };
  return times.length > MAX_ROUND_STARTS ? { kind: 'tooMany', max: MAX_ROUND_STARTS } : null;
}

/** Every row with a problem, in table and row order (the first is where the cursor goes). */
export function problemRows(
  text: AdminTimesText,
): { readonly table: AdminTable; readonly key: string }[] {
  return ADMIN_TABLES.flatMap((table) =>
    Object.entries(text[table])
      .filter(([key, row]) => rowProblem(table, key, row) !== null)
      .map(([key]) => ({ table, key })),
  );
}

/** The table to send: each row of `base` with the times typed in its field. */
export function fromText(base: AdminTimes, text: AdminTimesText): AdminTimes {
  return {
    perDay: withRows(base.perDay, text.perDay),
    everyHours: withRows(base.everyHours, text.everyHours),
    when: withRows(base.when, text.when),
  };
}

function withRows<K extends string>(
  rows: Readonly<Record<K, string[]>>,
  text: Readonly<Record<string, string>>,
): Record<K, string[]> {
  const out: Record<K, string[]> = { ...rows };
  for (const key of Object.keys(rows) as K[]) {
    const typed = text[key];
    if (typed !== undefined) out[key] = parseTimes(typed);
  }
  return out;
}
