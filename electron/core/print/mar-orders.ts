/**
 * What each order of a chart is on a MAR sheet: a row to sign at its times, a sliding scale, a
 * PRN with write-in rows, a held order ("do not give", no boxes), one to check before giving
 * (draft, status unknown, not interpretable, no computable schedule), or recently stopped. Only
 * an active order is ever given boxes to sign; nothing is dropped.
 */
import {
  givenDoses,
  lastDayOfDoses,
  tooSoonAfterLastDose,
  type LastDay,
} from '../../common/administered.ts';
import type { ScheduleProblem } from '../../common/schedule-problem.ts';
import type { Administration, Chart, ChartMedication, OrderState } from '../model.ts';
import { scheduleOrder, type ScheduleClock } from '../db/order-schedule.ts';
import { readTiming, repeatToSchedule, type Repeat } from '../schedule/timing.ts';
import { localDayOf } from '../schedule/zoned-time.ts';
import { parseInstant } from './format.ts';
import type { MarWindow } from './mar-window.ts';

export type MarEntry =
  | {
      readonly kind: 'scheduled';
      readonly order: ChartMedication;
      readonly times: readonly Date[];
      /** The dose line due at each of `times` (`DueDose.line`), in the same order. */
      readonly lines: readonly (number | null)[];
      /** The last dose given is less than half an interval before the first time: check it. */
      readonly tooSoonAfter: Date | null;
    }
  | {
      readonly kind: 'sliding-scale';
      readonly order: ChartMedication;
      readonly times: readonly Date[];
    }
  | {
      readonly kind: 'prn';
      readonly order: ChartMedication;
      /** Every dose of the order the export records as given, oldest first. */
      readonly given: readonly Administration[];
      /** The doses of the 24 h before the data's time and their total against the maximum. */
      readonly lastDay: LastDay<Administration>;
    }
  | { readonly kind: 'held'; readonly order: ChartMedication }
  /** A continuous infusion: it runs at its rate; rows for rate changes, no dose times. */
  | { readonly kind: 'infusion'; readonly order: ChartMedication }
  | {
      readonly kind: 'check';
      readonly order: ChartMedication;
      /** Why it is not to give: its state, or an active order not to give in this window. */
      readonly state: Exclude<OrderState, 'held' | 'recently-stopped'>;
      /**
       * Why no times could be computed, else null — for an order not to give too (draft, status
       * unknown, not interpretable, do not give): its timing is read as if it were active, so
       * the prescriber is asked about both at once.
       */
      readonly problem: ScheduleProblem | null;
    }
  | { readonly kind: 'stopped'; readonly order: ChartMedication };

export interface MarOrders {
  readonly entries: readonly MarEntry[];
  /**
   * Administrations of the 24 h before the window start — and up to the data's time when the
   * window starts before it — newest last.
   */
  readonly lastDay: readonly Administration[];
  /** The data's time when the window starts before it: the list runs to then. */
  readonly lastDayUntil: Date | null;
  /** The data's time: what a PRN's "last 24 h" count back from. */
  readonly asOf: Date;
}

const HOUR = 3_600_000;
/** "Stopped in the last 24 h" is listed; older stopped orders are history, not the round. */
const STOPPED_SHOWN_HOURS = 24;

/**
 * The order's state on this sheet (the importer's, model.ts), with one refinement: an order
 * stopped more than 24 h before the data is history, not part of the round.
 */
export function orderStateOf(order: ChartMedication, asOf: Date): OrderState | 'ended' {
  if (order.state !== 'recently-stopped') return order.state;
  const end = parseInstant(order.end);
  return end && asOf.getTime() - end.getTime() <= STOPPED_SHOWN_HOURS * HOUR
    ? 'recently-stopped'
    : 'ended';
}

/**
 * Insulin given by a correction scale rather than a fixed dose: glucose decides the units. Not
 * insulin with a fixed dose at each meal (several dose lines, each with its units).
 */
export function isSlidingScale(order: ChartMedication): boolean {
  const insulin = order.code?.toUpperCase().startsWith('A10A') || /insulin/i.test(order.drug ?? '');
  return insulin === true && order.dose === null && order.doseLines.every((l) => l.dose === null);
}

/** ATC J01: antibacterials for systemic use, whose day of treatment the ward counts. */
export function isAntibiotic(order: ChartMedication): boolean {
  return order.code?.toUpperCase().startsWith('J01') === true;
}

/** Day n of the treatment at `at` (day 1 is the start date), on the ward's calendar. */
export function treatmentDay(order: ChartMedication, at: Date, timeZone: string): number | null {
  const start = parseInstant(order.start);
  if (!start) return null;
  const day = localDayOf(at.getTime(), timeZone) - localDayOf(start.getTime(), timeZone) + 1;
  return day >= 1 ? day : null;
}

/** The structured repeat of an order's timing, or null when it has none that can be read. */
export function repeatOf(order: ChartMedication): Repeat | null {
  const read = readTiming(order.timing);
  return 'problem' in read ? null : (repeatToSchedule(read.timing) ?? null);
}

export function marOrders(
  chart: Chart,
  window: MarWindow,
  clock: ScheduleClock,
  asOf: Date,
): MarOrders {
  const entries: MarEntry[] = [];
  for (const order of chart.medications) {
    const state = orderStateOf(order, asOf);
    switch (state) {
      case 'ended':
        continue;
      case 'held':
        entries.push({ kind: 'held', order });
        continue;
      case 'recently-stopped':
        entries.push({ kind: 'stopped', order });
        continue;
      case 'draft':
      case 'status-unknown':
      case 'not-interpretable':
        entries.push({ kind: 'check', order, state, problem: timingProblem(order, window, clock) });
        continue;
      case 'active':
        entries.push(
          order.doNotPerform
            ? {
                kind: 'check',
                order,
                state: 'active',
                problem: timingProblem(order, window, clock),
              }
            : activeEntry(chart, order, window, clock, asOf),
        );
        continue;
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  }
  // A sheet started at the round, before the data's time, lists what was already given since
  // (the 08:00 doses of a sheet from 07:00 printed at 09:22) — never as blank boxes alone.
  const from = window.start.getTime() - 24 * HOUR;
  const until = Math.max(window.start.getTime(), asOf.getTime() + 1);
  const lastDay = chart.administrations
    .filter((a) => {
      const at = parseInstant(a.at)?.getTime();
      return at !== undefined && at >= from && at < until;
    })
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return {
    entries,
    lastDay,
    lastDayUntil: asOf.getTime() > window.start.getTime() ? asOf : null,
    asOf,
  };
}

/**
 * What would stop the order's timing being placed on the clock if it were to give: the
 * schedule expansion's problem for the order read as active and to give, else null.
 */
function timingProblem(
  order: ChartMedication,
  window: MarWindow,
  clock: ScheduleClock,
): ScheduleProblem | null {
  const asIfToGive = { ...order, state: 'active' as const, doNotPerform: false };
  const result = order.prn ? null : scheduleOrder(asIfToGive, window, clock);
  return result?.kind === 'unscheduled' ? result.problem : null;
}

function activeEntry(
  chart: Chart,
  order: ChartMedication,
  window: MarWindow,
  clock: ScheduleClock,
  asOf: Date,
): MarEntry {
  // The screen's rule (common/administered.ts): a split request's doses count on both parts.
  const prn = (): MarEntry => ({
    kind: 'prn',
    order,
    given: givenDoses(order.id, chart.administrations),
    lastDay: lastDayOfDoses(order, chart.administrations, asOf),
  });
  if (order.prn) return prn();
  const result = scheduleOrder(order, window, clock);
  switch (result.kind) {
    case 'unscheduled':
      return { kind: 'check', order, state: 'not-interpretable', problem: result.problem };
    case 'prn':
      return prn();
    case 'continuous':
      return { kind: 'infusion', order };
    case 'not-given':
      return { kind: 'check', order, state: 'active', problem: null };
    case 'doses': {
      const times = result.doses.map((d) => d.at);
      if (isSlidingScale(order)) return { kind: 'sliding-scale', order, times };
      return {
        kind: 'scheduled',
        order,
        times,
        lines: result.doses.map((d) => d.line),
        tooSoonAfter: tooSoonAfterLastDose(order, times[0]),
      };
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
