/**
 * Reading a FHIR R4 `Timing` as it comes out of an order (kept verbatim as JSON in the export):
 * a lenient zod schema for the parts a schedule needs, the v3 GTSAbbreviation codes a Timing
 * may carry instead of structured data, and FHIR date/dateTime values as instants.
 */
import { z } from 'zod';
import { type ScheduleProblem, scheduleProblem } from '../../common/schedule-problem.ts';
import { dayOfCivil, instantAt } from './zoned-time.ts';

export const PERIOD_UNITS = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export const DAYS_OF_WEEK = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const DurationSchema = z.object({
  value: z.number().nonnegative(),
  unit: z.string().optional(),
  code: z.string().optional(),
});

const RepeatSchema = z.object({
  boundsDuration: DurationSchema.optional(),
  boundsRange: z.unknown().optional(),
  boundsPeriod: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
  count: z.number().int().positive().optional(),
  frequency: z.number().int().positive().optional(),
  /** "1 to 2 times": said in the frequency words; the schedule uses `frequency`. */
  frequencyMax: z.number().int().positive().optional(),
  period: z.number().positive().optional(),
  /** "every 4 to 6 h": said in the frequency words; the schedule uses `period`. */
  periodMax: z.number().positive().optional(),
  periodUnit: z.enum(PERIOD_UNITS).optional(),
  dayOfWeek: z.array(z.enum(DAYS_OF_WEEK)).optional(),
  timeOfDay: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/)).optional(),
  when: z.array(z.string()).optional(),
  offset: z.number().int().nonnegative().optional(),
});
export type Repeat = z.infer<typeof RepeatSchema>;

const CodeableConceptSchema = z.object({
  coding: z
    .array(z.object({ code: z.string().optional(), display: z.string().optional() }))
    .optional(),
  text: z.string().optional(),
});

const TimingSchema = z.object({
  event: z.array(z.string()).optional(),
  repeat: RepeatSchema.optional(),
  code: CodeableConceptSchema.optional(),
});
export type Timing = z.infer<typeof TimingSchema>;

/** A Timing object or its JSON text; a problem (naming the field) when it cannot be read. */
export function readTiming(value: unknown): { timing: Timing } | { problem: ScheduleProblem } {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      return { problem: scheduleProblem('timing-not-json') };
    }
  }
  if (json === null || json === undefined) return { problem: scheduleProblem('no-timing') };
  const parsed = TimingSchema.safeParse(json);
  if (parsed.success) return { timing: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? ['timing', ...issue.path.map(String)].join('.') : 'timing';
  return { problem: scheduleProblem('timing-unreadable', { field: where }) };
}

/** v3 GTSAbbreviation (FHIR timing-abbreviation) as the structured repeat it stands for. */
const ABBREVIATIONS: Readonly<Record<string, Repeat>> = {
  QD: { frequency: 1, period: 1, periodUnit: 'd' },
  BID: { frequency: 2, period: 1, periodUnit: 'd' },
  TID: { frequency: 3, period: 1, periodUnit: 'd' },
  QID: { frequency: 4, period: 1, periodUnit: 'd' },
  QOD: { frequency: 1, period: 2, periodUnit: 'd' },
  Q1H: { frequency: 1, period: 1, periodUnit: 'h' },
  Q2H: { frequency: 1, period: 2, periodUnit: 'h' },
  Q3H: { frequency: 1, period: 3, periodUnit: 'h' },
  Q4H: { frequency: 1, period: 4, periodUnit: 'h' },
  Q6H: { frequency: 1, period: 6, periodUnit: 'h' },
  Q8H: { frequency: 1, period: 8, periodUnit: 'h' },
  Q12H: { frequency: 1, period: 12, periodUnit: 'h' },
  // v3: AM "every morning", PM "every afternoon" (at institution specified times).
  AM: { when: ['MORN'] },
  PM: { when: ['AFT'] },
  BED: { when: ['HS'] },
  WK: { frequency: 1, period: 1, periodUnit: 'wk' },
  MO: { frequency: 1, period: 1, periodUnit: 'mo' },
};

/** The repeat a `Timing.code` stands for, from its codings or its text; null if unknown. */
export function repeatOfCode(code: Timing['code']): Repeat | null {
  const candidates = [...(code?.coding ?? []).map((c) => c.code), code?.text];
  for (const candidate of candidates) {
    const repeat = candidate ? ABBREVIATIONS[candidate.trim().toUpperCase()] : undefined;
    if (repeat) return repeat;
  }
  return null;
}

/** Whether a repeat says anything about *when* (not only bounds or a count). */
export function hasDosePattern(repeat: Repeat): boolean {
  return (
    repeat.period !== undefined ||
    repeat.frequency !== undefined ||
    (repeat.timeOfDay?.length ?? 0) > 0 ||
    (repeat.when?.length ?? 0) > 0 ||
    (repeat.dayOfWeek?.length ?? 0) > 0
  );
}

/**
 * The repeat to schedule: the structured one; where that says nothing about when (only bounds
 * or a count) or is absent, the pattern of the abbreviation code, with those bounds and count.
 */
export function repeatToSchedule(timing: Timing): Repeat | undefined {
  const { repeat } = timing;
  if (repeat && hasDosePattern(repeat)) return repeat;
  const coded = repeatOfCode(timing.code);
  return coded ? { ...coded, ...repeat } : repeat;
}

const FHIR_DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * A FHIR date or dateTime as an instant. Partial dates (`2026`, `2026-03`, `2026-03-29`) cover
 * their whole span on the site's calendar: `edge = 'start'` gives its first instant, `'end'` its
 * last millisecond (a period ending "2026-03-30" includes that day). A dateTime without an
 * offset is read on the site's wall clock. Null when the value is not a date.
 */
export function parseFhirInstant(
  value: string,
  timeZone: string,
  edge: 'start' | 'end',
): number | null {
  const m = FHIR_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, fraction, zone] = m;
  const year = Number(y);
  if (hh !== undefined) {
    const seconds = Number(hh) * 3600 + Number(mi) * 60 + Number(ss ?? 0);
    const millis = Math.round(Number(fraction ?? 0) * 1000);
    if (zone === undefined) {
      const day = dayOfCivil({ year, month: Number(mo), day: Number(d) });
      return instantAt(day, seconds, timeZone) + millis;
    }
    const ms = Date.parse(value.trim());
    return Number.isNaN(ms) ? null : ms;
  }
  const first = dayOfCivil({ year, month: Number(mo ?? 1), day: Number(d ?? 1) });
  if (edge === 'start') return instantAt(first, 0, timeZone);
  const next =
    d !== undefined
      ? first + 1
      : mo !== undefined
        ? dayOfCivil({ year, month: Number(mo) + 1, day: 1 })
        : dayOfCivil({ year: year + 1, month: 1, day: 1 });
  return instantAt(next, 0, timeZone) - 1;
}

/** `HH:MM[:SS]` as seconds since midnight. */
export function secondsOfTime(time: string): number {
  const [h = '0', m = '0', s = '0'] = time.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Math.floor(Number(s));
}
