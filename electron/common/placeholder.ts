/**
 * What the source did not name, said in the reader's words. The export stores null for an
 * unnamed substance, condition, site, unit, patient name, note, device or observation — never an English stand-in —
 * and the screen and the paper both say the word through this one function.
 */
import type { TranslateWord } from './words/index.ts';

export type Unnamed =
  'substance' | 'condition' | 'site' | 'ward' | 'name' | 'note' | 'device' | 'observation';

/** The source's name, or the placeholder word for what it did not name. */
export function named(t: TranslateWord, what: Unnamed, name: string | null | undefined): string {
  return name || t(`placeholder.${what}`);
}

/** "Site — Unit" as a page's scope, each part in the reader's words when the source names none. */
export function siteAndWard(
  t: TranslateWord,
  site: string | null | undefined,
  ward: string | null | undefined,
): string {
  return `${named(t, 'site', site)} — ${named(t, 'ward', ward)}`;
}
