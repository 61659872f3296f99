/**
 * Why an order's doses could not be placed on the clock, as a code (translated where it is
 * shown, on screen and on paper) with the source values it names. The order is then flagged
 * for a nurse to check with the prescriber, never silently dropped.
 */
import { z } from 'zod';
import type { TranslateWord } from './words/index.ts';

export const SCHEDULE_PROBLEM_CODES = [
  /** The stored timing is not JSON. */
  'timing-not-json',
  /** The order carries no timing at all. */
  'no-timing',
  /** A field of the timing has an unexpected shape; `field` names it (for IT: not shown). */
  'timing-unreadable',
  /** Neither frequency, period, time of day nor event. */
  'no-frequency',
  /** A coded timing (`code`) with no pattern we can compute. */
  'unknown-timing-code',
  /** An event code of `repeat.when` (`code`) that is not one we schedule. */
  'unknown-event-code',
  /** No standard times for `count` doses a day in the administration times. */
  'no-standard-times',
  /** More often than once a minute (a continuous infusion?). */
  'too-frequent',
  'frequency-without-period',
  'period-without-unit',
  /** `frequency` doses every `period` days that do not fall on whole days. */
  'days-do-not-fit',
  'weeks-not-whole',
  /** `frequency` doses a week without the days of the week. */
  'weekdays-missing',
  /** `frequency` doses every `period` `unit` (months, years) that do not fit calendar days. */
  'calendar-does-not-fit',
  /** `unit` is not a FHIR period unit. */
  'unknown-period-unit',
  /** `repeat.boundsPeriod.start` is not a date. */
  'start-not-date',
  /** `repeat.boundsPeriod.end` is not a date. */
  'end-not-date',
  'duration-needs-start',
  'duration-unit-unknown',
  'bounds-range',
  /** The schedule counts from a start date that is missing. */
  'needs-start-date',
  /** More than 20 years of doses: the start date is wrong. */
  'span-too-long',
  /** More than 10,000 doses. */
  'too-many-doses',
  /** A `timing.event` (`event`) that is not a date and time. */
  'event-not-date',
  /** A taper step (dosageInstruction.sequence) that never ends, so the next cannot start. */
  'step-without-end',
] as const;

export const ScheduleProblemCodeSchema = z.enum(SCHEDULE_PROBLEM_CODES);
export type ScheduleProblemCode = z.infer<typeof ScheduleProblemCodeSchema>;

export const ScheduleProblemSchema = z.object({
  code: ScheduleProblemCodeSchema,
  /** The source values the problem names (an unknown code, a count), shown as given. */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ScheduleProblem = z.infer<typeof ScheduleProblemSchema>;

export const scheduleProblem = (
  code: ScheduleProblemCode,
  values: Readonly<Record<string, string | number>> = {},
): ScheduleProblem => ({ code, values: { ...values } });

const TIME_UNITS = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'] as const;
const isTimeUnit = (unit: unknown): unit is (typeof TIME_UNITS)[number] =>
  (TIME_UNITS as readonly unknown[]).includes(unit);

/**
 * The problem in the reader's words; a FHIR period unit it names is spelled out. A problem of
 * one line of an order of several (`line`, counted from 1) says which line.
 */
export function describeScheduleProblem(t: TranslateWord, problem: ScheduleProblem): string {
  const { unit, line } = problem.values;
  const values = isTimeUnit(unit)
    ? { ...problem.values, unit: t(`timeUnit.${unit}`) }
    : problem.values;
  const words = t(`scheduleProblem.${problem.code}`, values);
  return typeof line === 'number' ? t('scheduleProblem.onLine', { line, problem: words }) : words;
}
