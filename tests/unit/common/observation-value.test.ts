/**
 * A result's value as screen and paper say it (common/observation-value.ts): the comparator the
 * source gave, the number as measured, the unit as the ward reads it, the range that applies.
 */
import { describe, expect, it } from 'vitest';
import {
  formatObservationNumber,
  formatObservationValue,
  formatReferenceRange,
} from '../../../electron/common/observation-value.ts';
import { formatMeasurement } from '../../../electron/common/numbers.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const fr = wordsTranslator('fr');
const value = (
  v: number | null,
  unit: string | null,
  comparator: '<' | '<=' | '>=' | '>' | null = null,
  valueText: string | null = null,
) => ({ value: v, unit, comparator, valueText });

describe('a result value', () => {
  it('keeps its comparator: "> 60" is not the exact value 60', () => {
    expect(formatObservationValue(value(60, 'mL/min/{1.73_m2}', '>'), fr)).toBe(
      '>\u00a060 mL/min/1,73\u00a0m²',
    );
    expect(formatObservationValue(value(0.01, 'ug/L', '<'), fr)).toBe('<\u00a00,01 µg/L');
    expect(formatObservationNumber(value(5, null, '>='), fr)).toBe('≥\u00a05');
    expect(formatObservationNumber(value(5, null, '<='), wordsTranslator('nl'))).toBe('≤\u00a05');
  });

  it('says the number as measured, without the float noise of a computed value', () => {
    expect(formatObservationValue(value(176.35499866729558, 'cm'), fr)).toBe('176,355 cm');
    expect(formatObservationValue(value(129.75969944651848, 'mm[Hg]'), fr)).toBe('129,7597 mmHg');
    expect(formatObservationValue(value(29.99600277008462, 'kg/m2'), fr)).toBe('29,996 kg/m²');
    expect(formatObservationValue(value(3.45, 'mmol/L'), fr)).toBe('3,45 mmol/L');
  });

  it('says a range or yes/no value in the reader’s numbers, units and words', () => {
    expect(formatObservationValue(value(null, null, null, '10–20 per HPF'), fr)).toBe(
      '10–20 /champ',
    );
    expect(formatObservationValue(value(null, null, null, '≥ 0.5 per HPF'), fr)).toBe(
      '≥ 0,5 /champ',
    );
    expect(formatObservationValue(value(null, null, null, 'true'), fr)).toBe('oui');
    expect(formatObservationValue(value(null, null, null, 'false'), wordsTranslator('de'))).toBe(
      'nein',
    );
    expect(formatObservationValue(value(null, null, null, '1 / 128'), fr)).toBe('1 / 128');
  });

  it('shows a value that is not a number as written, without a unit', () => {
    expect(formatObservationValue(value(null, 'mg/dL', null, 'négatif'), fr)).toBe('négatif');
  });
});

describe('a measurement', () => {
  it('keeps four decimals, and three significant digits of a small value', () => {
    expect(formatMeasurement(0.4194164785891461, 'fr')).toBe('0,4194');
    expect(formatMeasurement(0.000052, 'fr')).toBe('0,000052');
    expect(formatMeasurement(0.0000523456, 'fr')).toBe('0,0000523');
    expect(formatMeasurement(123456, 'fr')).toBe('123456');
    expect(formatMeasurement(0, 'de')).toBe('0');
    expect(formatMeasurement(-2.5, 'nl')).toBe('-2,5');
  });
});

describe('a reference range', () => {
  it('says its numbers in the reader’s form, an open end with ≥ or ≤, else the source’s text', () => {
    const range = (
      refLow: number | null,
      refHigh: number | null,
      refText: string | null = null,
    ) => ({
      refLow,
      refHigh,
      refText,
    });
    expect(formatReferenceRange(range(3.5, 5.1), fr)).toBe('3,5–5,1');
    expect(formatReferenceRange(range(60, null), fr)).toBe('≥ 60');
    expect(formatReferenceRange(range(null, 5), fr)).toBe('≤ 5');
    expect(formatReferenceRange(range(null, null, 'négatif'), fr)).toBe('négatif');
    expect(formatReferenceRange(range(null, null), fr)).toBe('');
  });
});
