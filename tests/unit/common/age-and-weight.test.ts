import { describe, expect, it } from 'vitest';
import { ageAt, ageInYears, formatAge, isChild } from '../../../electron/common/age.ts';
import type { Frequency } from '../../../electron/common/frequency.ts';
import {
  BODY_WEIGHT_LOINC,
  dosingWeight,
  formatPerKg,
  perKg,
  perKgWeight,
} from '../../../electron/common/weight.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
const inEvery = (birthDate: string, at: string, zone = 'Europe/Brussels') => {
  const age = ageAt(birthDate, new Date(at), zone);
  if (age === null) throw new Error('no age');
  return LANGUAGES.map((l) => formatAge(age, wordsTranslator(l)));
};

describe('age as the ward says it', () => {
  it('says years from 2 years, months under 2 years, days under 1 month — in four languages', () => {
    expect(inEvery('1950-11-28', '2026-11-28T12:00:00Z')).toEqual([
      '76 ans',
      '76 jaar',
      '76 Jahre',
      '76 years',
    ]);
    expect(inEvery('2024-11-29', '2026-11-28T12:00:00Z')).toEqual([
      '23 mois',
      '23 maanden',
      '23 Monate',
      '23 months',
    ]);
    expect(inEvery('2026-10-20', '2026-11-28T12:00:00Z')).toEqual([
      '1 mois',
      '1 maand',
      '1 Monat',
      '1 month',
    ]);
    expect(inEvery('2026-11-19', '2026-11-28T12:00:00Z')).toEqual([
      '9 jours',
      '9 dagen',
      '9 Tage',
      '9 days',
    ]);
    expect(inEvery('2026-11-27', '2026-11-28T12:00:00Z')).toEqual([
      '1 jour',
      '1 dag',
      '1 Tag',
      '1 day',
    ]);
  });

  it('turns a day older at the ward’s midnight, not UTC’s', () => {
    // 23:30 UTC on 27 November is 00:30 on the 28th in Brussels: the birthday has come.
    const at = new Date('2026-11-27T23:30:00Z');
    expect(ageAt('1950-11-28', at, 'Europe/Brussels')).toEqual({ unit: 'years', count: 76 });
    expect(ageAt('1950-11-28', at, 'UTC')).toEqual({ unit: 'years', count: 75 });
    expect(ageAt('2026-11-27', at, 'Europe/Brussels')).toEqual({ unit: 'days', count: 1 });
  });

  it('gives years only for a partial birth date, and nothing for a future or unreadable one', () => {
    const at = new Date('2026-11-28T12:00:00Z');
    expect(ageAt('2014-03', at)).toEqual({ unit: 'years', count: 12 });
    expect(ageAt('1950', at)).toEqual({ unit: 'years', count: 76 });
    expect(ageAt('2026-12-01', at)).toBeNull();
    expect(ageAt('not a date', at)).toBeNull();
    expect(ageAt(null, at)).toBeNull();
    expect(ageInYears('2026-01-10', at)).toBe(0);
    expect(isChild('2008-11-29', at)).toBe(true);
    expect(isChild('2008-11-28', at)).toBe(false);
  });
});

const weight = (value: number, at: string) => ({ code: BODY_WEIGHT_LOINC, value, at });
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
const paracetamol = {
  dose: 100,
  doseUnit: 'mg',
  prn: false,
  maxDose: null,
  frequencyParts: every(6, 'h'),
};

describe('the dosing weight and mg/kg for a child', () => {
  const now = new Date('2026-12-01T09:00:00Z');

  it('takes the latest measured weight with its date, else the undated record', () => {
    expect(
      dosingWeight([weight(6.2, '2026-11-20T08:00:00Z'), weight(6.6, '2026-11-30T08:00:00Z')], 7),
    ).toEqual({ kg: 6.6, at: '2026-11-30T08:00:00Z' });
    expect(dosingWeight([{ code: '8302-2', value: 60, at: '2026-11-30' }], 7)).toEqual({
      kg: 7,
      at: null,
    });
    expect(dosingWeight([], null)).toBeNull();
  });

  it('never uses an old or undated weight: 7 days under 1 year, 30 days from 1 year', () => {
    const infant = { unit: 'months', count: 4 } as const;
    const child = { unit: 'years', count: 6 } as const;
    expect(perKgWeight({ kg: 6.6, at: '2026-11-25T09:00:00Z' }, infant, now)).toEqual({
      kind: 'usable',
      kg: 6.6,
    });
    expect(perKgWeight({ kg: 6.6, at: '2026-11-23T09:00:00Z' }, infant, now)).toEqual({
      kind: 'too-old',
      at: '2026-11-23T09:00:00Z',
      maxDays: 7,
    });
    expect(perKgWeight({ kg: 20, at: '2026-11-05T09:00:00Z' }, child, now).kind).toBe('usable');
    expect(perKgWeight({ kg: 20, at: '2026-10-30T09:00:00Z' }, child, now).kind).toBe('too-old');
    expect(perKgWeight({ kg: 20, at: null }, child, now)).toEqual({ kind: 'undated' });
    expect(perKgWeight(null, child, now)).toEqual({ kind: 'none' });
  });

  it('gives mg/kg per dose and per 24 h for a mass dose, in the reader’s words', () => {
    const values = perKg(paracetamol, 6.6);
    expect(values).toEqual({ perDose: 15.2, perDay: 60.6, maxPerDay: null });
    if (!values) return;
    expect(LANGUAGES.map((l) => formatPerKg(values, wordsTranslator(l)))).toEqual([
      '15,2 mg/kg par dose · 60,6 mg/kg par 24 h',
      '15,2 mg/kg per dosis · 60,6 mg/kg per 24 u',
      '15,2 mg/kg pro Dosis · 60,6 mg/kg pro 24 Std.',
      '15.2 mg/kg per dose · 60.6 mg/kg per 24 h',
    ]);
    expect(perKg({ ...paracetamol, dose: 0.25, doseUnit: 'g' }, 10)?.perDose).toBe(25);
    expect(perKg({ ...paracetamol, frequencyParts: every(1, 'd', 2) }, 10)?.perDay).toBe(20);
  });

  it('gives a PRN its maximum per 24 h in mg/kg, not a daily total it does not have', () => {
    expect(perKg({ ...paracetamol, prn: true, maxDose: '400 mg / 24 h' }, 8)).toEqual({
      perDose: 12.5,
      perDay: null,
      maxPerDay: 50,
    });
  });

  it('gives nothing for a dose that is not a mass: mL, units, tablets, a range', () => {
    for (const doseUnit of ['mL', 'units', 'tablet', 'UI']) {
      expect(perKg({ ...paracetamol, doseUnit }, 10)).toBeNull();
    }
    expect(perKg({ ...paracetamol, dose: null }, 10)).toBeNull();
  });
});
