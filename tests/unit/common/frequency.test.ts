import { describe, expect, it } from 'vitest';
import { describeFrequency, type Frequency } from '../../../electron/common/frequency.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { frequencyOf } from '../../../electron/core/schedule/describe.ts';

const inEvery = (timing: unknown) => {
  const parts = frequencyOf(timing) as Frequency;
  return {
    fr: describeFrequency(wordsTranslator('fr'), parts),
    nl: describeFrequency(wordsTranslator('nl'), parts),
    de: describeFrequency(wordsTranslator('de'), parts),
    en: describeFrequency(wordsTranslator('en'), parts),
  };
};

describe('frequencies in the ward’s words, never HL7 codes', () => {
  it('every 6 h', () => {
    expect(inEvery({ repeat: { frequency: 1, period: 6, periodUnit: 'h' } })).toEqual({
      fr: 'toutes les 6 h',
      nl: 'om de 6 u',
      de: 'alle 6 Std.',
      en: 'every 6 h',
    });
  });

  it('at bedtime (HS, on ISMP’s error-prone list) and before breakfast', () => {
    expect(inEvery({ repeat: { when: ['HS'] } })).toEqual({
      fr: 'au coucher',
      nl: 'bij het slapengaan',
      de: 'zur Nacht',
      en: 'at bedtime',
    });
    expect(inEvery({ repeat: { when: ['ACM'], offset: 30 } }).fr).toBe(
      'avant le petit-déjeuner (30\u00a0min)'.replace('\u00a0', ' '),
    );
  });

  it('1 to 2 times a day (frequencyMax)', () => {
    expect(
      inEvery({ repeat: { frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' } }),
    ).toEqual({
      fr: '1 à 2 fois par jour',
      nl: '1 à 2 keer per dag',
      de: '1- bis 2-mal täglich',
      en: '1 to 2 times a day',
    });
  });

  it('every 4 to 6 h (periodMax), every 2 days, coded BID and QD, days of the week', () => {
    expect(inEvery({ repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } }).nl).toBe(
      'om de 4 à 6 u',
    );
    expect(inEvery({ repeat: { frequency: 1, period: 2, periodUnit: 'd' } }).fr).toBe(
      'tous les 2 jours',
    );
    expect(inEvery({ code: { coding: [{ code: 'BID' }] } }).de).toBe('2-mal täglich');
    expect(inEvery({ code: { coding: [{ code: 'QD' }] } }).fr).toBe('1 fois par jour');
    expect(
      inEvery({
        repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['fri', 'mon'] },
      }),
    ).toEqual({
      fr: '1 fois par semaine · lun., ven.',
      nl: '1 keer per week · ma, vr',
      de: '1-mal pro Woche · Mo., Fr.',
      en: 'once a week · Mon, Fri',
    });
  });

  it('keeps named clock times and the timing’s own text as the source gave them', () => {
    expect(
      inEvery({
        repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] },
      }).de,
    ).toBe('08:00, 20:00');
    expect(inEvery({ code: { text: 'selon diurèse' } }).nl).toBe('selon diurèse');
  });

  it('never shows an HL7 or error-prone abbreviation for the codes it knows', () => {
    const codes = [
      'HS',
      'WAKE',
      'C',
      'CM',
      'CD',
      'CV',
      'AC',
      'ACM',
      'ACD',
      'ACV',
      'PC',
      'PCM',
    ].concat(['PCD', 'PCV', 'MORN', 'AFT', 'EVE', 'NIGHT', 'NOON']);
    for (const code of codes) {
      for (const text of Object.values(inEvery({ repeat: { when: [code] } }))) {
        expect(text).not.toMatch(/\b(HS|QD|QID|BID|TID|AC[MDV]?|PC[MDV]?|q\d+h)\b/);
      }
    }
  });
});
