/**
 * Taper steps (R4 `Dosage.sequence`): instructions with increasing sequence numbers follow one
 * another, each starting when the one before ends. A step ends by its own `boundsPeriod.end`,
 * its `boundsDuration` counted from its start, or its last dose when it has a `count`; it starts
 * at its own `boundsPeriod.start`, else right after the step before (the first: the order start).
 */
import { type ScheduleProblem, scheduleProblem } from '../../common/schedule-problem.ts';
import type { AdminTimes } from './admin-times.ts';
import { addDuration, expandTiming } from './expand.ts';
import { parseFhirInstant, readTiming } from './timing.ts';

export interface StepWindow {
  /** Epoch ms the step's doses start from (its origin for counts and intervals). */
  readonly start: number | null;
  /** Epoch ms after which the step gives nothing more (inclusive); null: open. */
  readonly end: number | null;
}

/** How far ahead a counted step is followed to find its last dose. */
const COUNT_HORIZON_MS = 400 * 24 * 3600 * 1000;

/** When a step that starts at `start` ends, or null when it does not say. */
function stepEnd(
  timing: string | null,
  start: number | null,
  clock: { readonly timeZone: string; readonly adminTimes: AdminTimes },
): number | null {
  const read = readTiming(timing);
  if ('problem' in read) return null;
  const repeat = read.timing.repeat;
  const ends: number[] = [];
  const periodEnd = repeat?.boundsPeriod?.end;
  if (periodEnd !== undefined) {
    const end = parseFhirInstant(periodEnd, clock.timeZone, 'end');
    if (end !== null) ends.push(end);
  }
  if (repeat?.boundsDuration && start !== null) {
    const end = addDuration(start, repeat.boundsDuration, clock.timeZone);
    if (end !== null) ends.push(end - 1); // exclusive, as expand.ts reads a duration
  }
  if (repeat?.count !== undefined && start !== null) {
    const counted = expandTiming(
      read.timing,
      { start: new Date(start), end: new Date(start + COUNT_HORIZON_MS) },
      { ...clock, orderStart: new Date(start) },
    );
    const last = counted.kind === 'times' ? counted.times.at(-1) : undefined;
    if (last !== undefined) ends.push(last.getTime());
  }
  return ends.length > 0 ? Math.min(...ends) : null;
}

/**
 * The window of each line, in the lines' order; a problem when a later step cannot be placed
 * (no start to count from, or a step before it that never ends).
 */
export function stepWindows(
  lines: readonly { readonly sequence: number | null; readonly timing: string | null }[],
  orderStart: number | null,
  clock: { readonly timeZone: string; readonly adminTimes: AdminTimes },
): StepWindow[] | { problem: ScheduleProblem } {
  const sequences = [...new Set(lines.map((l) => l.sequence ?? 0))].sort((a, b) => a - b);
  const windows = new Map<number, StepWindow>();
  let cursor = orderStart;
  for (const [step, sequence] of sequences.entries()) {
    let groupEnd: number | null = null;
    for (const [index, line] of lines.entries()) {
      if ((line.sequence ?? 0) !== sequence) continue;
      const read = readTiming(line.timing);
      const ownStart =
        'timing' in read && read.timing.repeat?.boundsPeriod?.start !== undefined
          ? parseFhirInstant(read.timing.repeat.boundsPeriod.start, clock.timeZone, 'start')
          : null;
      const start = ownStart ?? cursor;
      const last = step === sequences.length - 1;
      if (start === null && (step > 0 || !last))
        return { problem: scheduleProblem('needs-start-date') };
      const end = stepEnd(line.timing, start, clock);
      windows.set(index, { start, end });
      if (!last) {
        if (end === null) return { problem: scheduleProblem('step-without-end') };
        groupEnd = Math.max(groupEnd ?? end, end);
      }
    }
    cursor = groupEnd === null ? cursor : groupEnd + 1;
  }
  return lines.map((_, index) => windows.get(index) ?? { start: orderStart, end: null });
}

/** A step's window as it is said beside its dose line: ISO instants, null when open or unknown. */
export interface StepSpan {
  readonly start: string | null;
  readonly end: string | null;
}

/**
 * Each line's window when the lines are steps that follow one another (two or more sequence
 * numbers), for saying it ("from 2025-10-19 to 2025-10-25"); null for every line when they run
 * together (insulin at each meal) or when the steps cannot be placed (the order's schedule
 * problem says why). A window never says more than the source: the first step's start is the
 * order's, and a last step without an end is open.
 */
export function stepSpans(
  lines: readonly { readonly sequence: number | null; readonly timing: string | null }[],
  orderStart: number | null,
  clock: { readonly timeZone: string; readonly adminTimes: AdminTimes },
): (StepSpan | null)[] {
  const none = lines.map(() => null);
  if (new Set(lines.map((l) => l.sequence ?? 0)).size < 2) return none;
  const windows = stepWindows(lines, orderStart, clock);
  if ('problem' in windows) return none;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return windows.map((w) => ({ start: iso(w.start), end: iso(w.end) }));
}
