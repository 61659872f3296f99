import { describe, expect, it } from 'vitest';
import {
  allergyBand,
  codeStatusSources,
  codeStatusWithWording,
  codeWord,
} from '../../../electron/common/clinical.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { sexLabel, sexShort } from '../../../electron/common/sex.ts';

const fr = wordsTranslator('fr');
const nl = wordsTranslator('nl');
const de = wordsTranslator('de');

describe('coded facts in words', () => {
  it('translates FHIR codes and keeps an unknown one as the source gave it', () => {
    expect(codeWord(fr, 'adminStatus', 'completed')).toBe('administré');
    expect(codeWord(nl, 'adminStatus', 'not-done')).toBe('NIET TOEGEDIEND');
    expect(codeWord(de, 'allergyCriticality', 'high')).toBe('HOHES RISIKO');
    expect(codeWord(fr, 'allergySeverity', 'severe')).toBe('sévère');
    expect(codeWord(nl, 'observationFlag', 'H')).toBe('hoog');
    expect(codeWord(de, 'observationFlag', 'h')).toBe('hoch');
    expect(codeWord(fr, 'planStatus', 'en attente locale')).toBe('en attente locale');
    expect(codeWord(fr, 'requestStatus', null)).toBe('');
  });

  it('never leaves the allergy band blank', () => {
    expect(allergyBand('present', 2)).toBe('list');
    expect(allergyBand('present', 0)).toBe('presentUnlisted');
    expect(allergyBand('unknown', 0)).toBe('unknown');
    expect(fr('allergy.unknown')).toBe(
      'Allergies non renseignées — à vérifier avant toute administration',
    );
  });

  it('shows the hospital’s own code-status wording beside the category', () => {
    expect(codeStatusWithWording(nl, nl('codeStatus.dnr'), 'DNR 2 — geen reanimatie')).toBe(
      'DNR — niet reanimeren (DNR 2 — geen reanimatie)',
    );
    expect(codeStatusWithWording(nl, nl('codeStatus.dnr'), null)).toBe('DNR — niet reanimeren');
  });

  it('lists every source when code statuses conflict', () => {
    const text = codeStatusSources(
      de,
      [
        { value: 'full-code', text: null, at: '2026-11-01' },
        { value: 'dnr', text: 'Z66 Nicht wiederbeleben', at: '2026-11-20' },
      ],
      (iso) => iso,
    );
    expect(text).toBe(
      'Die Quellen widersprechen sich: Volle Reanimation — 2026-11-01; DNR — keine Reanimation — Z66 Nicht wiederbeleben — 2026-11-20',
    );
  });
});

describe('readiness facts', () => {
  it('are said in the reader’s language, instants by the caller (the ward zone)', async () => {
    const { describeReadinessFact, readinessFact } =
      await import('../../../electron/common/readiness.ts');
    const fact = readinessFact('data-age', { dataAsOf: '2026-11-22T13:01:00Z', hours: 2 });
    const wardTime = (iso: string) => (iso === '2026-11-22T13:01:00Z' ? '22/11/2026 14:01' : iso);
    expect(describeReadinessFact(fr, fact, wardTime)).toBe('22/11/2026 14:01 (2,0 h)');
    expect(describeReadinessFact(de, readinessFact('no-printer'), wardTime)).toBe('kein Drucker');
    expect(describeReadinessFact(wordsTranslator('en'), fact, (iso) => iso)).toBe(
      '2026-11-22T13:01:00Z (2.0 h)',
    );
  });
});

describe('sex in the reader’s words, one table for screen and paper', () => {
  it('says the word on paper and the short mark on screen, and an unknown value as given', () => {
    const all = (f: typeof sexLabel, sex: string | null) =>
      (['fr', 'nl', 'de', 'en'] as const).map((l) => f(wordsTranslator(l), sex));
    expect(all(sexLabel, 'female')).toEqual(['femme', 'vrouw', 'weiblich', 'female']);
    expect(all(sexShort, 'female')).toEqual(['F', 'V', 'W', 'F']);
    expect(all(sexShort, 'Male')).toEqual(['H', 'M', 'M', 'M']);
    expect(all(sexLabel, 'intersex')).toEqual(['intersex', 'intersex', 'intersex', 'intersex']);
    expect(sexLabel(wordsTranslator('fr'), null)).toBe('');
  });
});
