/** An order's doses in a window, through the one schedule expansion (schedule/expand.ts). */
import type { MedicationOrder } from '../model.ts';
import type { AdminTimes } from '../schedule/admin-times.ts';
import { expandTiming, type ScheduleResult } from '../schedule/expand.ts';
import { parseFhirInstant } from '../schedule/timing.ts';

export interface ScheduleClock {
  readonly adminTimes: AdminTimes;
  readonly timeZone: string;
}

function instant(value: string | null, timeZone: string, edge: 'start' | 'end'): Date | null {
  const ms = value === null ? null : parseFhirInstant(value, timeZone, edge);
  return ms === null ? null : new Date(ms);
}

export function scheduleOrder(
  order: MedicationOrder,
  window: { readonly start: Date; readonly end: Date },
  clock: ScheduleClock,
): ScheduleResult {
  let timing: unknown = null;
  try {
    timing = order.timing === null ? null : JSON.parse(order.timing);
  } catch {
    // Stored by our own importer as JSON; a damaged value is an unscheduled order below.
  }
  return expandTiming(timing, window, {
    timeZone: clock.timeZone,
    adminTimes: clock.adminTimes,
    prn: order.prn,
    orderStart: instant(order.start, clock.timeZone, 'start'),
    orderEnd: instant(order.end, clock.timeZone, 'end'),
  });
}
