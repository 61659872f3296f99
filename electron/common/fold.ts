/**
 * Folding for search and for telling records apart: what a nurse types and what the index holds
 * are folded the same way, on screen and in the database. No case, no accents, and the letters
 * Unicode does not decompose (œ æ ø ß ł đ ð þ ı) spelled out, so "oeuvrard" finds Œuvrard.
 * (SQLite FTS5's `remove_diacritics 2` strips accents but leaves those letters as they are.)
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
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
const UNDECOMPOSED = /[œæøßłđðþı]/g;
const COMBINING_MARKS = /\p{M}/gu;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(UNDECOMPOSED, (c) => SPELLED_OUT[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}
