/**
 * Folds text for matching the way people type on a ward keyboard: no accents, no case, and the
 * letters Unicode does not decompose (œ, æ, ß, ø, ł, đ) spelled out, so "oeuvrard" finds Œuvrard.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
};

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/gu, (c) => SPELLED_OUT[c] ?? c);
}
