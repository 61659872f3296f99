import { describe, expect, it } from 'vitest';
import {
  formatConcentration,
  formatInfusionRate,
  infusionRate,
  parseConcentration,
  type RateOrder,
} from '../../../electron/common/infusion-rate.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const fr = wordsTranslator('fr');
const en = wordsTranslator('en');

const order = (o: Partial<RateOrder>): RateOrder => ({
  rate: null,
  rateUnit: null,
  rateText: null,
  concentration: null,
  ...o,
});
const said = (o: Partial<RateOrder>, weightKg: number | null = null, t = fr): string | null => {
  const rate = infusionRate(order(o), t, weightKg);
  return rate === null ? null : formatInfusionRate(rate, t);
};

describe('the concentration of an infusion', () => {
  it('reads an amount per volume, per mL or per so many mL', () => {
    expect(parseConcentration('4 mg / 50 mL')?.perMl).toBeCloseTo(0.08);
    expect(parseConcentration('0.08 mg/mL')?.perMl).toBeCloseTo(0.08);
    expect(parseConcentration('25000 U / 50 mL')).toMatchObject({ kind: 'units', perMl: 500 });
    expect(parseConcentration('1 g / 1 L')?.perMl).toBeCloseTo(1);
  });

  it('reads nothing it would have to guess: a percent, a strength per tablet, a bare amount', () => {
    expect(parseConcentration('0.9 %')).toBeNull();
    expect(parseConcentration('500 mg / 1 TAB')).toBeNull();
    expect(parseConcentration('500 mg')).toBeNull();
    expect(parseConcentration('4 mg / 0 mL')).toBeNull();
  });

  it('is written with the decimal comma and µg for the UCUM "ug"', () => {
    expect(formatConcentration('0.08 mg / 1 mL', fr)).toBe('0,08 mg/mL');
    expect(formatConcentration('200 ug / 50 mL', fr)).toBe('200 µg/50 mL');
    expect(formatConcentration('0.9 %', fr)).toBe('0.9 %');
  });
});

describe('an infusion rate: as ordered, and the other side only when the source allows it', () => {
  const noradrenaline = { concentration: '4 mg / 50 mL' };

  it('turns a dose rate per kilogram into mL/h with the dosing weight, saying the weight', () => {
    expect(said({ ...noradrenaline, rate: 0.1, rateUnit: 'ug/kg/min' }, 50)).toBe(
      '0,1 µg/kg/min = 3,75 mL/h (pour 50 kg)',
    );
    expect(said({ ...noradrenaline, rate: 0.1, rateUnit: 'ug/kg/min' }, 50, en)).toBe(
      '0.1 µg/kg/min = 3.75 mL/h (for 50 kg)',
    );
  });

  it('says a per-kilogram rate as ordered alone when no weight is known', () => {
    expect(said({ ...noradrenaline, rate: 0.1, rateUnit: 'ug/kg/min' }, null)).toBe(
      '0,1 µg/kg/min',
    );
  });

  it('turns mL/h into the dose per hour from the concentration', () => {
    expect(said({ ...noradrenaline, rate: 5, rateUnit: 'mL/h' })).toBe('5 mL/h = 0,4 mg/h');
  });

  it('turns a dose per hour into mL/h, mass to mass and units to units', () => {
    expect(said({ concentration: '50 mg / 50 mL', rate: 2, rateUnit: 'mg/h' })).toBe(
      '2 mg/h = 2 mL/h',
    );
    expect(said({ concentration: '25000 U / 50 mL', rate: 1000, rateUnit: 'U/h' })).toBe(
      '1000 unités/h = 2 mL/h',
    );
    expect(said({ concentration: '25000 U / 50 mL', rate: 2, rateUnit: 'mL/h' })).toBe(
      '2 mL/h = 1000 unités/h',
    );
  });

  it('reads a rate given as a ratio ("500 mL / 4 h")', () => {
    expect(said({ rateText: '500 mL / 4 h' })).toBe('500 mL/4 h');
    expect(said({ rateText: '5 mg / 1 h', concentration: '50 mg / 50 mL' })).toBe(
      '5 mg/h = 5 mL/h',
    );
  });

  it('turns a volume per kilogram into the patient’s mL/h', () => {
    expect(said({ rate: 1.5, rateUnit: 'mL/kg/h' }, 20)).toBe('1,5 mL/kg/h = 30 mL/h (pour 20 kg)');
  });

  it('shows a computed value to three significant digits, never the ordered one', () => {
    // 0,1 µg/kg/min × 75 kg = 0,45 mg/h; ÷ 0,08 mg/mL = 5,625 mL/h.
    expect(said({ ...noradrenaline, rate: 0.1, rateUnit: 'ug/kg/min' }, 75)).toBe(
      '0,1 µg/kg/min = 5,63 mL/h (pour 75 kg)',
    );
    expect(said({ ...noradrenaline, rate: 0.125, rateUnit: 'mL/h' })).toBe(
      '0,125 mL/h = 0,01 mg/h',
    );
  });

  it('never guesses: no concentration, mixed kinds, a range or drops keep the rate as written', () => {
    expect(said({ rate: 5, rateUnit: 'mL/h' })).toBe('5 mL/h');
    expect(said({ concentration: '25000 U / 50 mL', rate: 2, rateUnit: 'mg/h' })).toBe('2 mg/h');
    expect(said({ concentration: '0.9 %', rate: 5, rateUnit: 'mL/h' })).toBe('5 mL/h');
    expect(said({ rateText: '2–4 mL/h', concentration: '4 mg / 50 mL' })).toBe('2–4 mL/h');
    expect(said({ rate: 20, rateUnit: '[drp]/min', concentration: '4 mg / 50 mL' })).toBe(
      '20 [drp]/min',
    );
    expect(said({})).toBeNull();
  });
});
