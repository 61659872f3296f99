/**
 * Quantities as the export stores them in text ("4 g", "500 mg / 1 d", "2.5 mL"), read back into
 * a number and a unit so they can be totalled and compared. Only what reads unambiguously is
 * read: a range, a ratio where a quantity is expected, or a number without a unit is not a
 * quantity, and the caller then shows the text as given rather than guess.
 */

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

/** The quantity in milligrams when its unit is a mass, else null (mL, units, tablets …). */
export function milligrams(q: Quantity): number | null {
  const factor = MILLIGRAMS[q.unit.trim().replace(/^\[(.*)\]$/u, '$1')];
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
