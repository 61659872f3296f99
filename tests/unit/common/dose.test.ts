import { describe, expect, it } from 'vitest';
import { formatDose } from '../../../electron/common/dose.ts';
import { formatNumber } from '../../../electron/common/numbers.ts';
import { milligrams } from '../../../electron/common/quantity.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const dose = (value: number | null, unit: string | null, text: string | null = null) => ({
  dose: value,
  doseUnit: unit,
  doseText: text,
});
const inEvery = (d: ReturnType<typeof dose>) => ({
  fr: formatDose(d, wordsTranslator('fr')),
  nl: formatDose(d, wordsTranslator('nl')),
  de: formatDose(d, wordsTranslator('de')),
  en: formatDose(d, wordsTranslator('en')),
});

describe('a dose exactly as ordered', () => {
  it('never rounds: 0.125 mg', () => {
    expect(inEvery(dose(0.125, 'mg'))).toEqual({
      fr: '0,125 mg',
      nl: '0,125 mg',
      de: '0,125 mg',
      en: '0.125 mg',
    });
  });

  it('writes the decimal comma with a leading zero and no trailing zero: 2.5 mg, 0.5 mL', () => {
    expect(inEvery(dose(2.5, 'mg'))).toEqual({
      fr: '2,5 mg',
      nl: '2,5 mg',
      de: '2,5 mg',
      en: '2.5 mg',
    });
    expect(formatDose(dose(0.5, 'mL'), wordsTranslator('nl'))).toBe('0,5 mL');
    expect(formatDose(dose(2.0, 'mg'), wordsTranslator('fr'))).toBe('2 mg');
  });

  it('spells units out and puts no thousands mark in a dose: 5000 units', () => {
    for (const unit of ['UI', 'IU', 'IE', 'U', '[iU]', 'unités', 'E']) {
      expect({ unit, ...inEvery(dose(5000, unit)) }).toEqual({
        unit,
        fr: '5000 unités',
        nl: '5000 eenheden',
        de: '5000 Einheiten',
        en: '5000 units',
      });
    }
    expect(formatDose(dose(1, 'UI'), wordsTranslator('fr'))).toBe('1 unité');
  });

  it('says dose forms in the reader’s words, singular and plural', () => {
    expect(inEvery(dose(1, 'tablet'))).toEqual({
      fr: '1 comprimé',
      nl: '1 tablet',
      de: '1 Tablette',
      en: '1 tablet',
    });
    expect(inEvery(dose(2, '{sachet}'))).toEqual({
      fr: '2 sachets',
      nl: '2 zakjes',
      de: '2 Beutel',
      en: '2 sachets',
    });
  });

  it('says a unit the source writes in words by its symbol: 10 milligram is 10 mg in every language', () => {
    expect(inEvery(dose(10, 'milligram'))).toEqual({
      fr: '10 mg',
      nl: '10 mg',
      de: '10 mg',
      en: '10 mg',
    });
    for (const [unit, symbol] of [
      ['milligrammes', 'mg'],
      ['Gramm', 'g'],
      ['microgram', 'µg'],
      ['ug', 'µg'],
      ['millilitre', 'mL'],
      ['Milliliter', 'mL'],
      ['millimol', 'mmol'],
      ['milliequivalent', 'mEq'],
    ] as const) {
      expect(formatDose(dose(2.5, unit), wordsTranslator('fr'))).toBe(`2,5 ${symbol}`);
    }
    // Counted as it is said: a mass written in words is a mass (mg/kg, 24 h totals).
    expect(milligrams({ value: 10, unit: 'milligram' })).toBe(10);
    expect(milligrams({ value: 250, unit: 'microgram' })).toBe(0.25);
    // The Swiss eMedication's range "2–5 centimeter" of gel (CH EMED MedReq-ComplexDosage).
    expect(formatDose(dose(null, null, '2–5 centimeter'), wordsTranslator('de'))).toBe('2–5 cm');
  });

  it('says a SNOMED unit of presentation as the dose form it names', () => {
    // CH EMED writes doses as SNOMED 732936001 "Tablet (unit of presentation)".
    expect(inEvery(dose(1, 'Tablet (unit of presentation)'))).toEqual({
      fr: '1 comprimé',
      nl: '1 tablet',
      de: '1 Tablette',
      en: '1 tablet',
    });
    expect(formatDose(dose(2, 'Capsule (unit of presentation)'), wordsTranslator('nl'))).toBe(
      '2 capsules',
    );
    expect(formatDose(dose(1, 'Ampule (unit of presentation)'), wordsTranslator('fr'))).toBe(
      '1 ampoule',
    );
    expect(formatDose(dose(2, 'Actuation (unit of presentation)'), wordsTranslator('fr'))).toBe(
      '2 bouffées',
    );
    expect(formatDose(dose(1, 'Vial (unit of presentation)'), wordsTranslator('de'))).toBe(
      '1 Durchstechflasche',
    );
    expect(formatDose(dose(1, 'Patch (unit of presentation)'), wordsTranslator('nl'))).toBe(
      '1 pleister',
    );
    // One we do not spell out stays as the source wrote it, never guessed.
    expect(formatDose(dose(1, 'Cartridge (unit of presentation)'), wordsTranslator('fr'))).toBe(
      '1 Cartridge (unit of presentation)',
    );
  });

  it('says a dose range in the reader’s numbers and words: 0–8 UI, 0.5–1 mg', () => {
    expect(inEvery(dose(null, null, '0–8 UI'))).toEqual({
      fr: '0–8 unités',
      nl: '0–8 eenheden',
      de: '0–8 Einheiten',
      en: '0–8 units',
    });
    expect(formatDose(dose(null, null, '0.5–1 mg'), wordsTranslator('fr'))).toBe('0,5–1 mg');
    expect(formatDose(dose(null, null, '1–2 tablet'), wordsTranslator('nl'))).toMatch(
      /^1–2 \p{L}/u,
    );
  });

  it('keeps other units as given and a dose that is not one quantity as written', () => {
    expect(formatDose(dose(40, 'mg/kg/j'), wordsTranslator('de'))).toBe('40 mg/kg/j');
    expect(formatDose(dose(null, null, '1-2 comprimés'), wordsTranslator('nl'))).toBe(
      '1-2 comprimés',
    );
    expect(formatDose(dose(null, null), wordsTranslator('fr'))).toBe('');
  });
});

describe('numbers', () => {
  it('are exact, without exponent or grouping', () => {
    expect(formatNumber(0.0000001, 'fr')).toBe('0,0000001');
    expect(formatNumber(12_500_000, 'de')).toBe('12500000');
    expect(formatNumber(-2.5, 'nl')).toBe('-2,5');
    expect(formatNumber(1e21, 'en')).toBe('1000000000000000000000');
  });
});
