import { describe, expect, it } from 'vitest';
import {
  lastDayOfDoses,
  prnTooSoon,
  tooSoonAfterLastDose,
} from '../../../electron/common/administered.ts';
import { formatMaxDose } from '../../../electron/common/dose.ts';
import type { Frequency } from '../../../electron/common/frequency.ts';
import { parseMaxPerPeriod, parseQuantity } from '../../../electron/common/quantity.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const given = (at: string, dose: string | null, status = 'completed', orderId = 'o1') => ({
  orderId,
  dose,
  at,
  status,
});
const AS_OF = new Date('2026-12-01T09:00:00Z');
const order = (maxDose: string | null) => ({ id: 'o1', maxDose });

describe('quantities stored as text', () => {
  it('reads "value unit" and a maximum per period, nothing looser', () => {
    expect(parseQuantity('2.5 mL')).toEqual({ value: 2.5, unit: 'mL' });
    expect(parseQuantity('1-2 tablets')).toBeNull();
    expect(parseQuantity('1 g / 1 d')).toBeNull();
    expect(parseQuantity('500')).toBeNull();
    expect(parseMaxPerPeriod('4 g / 1 d')).toEqual({
      dose: { value: 4, unit: 'g' },
      period: { value: 1, unit: 'd' },
    });
    expect(parseMaxPerPeriod('4 g')).toBeNull();
    expect(parseMaxPerPeriod('4 g / 1 fortnight')).toBeNull();
  });
});

describe('a PRN order: doses given in the 24 h before the data, against its maximum', () => {
  it("counts the scheduled doses of its request against the PRN part's maximum (FHIR records them for the request)", () => {
    // paracetamol 1 g 4×/day plus 1 g PRN, max 4 g / 24 h: the import splits it into 'o1'
    // and 'o1:prn', and every MedicationAdministration names the request 'o1'.
    const doses = [
      given('2026-11-30T12:00:00Z', '1 g'),
      given('2026-11-30T20:00:00Z', '1 g'),
      given('2026-12-01T04:00:00Z', '1 g'),
      given('2026-12-01T06:00:00Z', '1 g'),
      given('2026-12-01T07:00:00Z', '1 g', 'completed', 'o10'), // another request, not a prefix match
    ];
    const day = lastDayOfDoses({ id: 'o1:prn', maxDose: '4 g / 1 d' }, doses, AS_OF);
    expect(day.given).toHaveLength(4);
    expect(day.total).toEqual({ kind: 'total', total: { value: 4, unit: 'g' } });
    expect(day.atOrOverMax).toBe(true);
  });

  it('totals the doses of the last 24 h in the unit of the maximum (mg into g)', () => {
    const day = lastDayOfDoses(
      order('4 g / 1 d'),
      [
        given('2026-11-30T08:00:00Z', '1 g'), // 25 h before: not in the 24 h
        given('2026-11-30T12:00:00Z', '1 g'),
        given('2026-11-30T20:00:00Z', '1000 mg'),
        given('2026-12-01T04:00:00Z', '1 g'),
        given('2026-12-01T05:00:00Z', '1 g', 'not-done'), // refused: not a dose given
        given('2026-12-01T06:00:00Z', '1 g', 'completed', 'other-order'),
      ],
      AS_OF,
    );
    expect(day.given.map((a) => a.at)).toEqual([
      '2026-11-30T12:00:00Z',
      '2026-11-30T20:00:00Z',
      '2026-12-01T04:00:00Z',
    ]);
    expect(day.total).toEqual({ kind: 'total', total: { value: 3, unit: 'g' } });
    expect(day.max).toEqual({ value: 4, unit: 'g' });
    expect(day.atOrOverMax).toBe(false);
  });

  it('says the maximum is reached when the total meets it', () => {
    const day = lastDayOfDoses(
      order('15 mg / 24 h'),
      [given('2026-12-01T01:00:00Z', '7.5 mg'), given('2026-12-01T07:00:00Z', '7.5 mg')],
      AS_OF,
    );
    expect(day.total).toEqual({ kind: 'total', total: { value: 15, unit: 'mg' } });
    expect(day.atOrOverMax).toBe(true);
  });

  it('never sums what does not add up: a dose without a quantity, or units apart', () => {
    const textDose = lastDayOfDoses(
      order('4 g / 1 d'),
      [given('2026-12-01T01:00:00Z', '1 g'), given('2026-12-01T02:00:00Z', '1 sachet')],
      AS_OF,
    );
    expect(textDose.total).toEqual({ kind: 'uncountable' });
    expect(textDose.atOrOverMax).toBe(false);
    const missing = lastDayOfDoses(order(null), [given('2026-12-01T01:00:00Z', null)], AS_OF);
    expect(missing.total).toEqual({ kind: 'uncountable' });
    const noMax = lastDayOfDoses(
      order(null),
      [given('2026-12-01T01:00:00Z', '2 mL'), given('2026-12-01T03:00:00Z', '2.5 mL')],
      AS_OF,
    );
    expect(noMax.total).toEqual({ kind: 'total', total: { value: 4.5, unit: 'mL' } });
    expect(lastDayOfDoses(order(null), [], AS_OF).total).toEqual({ kind: 'none-given' });
  });

  it('does not compare against a maximum over another period (said as written instead)', () => {
    const day = lastDayOfDoses(order('6 g / 2 d'), [given('2026-12-01T01:00:00Z', '4 g')], AS_OF);
    expect(day.max).toBeNull();
    expect(day.total).toEqual({ kind: 'total', total: { value: 4, unit: 'g' } });
  });
});

const every = (period: number, periodUnit: 'h' | 'd', frequency = 1): Frequency => ({
  frequency,
  frequencyMax: null,
  period,
  periodMax: null,
  periodUnit,
  when: [],
  offset: null,
  timeOfDay: [],
  dayOfWeek: [],
  count: null,
  codeText: null,
});

describe('the interval check, the same on screen and paper', () => {
  const q6h = { frequencyParts: every(6, 'h'), lastGiven: '2026-12-01T11:00:00Z' };
  it('flags a next time less than half an interval after the last dose', () => {
    expect(tooSoonAfterLastDose(q6h, new Date('2026-12-01T12:00:00Z'))).toEqual(
      new Date('2026-12-01T11:00:00Z'),
    );
    expect(tooSoonAfterLastDose(q6h, new Date('2026-12-01T14:00:00Z'))).toBeNull();
  });
  it('does not apply to orders that are not one dose every n hours', () => {
    const bid = { frequencyParts: every(1, 'd', 2), lastGiven: q6h.lastGiven };
    expect(tooSoonAfterLastDose(bid, new Date('2026-12-01T12:00:00Z'))).toBeNull();
    expect(
      tooSoonAfterLastDose({ ...q6h, lastGiven: null }, new Date('2026-12-01T12:00:00Z')),
    ).toBeNull();
  });
  it('for a PRN, flags now when it is less than one interval after the last dose', () => {
    expect(prnTooSoon(q6h, new Date('2026-12-01T16:00:00Z'))).toEqual(
      new Date('2026-12-01T11:00:00Z'),
    );
    expect(prnTooSoon(q6h, new Date('2026-12-01T17:00:00Z'))).toBeNull();
  });
});

describe('a maximum dose in words, never the raw unit code', () => {
  const all = (text: string) =>
    (['fr', 'nl', 'de', 'en'] as const).map((l) => formatMaxDose(text, wordsTranslator(l)));
  it('says "4 g / 1 d" per 24 h in each language', () => {
    expect(all('4 g / 1 d')).toEqual([
      '4 g par 24 h',
      '4 g per 24 u',
      '4 g pro 24 Std.',
      '4 g per 24 h',
    ]);
    expect(all('15 mg / 24 h')[0]).toBe('15 mg par 24 h');
  });
  it('says another period in words, units spelled out, decimal comma', () => {
    expect(all('2.5 mg / 2 d')).toEqual([
      '2,5 mg par 2 jours',
      '2,5 mg per 2 dagen',
      '2,5 mg pro 2 Tage',
      '2.5 mg per 2 days',
    ]);
    expect(all('40 IU / 1 d')[0]).toBe('40 unités par 24 h');
    expect(all('1 g')).toEqual(['1 g', '1 g', '1 g', '1 g']);
  });
  it('keeps what it cannot read as written, and each of several maxima', () => {
    expect(formatMaxDose('2 puffs at most', wordsTranslator('fr'))).toBe('2 puffs at most');
    expect(formatMaxDose('4 g / 1 d; 8 tablets / 1 d', wordsTranslator('de'))).toBe(
      '4 g pro 24 Std.; 8 Tabletten pro 24 Std.',
    );
  });
});
