/**
 * The one choke point every screen and report goes through (db/order-schedule.ts): only an
 * active order to give is ever due; dose lines each follow their own schedule, taper steps one
 * after another; infusions and PRN orders have no dose times; a course that ended gives nothing.
 */
import { describe, expect, it } from 'vitest';
import { scheduleOrder } from '../../../electron/core/db/order-schedule.ts';
import {
  type MedicationOrder,
  NO_DOSE,
  type OrderDoseLine,
  OrderStateSchema,
} from '../../../electron/core/model.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { medication } from '../print/fixtures.ts';

const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone: 'Europe/Brussels' };
const DAILY = JSON.stringify({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } });
const window = (start: string, days: number) => ({
  start: new Date(start),
  end: new Date(new Date(start).getTime() + days * 24 * 3600 * 1000),
});
const TODAY = window('2026-11-28T00:00:00Z', 1);

const order = (fields: Partial<MedicationOrder>): MedicationOrder =>
  medication({ id: 'o', drug: 'X', timing: DAILY, ...fields });

const line = (fields: Partial<OrderDoseLine>): OrderDoseLine => ({
  ...NO_DOSE,
  sequence: null,
  text: null,
  timing: DAILY,
  ...fields,
});

/** [ISO instant, line] of each dose, or the schedule's kind when there are none. */
function doses(o: MedicationOrder, w = TODAY): [string, number | null][] | string {
  const s = scheduleOrder(o, w, clock);
  if (s.kind === 'doses') return s.doses.map((d) => [d.at.toISOString(), d.line]);
  return s.kind === 'unscheduled' ? `unscheduled: ${s.problem.code}` : s.kind;
}

describe('only an active order to give is ever due', () => {
  it('schedules an active order', () => {
    expect(doses(order({}))).toEqual([['2026-11-28T07:00:00.000Z', null]]);
  });

  it.each(OrderStateSchema.options.filter((s) => s !== 'active'))(
    'gives a %s order no due time',
    (state) => expect(doses(order({ state }))).toBe('not-given'),
  );

  it('gives a do-not-perform order no due time, PRN or not', () => {
    expect(doses(order({ doNotPerform: true }))).toBe('not-given');
    expect(doses(order({ doNotPerform: true, prn: true }))).toBe('not-given');
  });

  it('gives nothing once the course has ended, PRN and infusions included', () => {
    const ended = { end: '2026-11-27T12:00:00+01:00' };
    expect(doses(order(ended))).toBe('not-given');
    expect(doses(order({ ...ended, prn: true }))).toBe('not-given');
    expect(doses(order({ ...ended, continuous: true, rate: 5, rateUnit: 'mL/h' }))).toBe(
      'not-given',
    );
  });
});

describe('dose lines', () => {
  it('expands concurrent lines each on its own schedule, with the line it comes from', () => {
    const o = order({
      timing: null,
      doseLines: [
        line({ dose: 10, timing: JSON.stringify({ repeat: { when: ['ACM'] } }) }),
        line({ dose: 20, timing: JSON.stringify({ repeat: { when: ['ACV'] } }) }),
      ],
    });
    expect(doses(o)).toEqual([
      ['2026-11-28T06:30:00.000Z', 0],
      ['2026-11-28T16:30:00.000Z', 1],
    ]);
  });

  it('runs taper steps one after another: 3 days of each step, never two steps the same day', () => {
    const step = (sequence: number, dose: number) =>
      line({
        sequence,
        dose,
        timing: JSON.stringify({
          repeat: {
            frequency: 1,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 3, code: 'd' },
          },
        }),
      });
    const taper = order({
      timing: null,
      start: '2026-11-20T07:00:00+01:00',
      doseLines: [step(1, 40), step(2, 20), step(3, 10)],
    });
    const days = doses(taper, window('2026-11-19T00:00:00Z', 14));
    expect(Array.isArray(days) && days.map(([, l]) => l)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(Array.isArray(days) && days[0]?.[0]).toBe('2026-11-20T07:00:00.000Z');
    expect(Array.isArray(days) && days[3]?.[0]).toBe('2026-11-23T07:00:00.000Z');
  });

  it('gives a counted loading dose, then the maintenance dose from the next time on', () => {
    const o = order({
      timing: null,
      start: '2026-11-28T07:30:00+01:00',
      doseLines: [
        line({
          sequence: 1,
          dose: 2,
          timing: JSON.stringify({
            repeat: { count: 1, frequency: 1, period: 1, periodUnit: 'd' },
          }),
        }),
        line({ sequence: 2, dose: 1 }),
      ],
    });
    expect(doses(o, window('2026-11-28T00:00:00Z', 3))).toEqual([
      ['2026-11-28T07:00:00.000Z', 0],
      ['2026-11-29T07:00:00.000Z', 1],
      ['2026-11-30T07:00:00.000Z', 1],
    ]);
  });

  it('says why when a later step cannot be placed', () => {
    const o = order({
      timing: null,
      doseLines: [line({ sequence: 1 }), line({ sequence: 2 })],
    });
    expect(doses(o)).toBe('unscheduled: needs-start-date');
    expect(doses({ ...o, start: '2026-11-20' })).toBe('unscheduled: step-without-end');
  });
});

describe('infusions and PRN', () => {
  it('keeps a continuous infusion its own kind, never "no timing"', () => {
    expect(doses(order({ timing: null, continuous: true, rate: 5, rateUnit: 'mL/h' }))).toBe(
      'continuous',
    );
  });

  it('gives a PRN order no times', () => {
    expect(doses(order({ prn: true }))).toBe('prn');
  });

  it('still says an active order without timing is unscheduled (flagged, not dropped)', () => {
    expect(doses(order({ timing: null }))).toBe('unscheduled: no-timing');
  });
});
