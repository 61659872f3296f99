/**
 * A result's value as screen and paper say it: its comparator ("> 60", "< 0,01" — never the
 * bare number, which would claim an exact value the source did not give), the number as
 * measured (numbers.ts formatMeasurement), and the unit as the ward reads it (unit.ts); a
 * value that is not a number as the source wrote it.
 */
import { formatMeasurement } from './numbers.ts';
import { parseRangeText } from './quantity.ts';
import { formatUnit } from './unit.ts';
import type { TranslateWord } from './words/index.ts';

export interface ObservationValueFields {
  readonly value: number | null;
  readonly comparator: '<' | '<=' | '>=' | '>' | null;
  readonly valueText: string | null;
  readonly unit: string | null;
}

/** "≥" and "≤" as a reader writes them; "<" and ">" as they are. */
const COMPARATOR = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' } as const;

/** A value the source gave as text: a range in the reader's form, a yes/no in words, else as written. */
function textValue(text: string, t: TranslateWord): string {
  if (text === 'true' || text === 'false') return t(`observationValue.${text}`);
  // A range value ("10–20 per HPF", "≥ 10 per HPF") or a bare number, in the reader's form.
  const range = parseRangeText(text);
  if (range === null) return text;
  const { open, low, high, unit } = range;
  const number = (n: number) => formatMeasurement(n, t.language);
  const numbers = high === null ? number(low) : `${number(low)}–${number(high)}`;
  return [`${open}${numbers}`, formatUnit(unit, t)].filter((s) => s.length > 0).join(' ');
}

/** "> 60", "129,76", "3,5" — the number with its comparator, without the unit. */
export function formatObservationNumber(o: ObservationValueFields, t: TranslateWord): string {
  if (o.value === null) return o.valueText === null ? '' : textValue(o.valueText, t);
  const number = formatMeasurement(o.value, t.language);
  // A no-break space: a ">" left at the end of a line would read as the exact value below it.
  return o.comparator === null ? number : `${COMPARATOR[o.comparator]}\u00a0${number}`;
}

/** "> 60 mL/min", "37,2 °C", "positif": the value with its unit. */
export function formatObservationValue(o: ObservationValueFields, t: TranslateWord): string {
  const unit = o.value === null ? '' : formatUnit(o.unit, t);
  return [formatObservationNumber(o, t), unit].filter((s) => s.length > 0).join(' ');
}

export interface ReferenceRangeFields {
  readonly refLow: number | null;
  readonly refHigh: number | null;
  readonly refText: string | null;
}

/**
 * The range that applies, in the reader's numbers: "3,5–5,1", "≥ 60", "≤ 5"; the source's text
 * when it gives no numbers ("négatif"); '' when it gives none.
 */
export function formatReferenceRange(r: ReferenceRangeFields, t: TranslateWord): string {
  const number = (value: number) => formatMeasurement(value, t.language);
  if (r.refLow !== null && r.refHigh !== null) return `${number(r.refLow)}–${number(r.refHigh)}`;
  if (r.refLow !== null) return `≥ ${number(r.refLow)}`;
  if (r.refHigh !== null) return `≤ ${number(r.refHigh)}`;
  return r.refText ?? '';
}
