/**
 * Numbers as a ward reads them: exactly the value given (a dose is never rounded: 0.125 mg is
 * not "0,13"), the decimal comma in French, Dutch and German, a leading zero (0,5), no trailing
 * zero, and no thousands mark (in "5.000 units" a Belgian reads the "." as a decimal point).
 */
import type { Language } from './language.ts';

const DECIMAL_MARK: Readonly<Record<Language, string>> = { fr: ',', nl: ',', de: ',', en: '.' };

/** The shortest decimal that reads back as `value`, written out without an exponent. */
function plainDecimal(value: number): string {
  const text = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign = '', lead = '', rest = '', power = '0'] = exponent;
  const digits = lead + rest;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function formatNumber(value: number, language: Language): string {
  if (!Number.isFinite(value)) return String(value);
  return plainDecimal(value).replace('.', DECIMAL_MARK[language]);
}

/**
 * A measured value (a result, not a dose) as given, except the float noise of a computed value
 * (Synthea's "176.35499866729558 cm"): more than four decimals are said to four, never to
 * fewer than three significant digits (0.000052 stays 0,000052). No instrument reports more.
 */
export function formatMeasurement(value: number, language: Language): string {
  if (!Number.isFinite(value) || value === 0) return formatNumber(value, language);
  const significant = 3 - Math.floor(Math.log10(Math.abs(value))) - 1;
  const decimals = Math.min(20, Math.max(4, significant));
  return formatNumber(Number(value.toFixed(decimals)), language);
}

/** A measurement (not a dose) to `digits` decimals: "2,0 h" of data age, "12,5 GiB" free. */
export function formatFixed(value: number, digits: number, language: Language): string {
  return value.toFixed(digits).replace('.', DECIMAL_MARK[language]);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Whether `count` takes the singular ("1 day", "1 jour") or the plural word in `language`. The
 * rules are built once per language: building them costs more than a whole age or dose line.
 */
export function pluralOf(count: number, language: string): 'one' | 'other' {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}
