/**
 * Quantities as the export stores them in text ("4 g", "500 mg / 1 d", "2.5 mL"), read back into
 * a number and a unit so they can be totalled and compared. Only what reads unambiguously is
 * read: a range, a ratio where a quantity is expected, or a number without a unit is not a
 * quantity, and the caller then shows the text as given rather than guess.
 */
import { fold } from './fold.ts';

export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

/** How the importer writes a FHIR Quantity: `${value} ${unit}` (fhir/json.ts quantityText). */
const QUANTITY = /^\s*(\d+(?:\.\d+)?)\s*([\p{L}µ%[{][^/]*?)\s*$/u;

export function parseQuantity(text: string | null): Quantity | null {
  const match = text === null ? null : QUANTITY.exec(text);
  if (!match) return null;
  const [, value = '', unit = ''] = match;
  return { value: Number(value), unit };
}

/**
 * A range as the importer writes it in text — "0–8 UI" (a dose range), "10–20 per HPF" or
 * "≥ 5 per HPF" (a result's valueRange, fhir/map-observation.ts), a bare number — read back so
 * screen and paper can say it in the reader's numbers and units. Null for any other text.
 */
export interface RangeText {
  /** "≥ " or "≤ " when only one end is given, else ''. */
  readonly open: string;
  readonly low: number;
  readonly high: number | null;
  readonly unit: string | null;
}

const RANGE_TEXT = /^(≥ |≤ )?(-?\d+(?:\.\d+)?)(?:–(-?\d+(?:\.\d+)?))?(?: (.+))?$/u;

export function parseRangeText(text: string): RangeText | null {
  const match = RANGE_TEXT.exec(text);
  if (match === null) return null;
  const [, open = '', low = '', high, unit] = match;
  return {
    open,
    low: Number(low),
    high: high === undefined ? null : Number(high),
    unit: unit ?? null,
  };
}

/** Milligrams per unit of the mass units orders are written in (UCUM and the usual spellings). */
const MILLIGRAMS: Readonly<Record<string, number>> = {
  kg: 1e6,
  g: 1e3,
  mg: 1,
  mcg: 1e-3,
  ug: 1e-3,
  µg: 1e-3,
  μg: 1e-3,
  ng: 1e-6,
};

/**
 * Units of measure written out in words (en, fr, nl, de; folded), and UCUM's "ug", said by their
 * symbol: the symbol reads the same in every language. "µg" as the project writes it elsewhere.
 */
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  kg: ['kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilogramm'],
  g: ['gram', 'grams', 'gramme', 'grammes', 'gramm'],
  mg: ['milligram', 'milligrams', 'milligramme', 'milligrammes', 'milligramm'],
  µg: ['ug', 'microgram', 'micrograms', 'microgramme', 'microgrammes', 'mikrogramm'],
  L: ['liter', 'liters', 'litre', 'litres'],
  mL: ['milliliter', 'milliliters', 'millilitre', 'millilitres'],
  cm: ['centimeter', 'centimeters', 'centimetre', 'centimetres', 'zentimeter'],
  mmol: ['millimole', 'millimoles', 'millimol'],
  mEq: ['milliequivalent', 'milliequivalents', 'milliequivalente'],
};

const SYMBOL_OF = new Map<string, string>(
  Object.entries(SYMBOLS).flatMap(([symbol, spellings]) =>
    spellings.map((spelling) => [spelling, symbol] as const),
  ),
);

/** SNOMED's semantic tag on a unit ("Tablet (unit of presentation)"), not part of its name. */
export const SNOMED_TAG = /\s*\((?:unit of presentation|qualifier value)\)$/iu;

/** The symbol of a unit of measure the source wrote in words ("milligram" → "mg"), else null. */
export function unitSymbol(unit: string): string | null {
  return SYMBOL_OF.get(fold(unit.trim().replace(SNOMED_TAG, ''))) ?? null;
}

/** The quantity in milligrams when its unit is a mass, else null (mL, units, tablets …). */
export function milligrams(q: Quantity): number | null {
  const unit = q.unit.trim().replace(/^\[(.*)\]$/u, '$1');
  const factor = MILLIGRAMS[unitSymbol(unit) ?? unit];
  return factor === undefined ? null : q.value * factor;
}

/**
 * `b` in the unit of `a`: a mass converts between g, mg, µg; any other unit must be written the
 * same (case aside). Null when they cannot be compared.
 */
export function inUnitOf(a: Quantity, b: Quantity): number | null {
  if (a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase()) return b.value;
  const aMg = milligrams({ value: 1, unit: a.unit });
  const bMg = milligrams(b);
  return aMg === null || bMg === null ? null : exact(bMg / aMg);
}

/** Sums and conversions in binary floating point drift (0.1 + 0.2): keep 12 significant digits. */
export function exact(value: number): number {
  return Number(value.toPrecision(12));
}

export type PeriodUnit = 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';

const PERIOD_UNITS: Readonly<Record<string, PeriodUnit>> = {
  s: 's',
  min: 'min',
  h: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  wk: 'wk',
  week: 'wk',
  mo: 'mo',
  a: 'a',
};

/** A maximum per period (FHIR `maxDosePerPeriod`): "4 g / 1 d". */
export interface MaxPerPeriod {
  readonly dose: Quantity;
  readonly period: { readonly value: number; readonly unit: PeriodUnit };
}

/** "4 g / 1 d" read into its parts; null for anything else (then it is shown as given). */
export function parseMaxPerPeriod(text: string | null): MaxPerPeriod | null {
  const parts = text?.split('/') ?? [];
  if (parts.length !== 2) return null;
  const dose = parseQuantity(parts[0] ?? null);
  const period = parseQuantity(parts[1] ?? null);
  const unit = period ? PERIOD_UNITS[period.unit.toLowerCase()] : undefined;
  if (!dose || !period || unit === undefined || period.value <= 0) return null;
  return { dose, period: { value: period.value, unit } };
}

const PERIOD_MS: Readonly<Record<PeriodUnit, number>> = {
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  wk: 7 * 86_400_000,
  mo: 30 * 86_400_000,
  a: 365 * 86_400_000,
};

export function periodMs(period: MaxPerPeriod['period']): number {
  return period.value * PERIOD_MS[period.unit];
}
