/**
 * An order's doses in a window, through the one schedule expansion (schedule/expand.ts). This
 * is the choke point every screen and report goes through: an order that is not `active`, an
 * order not to give, and a course that has ended never yield a due time — so the chart's
 * "next due", the MAR and every later report inherit it.
 */
import type { ScheduleProblem } from '../../common/schedule-problem.ts';
import type { DoseLine, MedicationOrder, OrderDoseLine } from '../model.ts';
import type { AdminTimes } from '../schedule/admin-times.ts';
import { expandTiming } from '../schedule/expand.ts';
import { stepWindows } from '../schedule/steps.ts';
import { parseFhirInstant } from '../schedule/timing.ts';

export interface ScheduleClock {
  readonly adminTimes: AdminTimes;
  readonly timeZone: string;
}

export interface ScheduledDose {
  readonly at: Date;
  /** Index into the order's `doseLines`; null for an order of one instruction. */
  readonly line: number | null;
}

export type OrderSchedule =
  | { readonly kind: 'doses'; readonly doses: readonly ScheduledDose[] }
  | { readonly kind: 'prn' }
  /** A continuous infusion: it runs at its rate, there is no dose time. */
  | { readonly kind: 'continuous' }
  | { readonly kind: 'unscheduled'; readonly problem: ScheduleProblem }
  /** Not to be given in this window: not active, do-not-perform, or its course has ended. */
  | { readonly kind: 'not-given' };

const NOT_GIVEN: OrderSchedule = { kind: 'not-given' };

function instant(value: string | null, timeZone: string, edge: 'start' | 'end'): number | null {
  return value === null ? null : parseFhirInstant(value, timeZone, edge);
}

function parsed(timing: string | null): unknown {
  try {
    return timing === null ? null : JSON.parse(timing);
  } catch {
    return undefined; // stored by our own importer as JSON; damaged: unscheduled below
  }
}

interface Line {
  readonly dose: DoseLine;
  readonly index: number | null;
  readonly start: number | null;
  readonly end: number | null;
}

/** Each line to expand, in its own window: taper steps follow one another (steps.ts). */
function linesOf(
  order: MedicationOrder,
  orderStart: number | null,
  orderEnd: number | null,
  clock: ScheduleClock,
): Line[] | { problem: ScheduleProblem } {
  if (order.doseLines.length === 0)
    return [{ dose: order, index: null, start: orderStart, end: orderEnd }];
  const windows = stepWindows(order.doseLines, orderStart, clock);
  if ('problem' in windows) return windows;
  return order.doseLines.map((dose: OrderDoseLine, index) => {
    const w = windows[index]!;
    return {
      dose,
      index,
      start: w.start,
      end: w.end === null ? orderEnd : orderEnd === null ? w.end : Math.min(w.end, orderEnd),
    };
  });
}

/** The problem of dose line `index` (0-based), naming the line as the reader counts (from 1). */
function onLine(problem: ScheduleProblem, index: number): ScheduleProblem {
  return { ...problem, values: { ...problem.values, line: index + 1 } };
}

export function scheduleOrder(
  order: MedicationOrder,
  window: { readonly start: Date; readonly end: Date },
  clock: ScheduleClock,
): OrderSchedule {
  // Only an active order to give is ever due: held, draft, status unknown, stopped and not
  // interpretable orders are shown, never scheduled.
  if (order.state !== 'active' || order.doNotPerform) return NOT_GIVEN;
  const orderStart = instant(order.start, clock.timeZone, 'start');
  const orderEnd = instant(order.end, clock.timeZone, 'end');
  // A course that ended before the window gives nothing, PRN and infusions included.
  if (orderEnd !== null && orderEnd < window.start.getTime()) return NOT_GIVEN;
  const lines = linesOf(order, orderStart, orderEnd, clock);
  if ('problem' in lines) return { kind: 'unscheduled', problem: lines.problem };
  if (lines.every((l) => l.dose.prn)) return { kind: 'prn' };
  if (lines.every((l) => l.dose.continuous)) return { kind: 'continuous' };

  const doses: ScheduledDose[] = [];
  for (const line of lines) {
    if (line.dose.continuous || line.dose.prn) continue;
    const result = expandTiming(parsed(line.dose.timing), window, {
      timeZone: clock.timeZone,
      adminTimes: clock.adminTimes,
      orderStart: line.start === null ? null : new Date(line.start),
      orderEnd: line.end === null ? null : new Date(line.end),
    });
    // An order of several lines says which line cannot be placed on the clock.
    if (result.kind === 'unscheduled')
      return line.index === null
        ? result
        : { kind: 'unscheduled', problem: onLine(result.problem, line.index) };
    if (result.kind === 'times')
      for (const at of result.times) doses.push({ at, line: line.index });
  }
  doses.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.line ?? 0) - (b.line ?? 0));
  return { kind: 'doses', doses };
}
