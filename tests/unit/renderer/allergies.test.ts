/** The allergy band names each substance once, with every reaction and the worst criticality. */
import { describe, expect, it } from 'vitest';
import type { Allergy } from '../../../electron/core/model.ts';
import { allergyLines, reactionWords } from '../../../electron/common/allergies.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const allergy = (over: Partial<Allergy>): Allergy => ({
  substance: 'Penicillin',
  code: null,
  verification: null,
  reaction: null,
  reactionCode: null,
  severity: null,
  criticality: null,
  status: null,
  category: null,
  recordedAt: null,
  ...over,
});

describe('allergy lines', () => {
  it('merges repeated records of one substance, whatever their case and accents', () => {
    const lines = allergyLines([
      allergy({ substance: 'Cashew nuts', reaction: 'Anaphylaxis' }),
      allergy({ substance: 'cashew nuts ', reaction: 'Urticaria; anaphylaxis' }),
      allergy({ substance: 'Pénicilline', criticality: 'high' }),
      allergy({ substance: 'Penicilline' }),
    ]);
    expect(lines).toEqual([
      {
        substance: 'Cashew nuts',
        code: null,
        reactions: ['Anaphylaxis', 'Urticaria'],
        reactionCodes: [],
        highCriticality: false,
      },
      {
        substance: 'Pénicilline',
        code: null,
        reactions: [],
        reactionCodes: [],
        highCriticality: true,
      },
    ]);
  });

  it('keeps a reaction coded without words by its code, merged once, said in the reader’s words', () => {
    const lines = allergyLines([
      allergy({ substance: 'Latex', reaction: 'Urticaire', reactionCode: '39579001' }),
      allergy({ substance: 'latex', reactionCode: '39579001, X-2' }),
    ]);
    expect(lines.map((l) => [l.reactions, l.reactionCodes])).toEqual([
      [['Urticaire'], ['39579001', 'X-2']],
    ]);
    expect(reactionWords(wordsTranslator('fr'), lines[0]!)).toEqual([
      'Urticaire',
      '(réaction non nommée) (code 39579001)',
      '(réaction non nommée) (code X-2)',
    ]);
  });

  it('keeps the code of a substance coded without words, each such record on its own line', () => {
    const lines = allergyLines([
      allergy({ substance: null, code: 'S-12' }),
      allergy({ substance: null, code: 'S-12' }),
    ]);
    expect(lines.map((l) => [l.substance, l.code])).toEqual([
      [null, 'S-12'],
      [null, 'S-12'],
    ]);
  });

  it('keeps distinct substances apart', () => {
    expect(allergyLines([allergy({}), allergy({ substance: 'Latex' })])).toHaveLength(2);
  });
});

describe('refuted allergies', () => {
  it('keeps a refuted allergy out of the band', () => {
    expect(
      allergyLines([
        allergy({ substance: 'Latex', verification: 'refuted' }),
        allergy({ substance: 'Iode', verification: 'unconfirmed' }),
      ]).map((l) => l.substance),
    ).toEqual(['Iode']);
  });
});
