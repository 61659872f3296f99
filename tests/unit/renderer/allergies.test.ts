/** The allergy band names each substance once, with every reaction and the worst criticality. */
import { describe, expect, it } from 'vitest';
import type { Allergy } from '../../../electron/core/model.ts';
import { allergyLines } from '../../../electron/common/allergies.ts';

const allergy = (over: Partial<Allergy>): Allergy => ({
  substance: 'Penicillin',
  code: null,
  verification: null,
  reaction: null,
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
        highCriticality: false,
      },
      { substance: 'Pénicilline', code: null, reactions: [], highCriticality: true },
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
