/**
 * Folding for search: what a nurse types and what the index holds are both folded the same
 * way. FTS5's `remove_diacritics 2` strips accents (é, ñ, ễ) but leaves letters that are not
 * accented forms (œ æ ø ß ł đ), so "oeuvrard" would miss "Œuvrard": we fold those first.
 */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL = /[œæøßłđðþı]/g;
const COMBINING_MARKS = /\p{M}/gu;

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(SPECIAL, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}
