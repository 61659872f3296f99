/**
 * A result's unit as a reader reads it. Sources write UCUM codes ("mm[Hg]", "Cel", "10*3/uL",
 * "kg/m2", "{score}") or English words ("beats/min", "breaths per minute"): on a page they are
 * said as the symbols a ward reads — "mmHg", "°C", "10³/µL", "kg/m²", nothing for an
 * annotation alone — and the few words in the reader's language. A unit this does not know is
 * shown as the source wrote it.
 */
import { fold } from './fold.ts';
import { formatNumber } from './numbers.ts';
import { unitSymbol } from './quantity.ts';
import type { TranslateWord } from './words/index.ts';

/** UCUM codes (and their usual spellings) whose symbol differs from the code. */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['mm[Hg]', 'mmHg'],
  ['Cel', '°C'],
  ['[degF]', '°F'],
  ['[degC]', '°C'],
  ['degC', '°C'],
]);

/** English words for a rate per minute (vital signs), said as the symbol every language reads. */
const PER_MINUTE = new Set([
  'beats/min',
  'beats/minute',
  'beats per minute',
  'bpm',
  'breaths/min',
  'breaths/minute',
  'breaths per minute',
  '{beats}/min',
  '{breaths}/min',
]);

/** Units said in words, by their UCUM code or English spelling (folded). */
const WORDED = new Map<string, 'packYears' | 'perHighPowerField'>([
  ['/[hpf]', 'perHighPowerField'],
  ['per hpf', 'perHighPowerField'],
  ['/hpf', 'perHighPowerField'],
  ['pack-years', 'packYears'],
  ['pack years', 'packYears'],
  ['{pack-years}', 'packYears'],
  ['{packyears}', 'packYears'],
]);

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};
const superscript = (digits: string): string =>
  [...digits].map((c) => SUPERSCRIPT[c] ?? c).join('');

/**
 * "mmHg", "°C", "10³/µL", "kg/m²", "/min", "paquets-années"; '' for a UCUM annotation alone
 * ("{score}": a number without a unit); the source's text for anything else.
 */
export function formatUnit(unit: string | null, t: TranslateWord): string {
  if (unit === null) return '';
  const trimmed = unit.trim();
  // A unit of measure written in words ("milligram") as doses say it (quantity.ts).
  const symbol = SYMBOLS.get(trimmed) ?? unitSymbol(trimmed);
  if (symbol !== null) return symbol;
  const folded = fold(trimmed);
  if (PER_MINUTE.has(folded)) return '/min';
  const worded = WORDED.get(folded);
  if (worded !== undefined) return t(`unit.${worded}`);
  if (/^\{[^}]*\}$/u.test(trimmed)) return '';
  return (
    trimmed
      // The eGFR's body surface ("mL/min/{1.73_m2}"), as every lab report writes it; never
      // broken between its number and its unit.
      .replace('{1.73_m2}', `${formatNumber(1.73, t.language)}\u00a0m²`)
      // Powers of ten: "10*3/uL", "10^9/L".
      .replace(/\b10[*^](-?\d+)/gu, (_, power: string) => `10${superscript(power)}`)
      // Micro as UCUM writes it ("uL", "umol/L", "ug"), only as a prefix of a known unit.
      .replace(/(^|[/.(])u(L|l|g|mol|m|U|kat|eq)\b/gu, '$1µ$2')
      // Squares and cubes of a length: "kg/m2", "m2", "cm3".
      .replace(
        /\b(m|cm|mm|dm)([23])\b/gu,
        (_, base: string, power: string) => base + superscript(power),
      )
  );
}
