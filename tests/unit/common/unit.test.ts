/**
 * A result's unit as the ward reads it: the UCUM codes and English words the public fixtures
 * carry (Synthea: "mm[Hg]", "10*3/uL", "kg/m2", "{score}"; Inferno US Core: "Cel",
 * "beats/min", "breaths per minute", "pack-years") never reach a page as written.
 */
import { describe, expect, it } from 'vitest';
import { formatUnit } from '../../../electron/common/unit.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const fr = wordsTranslator('fr');

describe('a unit of a result', () => {
  it('says UCUM codes as their symbols', () => {
    expect(formatUnit('mm[Hg]', fr)).toBe('mmHg');
    expect(formatUnit('Cel', fr)).toBe('°C');
    expect(formatUnit('[degF]', fr)).toBe('°F');
    expect(formatUnit('10*3/uL', fr)).toBe('10³/µL');
    expect(formatUnit('10*6/uL', fr)).toBe('10⁶/µL');
    expect(formatUnit('10*9/L', fr)).toBe('10⁹/L');
    expect(formatUnit('kg/m2', fr)).toBe('kg/m²');
    expect(formatUnit('umol/L', fr)).toBe('µmol/L');
    expect(formatUnit('ug/L', fr)).toBe('µg/L');
    expect(formatUnit('milligram', fr)).toBe('mg');
    expect(formatUnit('mL/min/{1.73_m2}', fr)).toBe('mL/min/1,73\u00a0m²');
  });

  it('says a rate per minute written in English words as /min', () => {
    for (const unit of ['beats/min', 'breaths per minute', 'Beats/Minute', '{beats}/min']) {
      expect(formatUnit(unit, fr)).toBe('/min');
    }
  });

  it('says the few units that are words in the reader’s language', () => {
    expect(formatUnit('pack-years', fr)).toBe('paquets-années');
    expect(formatUnit('pack-years', wordsTranslator('nl'))).toBe('pakjaren');
    expect(formatUnit('pack-years', wordsTranslator('de'))).toBe('Packungsjahre');
  });

  it('says nothing for a UCUM annotation alone: the number has no unit', () => {
    expect(formatUnit('{score}', fr)).toBe('');
    expect(formatUnit(null, fr)).toBe('');
  });

  it('keeps the units every reader reads as they are, and an unknown one as written', () => {
    for (const unit of ['mg/dL', 'g/dL', 'mmol/L', 'fL', 'pg', '%', 'kg', 'cm', 'U/L', 'mmHg']) {
      expect(formatUnit(unit, fr)).toBe(unit);
    }
    expect(formatUnit('m/(6.min)', fr)).toBe('m/(6.min)');
  });
});
