/**
 * What the export says was given, read the same way on screen and on paper: the doses of an
 * order given in the 24 h before a moment and their total against the order's maximum ("3 g of
 * 4 g max / 24 h"), and the interval check ("last given 11:00 — check the interval"). A total
 * is only said when every dose given reads as a quantity in a unit that adds up; otherwise the
 * doses are listed and the total is said to be uncountable — never a partial sum passed off as
 * the whole.
 */
import type { Frequency } from './frequency.ts';
import { isDoseOf } from './order-id.ts';
import {
  exact,
  inUnitOf,
  parseMaxPerPeriod,
  parseQuantity,
  periodMs,
  type MaxPerPeriod,
  type Quantity,
} from './quantity.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The fields of an administration these rules read (core's `Administration` has them). */
export interface GivenRecord {
  readonly orderId: string | null;
  readonly dose: string | null;
  readonly at: string | null;
  readonly status: string;
}

/** FHIR MedicationAdministration statuses that mean the drug went in. */
const GIVEN_STATUSES: ReadonlySet<string> = new Set(['completed', 'in-progress']);

const instant = (iso: string | null): number | null => {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/** Every dose of the order (of its request: see order-id.ts) the export records as given, oldest first. */
export function givenDoses<A extends GivenRecord>(
  orderId: string,
  administrations: readonly A[],
): A[] {
  return administrations
    .filter(
      (a) => isDoseOf(orderId, a.orderId) && instant(a.at) !== null && GIVEN_STATUSES.has(a.status),
    )
    .sort((a, b) => (instant(a.at) ?? 0) - (instant(b.at) ?? 0));
}

export type DayTotal =
  /** Every dose read: their sum, in the unit of the maximum when there is one. */
  | { readonly kind: 'total'; readonly total: Quantity }
  /** Some dose has no quantity, or one in a unit that does not add to the others. */
  | { readonly kind: 'uncountable' }
  | { readonly kind: 'none-given' };

export interface LastDay<A extends GivenRecord> {
  /** The doses given in the 24 h before `at`, oldest first. */
  readonly given: readonly A[];
  readonly total: DayTotal;
  /** The order's maximum when it reads as one per 24 h ("4 g / 1 d", "4 g / 24 h"). */
  readonly max: Quantity | null;
  /** The total has reached or passed the maximum. */
  readonly atOrOverMax: boolean;
}

/** The maximum when it is one per 24 h; another period is said as written, not compared. */
export function maxPerDay(maxDose: string | null): Quantity | null {
  const max: MaxPerPeriod | null = parseMaxPerPeriod(maxDose);
  return max !== null && periodMs(max.period) === DAY ? max.dose : null;
}

function totalOf(doses: readonly (string | null)[], unitOf: Quantity | null): DayTotal {
  if (doses.length === 0) return { kind: 'none-given' };
  const quantities = doses.map(parseQuantity);
  const first = quantities[0];
  const reference = unitOf ?? first ?? null;
  if (reference === null) return { kind: 'uncountable' };
  let sum = 0;
  for (const q of quantities) {
    const value = q === null ? null : inUnitOf(reference, q);
    if (value === null) return { kind: 'uncountable' };
    sum += value;
  }
  return { kind: 'total', total: { value: exact(sum), unit: reference.unit } };
}

/** The order's doses given in the 24 h before `at`, their total and the maximum. */
export function lastDayOfDoses<A extends GivenRecord>(
  order: { readonly id: string; readonly maxDose: string | null },
  administrations: readonly A[],
  at: Date,
): LastDay<A> {
  const end = at.getTime();
  const given = givenDoses(order.id, administrations).filter((a) => {
    const ms = instant(a.at) ?? Number.NaN;
    return ms > end - DAY && ms <= end;
  });
  const max = maxPerDay(order.maxDose);
  const total = totalOf(
    given.map((a) => a.dose),
    max,
  );
  return {
    given,
    total,
    max,
    atOrOverMax: max !== null && total.kind === 'total' && total.total.value >= max.value,
  };
}

/** An interval order (once every n hours or minutes): its interval in ms, else null. */
export function intervalMs(frequency: Frequency | null | undefined): number | null {
  if (!frequency || frequency.period === null || (frequency.frequency ?? 1) !== 1) return null;
  const unit = frequency.periodUnit === 'h' ? HOUR : frequency.periodUnit === 'min' ? 60_000 : null;
  return unit === null ? null : frequency.period * unit;
}

/**
 * The interval check: a dose given less than half an interval before the next time means the
 * next one may come too soon ("last given 11:00 — check the interval"). The time of that last
 * dose, or null when there is nothing to check.
 */
export function tooSoonAfterLastDose(
  order: { readonly frequencyParts?: Frequency | null; readonly lastGiven: string | null },
  next: Date | undefined,
): Date | null {
  const interval = intervalMs(order.frequencyParts);
  const last = instant(order.lastGiven);
  if (interval === null || last === null || !next) return null;
  const gap = next.getTime() - last;
  return gap >= 0 && gap < interval / 2 ? new Date(last) : null;
}

/**
 * For an as-needed order, "now" is the next time: a dose given less than one interval ago (a
 * PRN's interval is the shortest gap the prescriber allows) is flagged the same way.
 */
export function prnTooSoon(
  order: { readonly frequencyParts?: Frequency | null; readonly lastGiven: string | null },
  now: Date,
): Date | null {
  const interval = intervalMs(order.frequencyParts);
  const last = instant(order.lastGiven);
  if (interval === null || last === null) return null;
  const gap = now.getTime() - last;
  return gap >= 0 && gap < interval ? new Date(last) : null;
}
