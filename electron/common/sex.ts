/**
 * FHIR administrative gender in the reader's words, the same on screen and paper: the word
 * ("femme", "vrouw") on paper and in sentences, the short mark ("F", "V", "W") in dense rows.
 * Another value is shown as the source wrote it, never dropped.
 */
import type { TranslateWord } from './words/index.ts';

const SEXES = ['male', 'female', 'other', 'unknown'] as const;

const known = (sex: string | null) => SEXES.find((s) => s === sex?.trim().toLowerCase());

export function sexLabel(t: TranslateWord, sex: string | null): string {
  const code = known(sex);
  return code ? t(`sex.${code}`) : (sex ?? '');
}

export function sexShort(t: TranslateWord, sex: string | null): string {
  const code = known(sex);
  return code ? t(`sexShort.${code}`) : (sex ?? '');
}
