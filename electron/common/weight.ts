/**
 * The dosing weight and the doses per kilogram beside a child's dose, the same on screen and
 * paper. The weight is the latest measured body weight (LOINC 29463-7) with its date, else the
 * one on the patient record, which has no date. mg/kg is computed only:
 * - for a child (under 18), for a dose in a mass unit (g, mg, µg: never mL, units or tablets,
 *   whose strength the export may not give);
 * - from a dated weight no older than 7 days under 1 year of age and 30 days from 1 year: an
 *   infant gains 20–30 g a day, so a month-old weight is already ~15 % light; an undated or
 *   older weight says so instead of a figure.
 * The figures are checks, not doses: rounded to 3 significant digits, and said as "per kg".
 */
import { ageAt, isChild, type Age } from './age.ts';
import type { Frequency } from './frequency.ts';
import { maxPerDay } from './administered.ts';
import { formatNumber } from './numbers.ts';
import { exact, milligrams } from './quantity.ts';
import type { TranslateWord } from './words/index.ts';

export const BODY_WEIGHT_LOINC = '29463-7';

export interface DosingWeight {
  readonly kg: number;
  /** When it was measured; null for the record's weight, which carries no date. */
  readonly at: string | null;
}

/** The latest measured body weight, else the record's (undated); null when neither. */
export function dosingWeight(
  observations: readonly {
    readonly code: string | null;
    readonly value: number | null;
    readonly at: string | null;
  }[],
  recordedKg: number | null,
): DosingWeight | null {
  let latest: { kg: number; at: string; ms: number } | null = null;
  for (const o of observations) {
    const ms = o.at === null ? Number.NaN : Date.parse(o.at);
    if (o.code !== BODY_WEIGHT_LOINC || o.value === null || Number.isNaN(ms)) continue;
    if (!latest || ms > latest.ms) latest = { kg: o.value, at: o.at ?? '', ms };
  }
  if (latest) return { kg: latest.kg, at: latest.at };
  return recordedKg === null ? null : { kg: recordedKg, at: null };
}

const DAY = 86_400_000;

/** The oldest weight mg/kg is computed from, in days, for a child of this age. */
export function maxWeightAgeDays(age: Age): number {
  return age.unit === 'years' && age.count >= 1 ? 30 : 7;
}

export type PerKgWeight =
  | { readonly kind: 'usable'; readonly kg: number }
  | { readonly kind: 'undated' }
  | { readonly kind: 'too-old'; readonly at: string; readonly maxDays: number }
  | { readonly kind: 'none' };

/** Whether the weight may be divided into a child's dose at `now`. */
export function perKgWeight(weight: DosingWeight | null, age: Age, now: Date): PerKgWeight {
  if (weight === null || weight.kg <= 0) return { kind: 'none' };
  if (weight.at === null) return { kind: 'undated' };
  const maxDays = maxWeightAgeDays(age);
  const measured = Date.parse(weight.at);
  return now.getTime() - measured > maxDays * DAY
    ? { kind: 'too-old', at: weight.at, maxDays }
    : { kind: 'usable', kg: weight.kg };
}

/**
 * For a child (under 18 at `now` on the ward's calendar), whether and from what weight mg/kg
 * may be computed; null for an adult or a patient of unknown age. Screen and paper ask this.
 */
export function childDosingWeight(
  patient: { readonly birthDate: string | null; readonly weightKg: number | null },
  observations: Parameters<typeof dosingWeight>[0],
  now: Date,
  timeZone: string,
): PerKgWeight | null {
  const age = ageAt(patient.birthDate, now, timeZone);
  if (age === null || !isChild(patient.birthDate, now, timeZone)) return null;
  return perKgWeight(dosingWeight(observations, patient.weightKg), age, now);
}

/** Doses a day from the frequency, when it is a fixed number of doses per day; else null. */
export function dosesPerDay(f: Frequency | null | undefined): number | null {
  if (!f || f.frequencyMax !== null || f.periodMax !== null) return null;
  const n = f.frequency ?? (f.timeOfDay.length > 0 ? f.timeOfDay.length : 1);
  if (f.period === null) return f.timeOfDay.length > 0 ? f.timeOfDay.length : null;
  if (f.periodUnit === 'h') return (n * 24) / f.period;
  if (f.periodUnit === 'd' && f.period === 1) return n;
  return null;
}

export interface PerKg {
  /** mg/kg for one dose. */
  readonly perDose: number;
  /** mg/kg over 24 h at the ordered frequency (null for a PRN or an irregular one). */
  readonly perDay: number | null;
  /** A PRN's maximum per 24 h in mg/kg (null without one in a mass unit). */
  readonly maxPerDay: number | null;
}

const ratio = (mg: number, kg: number) => Number(exact(mg / kg).toPrecision(3));

/** mg/kg for an order with a single dose in a mass unit; null for any other dose. */
export function perKg(
  order: {
    readonly dose: number | null;
    readonly doseUnit: string | null;
    readonly prn: boolean;
    readonly maxDose: string | null;
    readonly frequencyParts?: Frequency | null;
  },
  kg: number,
): PerKg | null {
  if (order.dose === null || order.doseUnit === null) return null;
  const mg = milligrams({ value: order.dose, unit: order.doseUnit });
  if (mg === null) return null;
  const perDay = order.prn ? null : dosesPerDay(order.frequencyParts);
  const max = order.prn ? maxPerDay(order.maxDose) : null;
  const maxMg = max === null ? null : milligrams(max);
  return {
    perDose: ratio(mg, kg),
    perDay: perDay === null ? null : ratio(mg * perDay, kg),
    maxPerDay: maxMg === null ? null : ratio(maxMg, kg),
  };
}

/** "12,5 mg/kg per dose · 50 mg/kg per 24 h". */
export function formatPerKg(values: PerKg, t: TranslateWord): string {
  const n = (value: number) => formatNumber(value, t.language);
  return [
    t('perKg.dose', { value: n(values.perDose) }),
    values.perDay === null ? null : t('perKg.day', { value: n(values.perDay) }),
    values.maxPerDay === null ? null : t('perKg.maxDay', { value: n(values.maxPerDay) }),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

type PerKgOrder = Parameters<typeof perKg>[0] & {
  /** An order of several dose lines (a taper, a loading dose): each line's own dose and rhythm. */
  readonly doseLines?: readonly {
    readonly dose: number | null;
    readonly doseUnit: string | null;
    readonly frequencyParts?: Frequency | null;
  }[];
};

/** The order's doses mg/kg is said of: each dose line's when it has several, else its own. */
function doses(order: PerKgOrder): readonly Parameters<typeof perKg>[0][] {
  const lines = order.doseLines ?? [];
  if (lines.length < 2) return [order];
  return lines.map((line) => ({ ...line, prn: order.prn, maxDose: order.maxDose }));
}

/** The figures of each dose in a mass unit; a line's prefixed with its number. */
function figures(order: PerKgOrder, kg: number, t: TranslateWord): string | null {
  const each = doses(order);
  const said = each.flatMap((dose, i) => {
    const values = perKg(dose, kg);
    if (values === null) return [];
    const text = formatPerKg(values, t);
    return [each.length === 1 ? text : t('perKg.onLine', { line: i + 1, figures: text })];
  });
  return said.length === 0 ? null : said.join(' — ');
}

/**
 * What is said beside a child's dose: its mg/kg (`figures`), or why none is computed and that
 * the child must be weighed (`weigh`). Null when nothing is: an adult, a dose that is not a
 * single mass (mL, units, a range), or no weight at all — the patient band says that one
 * ("NOT RECORDED — weigh before dosing"). An order of several dose lines (a child's taper)
 * gets each line's figures, numbered as its lines are. `date` says the weight's date as the
 * reader reads dates.
 */
export function perKgNote(
  order: PerKgOrder,
  dosing: PerKgWeight | null,
  t: TranslateWord,
  date: (iso: string) => string,
): { readonly kind: 'figures' | 'weigh'; readonly text: string } | null {
  // A dose in a mass unit at all? Asked with 1 kg, since the answer does not depend on it.
  const inMass = doses(order).some((dose) => perKg(dose, 1) !== null);
  if (dosing === null || dosing.kind === 'none' || !inMass) return null;
  switch (dosing.kind) {
    case 'usable': {
      const text = figures(order, dosing.kg, t);
      return text === null ? null : { kind: 'figures', text };
    }
    case 'undated':
      return { kind: 'weigh', text: t('perKg.undated') };
    case 'too-old':
      return {
        kind: 'weigh',
        text: t('perKg.tooOld', { date: date(dosing.at), days: dosing.maxDays }),
      };
    default: {
      const unknown: never = dosing;
      return unknown;
    }
  }
}
