/**
 * An infusion's rate as the pump is set and as the prescriber thinks of it, side by side:
 * "0,1 µg/kg/min = 3,75 mL/h (75 kg)" or "5 mL/h = 0,4 mg/h". The other side is computed only
 * from what the source states — the rate, the drug's concentration (amount per volume) and, for
 * a rate per kilogram, the dosing weight printed beside it — and only when the units can be
 * converted without a guess (mass to mass, units to units). Anything else (a range, a rate in
 * drops, a concentration in percent, a missing weight) is said as written, with nothing added.
 * The ordered value is never rounded; the computed one is shown to three significant digits,
 * the precision a syringe pump is set to.
 */
import { formatDoseUnit } from './dose.ts';
import { fold } from './fold.ts';
import { formatNumber } from './numbers.ts';
import type { TranslateWord } from './words/index.ts';

type Amount = 'mass' | 'units' | 'volume';

/** Source spellings (folded) of what is measured, with the factor to its base (mg, unit, mL). */
const AMOUNTS = new Map<string, { kind: Amount; factor: number }>([
  ['g', { kind: 'mass', factor: 1000 }],
  ['mg', { kind: 'mass', factor: 1 }],
  ['ug', { kind: 'mass', factor: 1e-3 }],
  ['µg', { kind: 'mass', factor: 1e-3 }],
  ['μg', { kind: 'mass', factor: 1e-3 }],
  ['mcg', { kind: 'mass', factor: 1e-3 }],
  ['ng', { kind: 'mass', factor: 1e-6 }],
  ['u', { kind: 'units', factor: 1 }],
  ['[iu]', { kind: 'units', factor: 1 }],
  ['iu', { kind: 'units', factor: 1 }],
  ['ui', { kind: 'units', factor: 1 }],
  ['ie', { kind: 'units', factor: 1 }],
  ['e', { kind: 'units', factor: 1 }],
  ['unit', { kind: 'units', factor: 1 }],
  ['units', { kind: 'units', factor: 1 }],
  ['ml', { kind: 'volume', factor: 1 }],
  ['l', { kind: 'volume', factor: 1000 }],
]);

/** Per-time units, as minutes. */
const PER_TIME = new Map<string, number>([
  ['h', 60],
  ['hr', 60],
  ['hour', 60],
  ['min', 1],
]);

/** A quantity of drug in a volume, as the source gives it ("4 mg / 50 mL"). */
export interface Concentration {
  readonly amount: number;
  /** The amount's unit as written ("mg", "ug", "U"). */
  readonly unit: string;
  readonly kind: Exclude<Amount, 'volume'>;
  /** The amount in mg (mass) or units, per mL. */
  readonly perMl: number;
  readonly volume: number;
  readonly volumeUnit: string;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`([^\s/\d][^\s/]*)`;

const amountOf = (unit: string) => AMOUNTS.get(fold(unit.replace(/^\{(.*)\}$/u, '$1')));
const parseNumber = (text: string): number => Number(text.replace(',', '.'));

/**
 * "4 mg / 50 mL", "0.08 mg/mL", "25000 U / 50 mL": an amount per volume, or null for anything
 * else (a percent, a bare strength "500 mg", an amount per tablet).
 */
export function parseConcentration(text: string | null): Concentration | null {
  if (text === null) return null;
  const match = new RegExp(
    String.raw`^\s*${NUMBER}\s*${UNIT}\s*/\s*(?:${NUMBER}\s*)?${UNIT}\s*$`,
    'u',
  ).exec(text);
  if (!match) return null;
  const [, amountText = '', unit = '', volumeText, volumeUnit = ''] = match;
  const amount = parseNumber(amountText);
  const volume = volumeText === undefined ? 1 : parseNumber(volumeText);
  const what = amountOf(unit);
  const per = amountOf(volumeUnit);
  if (!what || what.kind === 'volume' || per?.kind !== 'volume' || !(amount > 0) || !(volume > 0))
    return null;
  return {
    amount,
    unit,
    kind: what.kind,
    perMl: (amount * what.factor) / (volume * per.factor),
    volume,
    volumeUnit,
  };
}

/** A rate as ordered: so much (per kilogram) per so many minutes. */
interface Rate {
  readonly amount: number;
  readonly unit: string;
  readonly kind: Amount;
  readonly factor: number;
  readonly perKg: boolean;
  /** The time the amount runs over, in minutes ("/h" is 60, "/4 h" 240, "/min" 1). */
  readonly minutes: number;
  /** The time as written: how many ("4" in "500 mL / 4 h") and its unit. */
  readonly over: number;
  readonly timeUnit: string;
}

/** "mL/h", "ug/kg/min", "U/h", "mg/kg/h" split into amount unit, per kilogram, per time. */
function parseRateUnit(amount: number, rateUnit: string, over = 1): Rate | null {
  const parts = rateUnit.trim().split('/');
  const unit = parts[0] ?? '';
  const timeUnit = parts.at(-1) ?? '';
  const perKg = parts.length === 3 && fold(parts[1] ?? '') === 'kg';
  if (parts.length !== 2 && !perKg) return null;
  const what = amountOf(unit);
  const minutes = PER_TIME.get(fold(timeUnit));
  if (!what || minutes === undefined || !(amount >= 0) || !(over > 0)) return null;
  return {
    amount,
    unit,
    kind: what.kind,
    factor: what.factor,
    perKg,
    minutes: minutes * over,
    over,
    timeUnit,
  };
}

/** The rate from its quantity ("5" "mL/h") or from a ratio as written ("5 mg / 1 h"). */
function readRate(order: RateOrder): Rate | null {
  if (order.rate !== null) return order.rateUnit ? parseRateUnit(order.rate, order.rateUnit) : null;
  const ratio = new RegExp(
    String.raw`^\s*${NUMBER}\s*${UNIT}\s*/\s*(?:${NUMBER}\s*)?([a-z]+)\s*$`,
    'iu',
  ).exec(order.rateText ?? '');
  if (!ratio) return null;
  const [, amount = '', unit = '', over, time = ''] = ratio;
  return parseRateUnit(
    parseNumber(amount),
    `${unit}/${time}`,
    over === undefined ? 1 : parseNumber(over),
  );
}

export interface RateOrder {
  readonly rate: number | null;
  readonly rateUnit: string | null;
  readonly rateText: string | null;
  readonly concentration: string | null;
}

export interface InfusionRate {
  /** The rate as ordered, in the reader's number format ("0,1 µg/kg/min"), or as written. */
  readonly ordered: string;
  /** The other side ("3,75 mL/h", "0,4 mg/h"), or null when it cannot be computed exactly. */
  readonly computed: string | null;
  /** The weight a per-kilogram rate was computed with, in kg. */
  readonly weightKg: number | null;
}

/** Three significant digits: what a pump is set to, never an exponent. */
const pumpValue = (value: number): number => Number(value.toPrecision(3));

function rateText(rate: Rate, t: TranslateWord): string {
  const unit = formatDoseUnit(rate.unit, rate.amount, t);
  const perKg = rate.perKg ? '/kg' : '';
  const time =
    rate.over === 1 ? rate.timeUnit : `${formatNumber(rate.over, t.language)} ${rate.timeUnit}`;
  return `${formatNumber(rate.amount, t.language)} ${unit}${perKg}/${time}`;
}

/** The concentration in the reader's number format: "0,08 mg / 1 mL" → "0,08 mg/mL". */
export function formatConcentration(text: string, t: TranslateWord): string {
  const c = parseConcentration(text);
  if (!c) return text;
  const volume = c.volume === 1 ? '' : `${formatNumber(c.volume, t.language)} `;
  return `${formatNumber(c.amount, t.language)} ${formatDoseUnit(c.unit, c.amount, t)}/${volume}${c.volumeUnit}`;
}

/**
 * The rate as ordered and, where the source allows it, the other side. Null when the order
 * has no rate at all. `weightKg` is the dosing weight the sheet prints (null: none known).
 */
export function infusionRate(
  order: RateOrder,
  t: TranslateWord,
  weightKg: number | null,
): InfusionRate | null {
  const rate = readRate(order);
  if (!rate) {
    const asWritten =
      order.rate !== null
        ? `${formatNumber(order.rate, t.language)} ${order.rateUnit ?? ''}`.trim()
        : order.rateText;
    return asWritten ? { ordered: asWritten, computed: null, weightKg: null } : null;
  }
  const ordered = rateText(rate, t);
  const alone = { ordered, computed: null, weightKg: null };
  const kg = rate.perKg ? weightKg : 1;
  if (kg === null || !(kg > 0)) return alone;
  const weight = rate.perKg ? kg : null;
  // Per hour, in the base unit (mL, mg or units), for the whole patient.
  const perHour = (rate.amount * rate.factor * kg * 60) / rate.minutes;
  const concentration = parseConcentration(order.concentration);
  if (rate.kind === 'volume') {
    // A volume per kilogram is first what the pump runs: the patient's mL/h.
    if (rate.perKg) return { ordered, computed: `${pumpText(perHour, t)} mL/h`, weightKg: weight };
    if (!concentration) return alone;
    const dose = (perHour * concentration.perMl) / (amountOf(concentration.unit)?.factor ?? 1);
    const unit = formatDoseUnit(concentration.unit, pumpValue(dose), t);
    return { ordered, computed: `${pumpText(dose, t)} ${unit}/h`, weightKg: weight };
  }
  if (!concentration || rate.kind !== concentration.kind) return alone;
  return {
    ordered,
    computed: `${pumpText(perHour / concentration.perMl, t)} mL/h`,
    weightKg: weight,
  };
}

const pumpText = (value: number, t: TranslateWord): string =>
  formatNumber(pumpValue(value), t.language);

/** "0,1 µg/kg/min = 3,75 mL/h (75 kg)", or the rate as ordered alone. */
export function formatInfusionRate(rate: InfusionRate, t: TranslateWord): string {
  if (rate.computed === null) return rate.ordered;
  const computed =
    rate.weightKg === null
      ? rate.computed
      : t('infusion.forWeight', {
          rate: rate.computed,
          weight: formatNumber(rate.weightKg, t.language),
        });
  return `${rate.ordered} = ${computed}`;
}

/**
 * What the chart and the MAR say of an infusion, in the same words: its concentration and its
 * rate with the other side ("Rate: 0,1 µg/kg/min = 3,75 mL/h (for 75 kg)"); each only when known.
 */
export function infusionFacts(
  order: RateOrder,
  t: TranslateWord,
  weightKg: number | null,
): string[] {
  const rate = infusionRate(order, t, weightKg);
  return [
    order.concentration
      ? t('infusion.concentrationIs', { value: formatConcentration(order.concentration, t) })
      : '',
    rate ? t('infusion.rateIs', { value: formatInfusionRate(rate, t) }) : '',
  ].filter((s) => s.length > 0);
}
