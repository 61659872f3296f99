/** The languages of the app, on screen and on paper. */
import { z } from 'zod';

export const LanguageSchema = z.enum(['fr', 'nl', 'de', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A patient's spoken language as the reader says it: the source's words as given, a BCP-47
 * tag — all FHIR's `communication.language` codes are one ("nl-BE") — in the reader's
 * language ("néerlandais (Belgique)"), never the bare tag on a page in another language.
 */
export function spokenLanguage(value: string, reader: Language): string {
  if (!LANGUAGE_TAG.test(value)) return value;
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(value) ?? value;
  } catch {
    return value;
  }
}
