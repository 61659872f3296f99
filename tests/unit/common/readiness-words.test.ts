import { describe, expect, it } from 'vitest';
import {
  describeReadinessFact,
  readinessFact,
  storeProblemsFact,
} from '../../../electron/common/readiness.ts';
import { errorKindSentence } from '../../../electron/common/error-kinds.ts';
import { ERROR_KINDS } from '../../../electron/core/errors.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
const said = (fact: ReturnType<typeof readinessFact>) =>
  LANGUAGES.map((l) => describeReadinessFact(wordsTranslator(l), fact, (iso) => iso));

describe('the readiness check in the reader’s words, never a raw code', () => {
  it('says a refused signature as its error sentence, not "unknown-signer"', () => {
    const texts = said(
      readinessFact('signature-refused', { kind: 'unknown-signer', signer: 'ab12' }),
    );
    for (const text of texts) {
      expect(text).toContain('ab12');
      expect(text).not.toContain('unknown-signer');
    }
    expect(texts[0]).toBe(
      `refusée\u00a0: ab12 — ${errorKindSentence(wordsTranslator('fr'), 'unknown-signer', '')}`,
    );
  });

  it('says the store’s problems in words, the first one named and the rest counted', () => {
    const fact = storeProblemsFact([
      { code: 'missing', file: 'export-3.dtx' },
      { code: 'rollback-damaged', file: '/data/store.rollback.json' },
    ]);
    const [fr, nl, de, en] = said(fact);
    expect(en).toBe(
      'export-3.dtx is missing from the store; IT must reinstall the export. (and 1 more)',
    );
    expect(fr).toBe(
      'export-3.dtx manque dans le dépôt\u00a0; l’IT doit réinstaller l’export. (et 1 autre(s))',
    );
    expect(nl).toContain('ontbreekt in de opslag');
    expect(de).toContain('fehlt im Speicher');
    expect(said(storeProblemsFact([{ code: 'resized', file: 'x.dtx' }]))[3]).toBe(
      'x.dtx has changed size on disk (damaged); IT must reinstall the export.',
    );
  });

  it('has a sentence for every error kind in every language', () => {
    for (const language of LANGUAGES) {
      for (const kind of ERROR_KINDS) {
        expect(errorKindSentence(wordsTranslator(language), kind, 'MISSING')).not.toBe('MISSING');
      }
    }
    expect(errorKindSentence(wordsTranslator('nl'), 'no-such-kind', 'as given')).toBe('as given');
  });
});
