/**
 * The settings form's administration-time rows: what IT types is checked next to the field
 * with the same rules the settings file applies (the API checks again).
 */
import { describe, expect, it } from 'vitest';
import {
  fromText,
  problemRows,
  roundStartsProblem,
  rowProblem,
  toText,
} from '../../../renderer/lib/admin-times-text.ts';
import {
  AdminTimesSchema,
  DEFAULT_ADMIN_TIMES,
} from '../../../electron/core/schedule/admin-times.ts';

describe('an administration-time row as typed', () => {
  it('accepts the right number of HH:MM times, spaces and all', () => {
    expect(rowProblem('perDay', '2', ' 09:00 ,21:00 ')).toBeNull();
    expect(rowProblem('everyHours', '6', '00:00, 06:00, 12:00, 18:00')).toBeNull();
    expect(rowProblem('when', 'HS', '22:00')).toBeNull();
  });

  it('names the wrong count: n doses a day, 24 / N for every N hours', () => {
    expect(rowProblem('perDay', '3', '08:00, 20:00')).toEqual({
      kind: 'count',
      expected: 3,
      given: 2,
    });
    expect(rowProblem('everyHours', '8', '06:00')).toEqual({
      kind: 'count',
      expected: 3,
      given: 1,
    });
  });

  it('refuses times that are not on a 24-hour clock, and empty rows', () => {
    expect(rowProblem('perDay', '1', '8:00')).toEqual({ kind: 'format' });
    expect(rowProblem('perDay', '1', '24:00')).toEqual({ kind: 'format' });
    expect(rowProblem('when', 'MORN', ' , ')).toEqual({ kind: 'empty' });
  });
});

describe('the whole table', () => {
  it('round-trips the defaults through the form text, and the result passes the settings schema', () => {
    const text = toText(DEFAULT_ADMIN_TIMES);
    expect(problemRows(text)).toEqual([]);
    const back = fromText(DEFAULT_ADMIN_TIMES, text);
    expect(back).toEqual(DEFAULT_ADMIN_TIMES);
    expect(AdminTimesSchema.safeParse(back).success).toBe(true);
  });

  it('lists the wrong rows in table order, and sends an edited row as typed', () => {
    const text = toText(DEFAULT_ADMIN_TIMES);
    const edited = { ...text, perDay: { ...text.perDay, '2': '09:00, 21:00', '3': '08:00' } };
    expect(problemRows(edited)).toEqual([{ table: 'perDay', key: '3' }]);
    const fixed = { ...edited, perDay: { ...edited.perDay, '3': '08:00, 14:00, 20:00' } };
    expect(fromText(DEFAULT_ADMIN_TIMES, fixed).perDay['2']).toEqual(['09:00', '21:00']);
  });
});

describe('round start times on the settings form', () => {
  it('takes 1 to 12 times as HH:MM, and names what is wrong otherwise', () => {
    expect(roundStartsProblem('07:00, 15:00, 22:00')).toBeNull();
    expect(roundStartsProblem(' ')).toEqual({ kind: 'empty' });
    expect(roundStartsProblem('07:00, 3pm')).toEqual({ kind: 'format' });
    expect(roundStartsProblem('7:00')).toEqual({ kind: 'format' });
    const thirteen = Array.from({ length: 13 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
    expect(roundStartsProblem(thirteen.join(', '))).toEqual({ kind: 'tooMany', max: 12 });
    expect(roundStartsProblem(thirteen.slice(0, 12).join(', '))).toBeNull();
  });
});
