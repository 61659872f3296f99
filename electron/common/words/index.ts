/**
 * One table of clinical words per language, and the one way to fill in its placeholders. The
 * printer and the renderer both translate through `wordsTranslator`.
 */
import type { Language } from '../language.ts';
import { de } from './de.ts';
import { en, type WordKey, type Words } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export type { WordKey, Words } from './en.ts';

export const WORDS: Readonly<Record<Language, Words>> = { fr, nl, de, en };

export type WordValues = Readonly<Record<string, string | number>>;
/** A translator of clinical words, which knows its language (for numbers and plurals). */
export interface TranslateWord {
  (key: WordKey, values?: WordValues): string;
  readonly language: Language;
}

/** `{name}` replaced by its value; a placeholder without a value stays visible, never blank. */
export function fillPlaceholders(template: string, values: WordValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether `key` names a word (for codes from the source, which may be unknown). */
export const isWordKey = (key: string): key is WordKey => Object.hasOwn(en, key);

export function wordsTranslator(language: Language): TranslateWord {
  const words = WORDS[language];
  return Object.assign(
    (key: WordKey, values?: WordValues) => fillPlaceholders(words[key], values),
    {
      language,
    },
  );
}
