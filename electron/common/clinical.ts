/**
 * Coded clinical facts in the reader's words, the same on screen and on paper. A code the table
 * knows is translated; one it does not know is shown exactly as the source gave it (never
 * dropped, never guessed).
 */
import { isWordKey, type TranslateWord } from './words/index.ts';

/** The groups of source codes the words table translates. */
export type CodeGroup =
  | 'requestStatus'
  | 'adminStatus'
  | 'problemStatus'
  | 'planStatus'
  | 'allergyStatus'
  | 'allergySeverity'
  | 'allergyCriticality'
  | 'observationFlag';

/** A source code in words; '' for none; an unknown code as given. */
export function codeWord(t: TranslateWord, group: CodeGroup, code: string | null): string {
  if (code === null || code === '') return '';
  // FHIR codes are lower case and HL7 flags upper case; sources do not always keep to it.
  for (const spelling of [code, code.toLowerCase(), code.toUpperCase()]) {
    const key = `${group}.${spelling}`;
    if (isWordKey(key)) return t(key);
  }
  return code;
}

/** What the allergy band says: the list, or one of the sentences that are never blank. */
export type AllergyBand = 'list' | 'none-known' | 'unknown' | 'presentUnlisted';

export function allergyBand(
  state: 'present' | 'none-known' | 'unknown',
  recorded: number,
): AllergyBand {
  switch (state) {
    case 'present':
      return recorded > 0 ? 'list' : 'presentUnlisted';
    case 'none-known':
    case 'unknown':
      return state;
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}

/**
 * The code status category with the hospital's own wording beside it: every hospital defines
 * its own DNR codes, so the category alone may say less than the source.
 */
export function codeStatusWithWording(
  t: TranslateWord,
  category: string,
  wording: string | null,
): string {
  const text = wording?.trim() ?? '';
  return text === '' || text === category
    ? category
    : t('codeStatus.withWording', { category, wording: text });
}

type ClaimedCodeStatus = 'full-code' | 'dnr' | 'dnr-dni' | 'comfort-care' | 'limited';

/** What each source says when they disagree: every claim, its own wording and date, none dropped. */
export function codeStatusSources(
  t: TranslateWord,
  claims: readonly {
    readonly value: ClaimedCodeStatus;
    readonly text: string | null;
    readonly at: string | null;
  }[],
  date: (iso: string) => string,
): string {
  const sources = claims
    .map((claim) =>
      [t(`codeStatus.${claim.value}`), claim.text, claim.at === null ? null : date(claim.at)]
        .filter((part): part is string => part !== null && part !== '')
        .join(' — '),
    )
    .join('; ');
  return t('codeStatus.conflictingSources', { sources });
}
