/**
 * The allergy band lists each substance once, on screen and on paper: sources often repeat one
 * allergy (several encounters, several systems), and a band of twenty "Cashew nuts" hides the
 * other entries. Reactions are merged; the substance is high-criticality when any record says so.
 */
import { z } from 'zod';
import { fold } from './fold.ts';
import { named } from './placeholder.ts';
import type { TranslateWord } from './words/index.ts';

export interface AllergyRecord {
  /** Null when the source names no substance (the display says "substance not named"). */
  readonly substance: string | null;
  /** The source's code of the substance (said beside the placeholder when it has no words). */
  readonly code?: string | null;
  readonly reaction: string | null;
  /** The codes of reactions coded without words, ", "-joined. */
  readonly reactionCode?: string | null;
  readonly criticality: string | null;
  /** FHIR verificationStatus: a `refuted` record is kept in the data, never in the band. */
  readonly verification?: string | null;
}

export interface AllergyLine {
  readonly substance: string | null;
  readonly code: string | null;
  readonly reactions: readonly string[];
  /** Reactions the source coded without words: said by their code, never dropped. */
  readonly reactionCodes: readonly string[];
  readonly highCriticality: boolean;
}

/** Every reaction of a line in the reader's words: "urticaire", "(réaction non nommée) (code 39579001)". */
export function reactionWords(
  t: TranslateWord,
  line: Pick<AllergyLine, 'reactions' | 'reactionCodes'>,
): string[] {
  return [...line.reactions, ...line.reactionCodes.map((code) => named(t, 'reaction', null, code))];
}

/** One record's reactions in the reader's words, ", "-joined (a table's cell); '' when none. */
export function recordReactions(t: TranslateWord, allergy: AllergyRecord): string {
  return reactionWords(t, {
    reactions: allergy.reaction === null ? [] : [allergy.reaction],
    reactionCodes: codesOf(allergy.reactionCode),
  }).join(', ');
}

const codesOf = (joined: string | null | undefined): string[] =>
  (joined ?? '').split(', ').filter((code) => code !== '');

export function allergyLines(allergies: readonly AllergyRecord[]): AllergyLine[] {
  const lines = new Map<
    string,
    {
      substance: string | null;
      code: string | null;
      reactions: Set<string>;
      reactionCodes: Set<string>;
      high: boolean;
    }
  >();
  for (const [index, allergy] of allergies.entries()) {
    // A refuted allergy is kept in the chart data, but it is no allergy: never in the band.
    if (allergy.verification === 'refuted') continue;
    const substance = allergy.substance?.trim() || null;
    // Unnamed allergies are never merged: nothing says two of them are the same substance.
    const key = substance === null ? `\u0000${index}` : fold(substance);
    const line = lines.get(key) ?? {
      substance,
      code: allergy.code ?? null,
      reactions: new Set(),
      reactionCodes: new Set(),
      high: false,
    };
    for (const reaction of (allergy.reaction ?? '').split(/[;,]/u)) {
      const text = reaction.trim();
      if (text !== '' && ![...line.reactions].some((r) => fold(r) === fold(text)))
        line.reactions.add(text);
    }
    for (const code of codesOf(allergy.reactionCode)) line.reactionCodes.add(code);
    line.high ||= allergy.criticality === 'high';
    lines.set(key, line);
  }
  return [...lines.values()].map((line) => ({
    substance: line.substance,
    code: line.code,
    reactions: [...line.reactions],
    reactionCodes: [...line.reactionCodes],
    highCriticality: line.high,
  }));
}

/**
 * What a "no known … allergy" statement covers: everything (NKA), or one category (NKDA is
 * `medication`, NKLA `latex` …). Never an allergy; a category absence says nothing of others.
 */
export const AllergyAbsenceCategorySchema = z.enum([
  'all',
  'medication',
  'food',
  'environment',
  'biologic',
  'latex',
  'contrast',
  'insect',
  'animal',
]);
export type AllergyAbsenceCategory = z.infer<typeof AllergyAbsenceCategorySchema>;

/**
 * What the source's "no known … allergy" statements add to the band, in the reader's words: a
 * category's absence ("no known drug allergy") beside the allergies, or beside "not recorded"
 * — it says nothing of the other categories, so the band's own state stands. A "no known
 * allergies" next to listed allergies contradicts them and is said so; it is the band's own
 * sentence when there are none.
 */
export function allergyAbsenceNotes(
  t: TranslateWord,
  state: 'present' | 'none-known' | 'unknown',
  absences: readonly { readonly category: AllergyAbsenceCategory }[],
): string[] {
  const notes: string[] = [];
  for (const category of new Set(absences.map((a) => a.category))) {
    if (category !== 'all') notes.push(t(`allergyAbsence.${category}`));
    else if (state === 'present') notes.push(t('allergyAbsence.allConflicting'));
  }
  return notes;
}
