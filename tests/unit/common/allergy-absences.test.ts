/**
 * A "no known … allergy" statement is shown for what it says, on screen and paper alike: a
 * category's absence next to the band's state (it says nothing of the other categories), and a
 * "no known allergies" next to listed allergies as the contradiction it is.
 */
import { describe, expect, it } from 'vitest';
import { allergyAbsenceNotes } from '../../../electron/common/allergies.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const fr = wordsTranslator('fr');
const nl = wordsTranslator('nl');
const de = wordsTranslator('de');

describe('allergy absences in the band', () => {
  it('says each category once, in the reader’s words', () => {
    const absences = [
      { category: 'medication' },
      { category: 'latex' },
      { category: 'medication' },
    ] as const;
    expect(allergyAbsenceNotes(fr, 'unknown', absences)).toEqual([
      'Aucune allergie médicamenteuse connue',
      'Aucune allergie au latex connue',
    ]);
    expect(allergyAbsenceNotes(nl, 'unknown', absences)).toEqual([
      'Geen gekende geneesmiddelenallergie',
      'Geen gekende latexallergie',
    ]);
    expect(allergyAbsenceNotes(de, 'present', [{ category: 'animal' }])).toEqual([
      'Keine bekannte Tierallergie',
    ]);
  });

  it('leaves "no known allergies" to the band when it is the state, and flags it beside allergies', () => {
    expect(allergyAbsenceNotes(fr, 'none-known', [{ category: 'all' }])).toEqual([]);
    expect(allergyAbsenceNotes(fr, 'present', [{ category: 'all' }])).toEqual([
      'également enregistré\u00a0: «\u00a0aucune allergie connue\u00a0» — contredit les allergies listées, à vérifier',
    ]);
  });
});
