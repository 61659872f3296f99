/**
 * What the source did not name, said in the reader's words. The export stores null for an
 * unnamed substance, condition, site, unit, patient name, note, device or observation — never an English stand-in —
 * and the screen and the paper both say the word through this one function.
 */
import type { TranslateWord } from './words/index.ts';

export type Unnamed =
  | 'substance'
  | 'condition'
  | 'site'
  | 'ward'
  | 'name'
  | 'note'
  | 'device'
  | 'observation'
  | 'planItem'
  | 'route'
  | 'reason'
  | 'reaction';

/**
 * The source's name, or the placeholder word for what it did not name — followed by the
 * source's code when it coded what it did not name in words ("(observation not named) (code
 * X-17)"): never less than the source said, never a bare code as a name.
 */
export function named(
  t: TranslateWord,
  what: Unnamed,
  name: string | null | undefined,
  code?: string | null,
): string {
  if (name) return name;
  const word = t(`placeholder.${what}`);
  return code ? `${word} (${t('placeholder.code', { code })})` : word;
}

/**
 * A qualifier the source may leave out (an order's route, a PRN's reason): its words; the
 * placeholder and the source's code when it coded it without words ("(voie non nommée) (code
 * 47625008)"); null when the source says nothing of it at all.
 */
export function namedIfGiven(
  t: TranslateWord,
  what: Unnamed,
  name: string | null | undefined,
  code: string | null | undefined,
): string | null {
  return name || code ? named(t, what, name, code) : null;
}

/** "Site — Unit" as a page's scope, each part in the reader's words when the source names none. */
export function siteAndWard(
  t: TranslateWord,
  site: string | null | undefined,
  ward: string | null | undefined,
): string {
  return `${named(t, 'site', site)} — ${named(t, 'ward', ward)}`;
}
