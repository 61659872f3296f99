/**
 * A short frequency for a FHIR `Timing`, printed next to the drug on screens and the MAR: the
 * compact notation wards read in every language ("q6h", "2×/d", "08:00, 20:00", "ACM, HS",
 * "1×/wk · mon"), built from UCUM units and FHIR codes so it needs no translation.
 */
import { type Repeat, readTiming, repeatToSchedule } from './timing.ts';

function frequencyText(repeat: Repeat): string | null {
  const { period, periodUnit } = repeat;
  if (period === undefined || periodUnit === undefined) return null;
  const frequency = repeat.frequency ?? 1;
  if (frequency === 1) {
    if (periodUnit === 's' || periodUnit === 'min' || periodUnit === 'h')
      return `q${period}${periodUnit}`;
    return period === 1 ? `1×/${periodUnit}` : `q${period}${periodUnit}`;
  }
  return `${frequency}×/${period === 1 ? '' : period}${periodUnit}`;
}

function whenText(repeat: Repeat): string | null {
  if (!repeat.when?.length) return null;
  const codes = repeat.when.join(', ');
  return repeat.offset ? `${codes} (${repeat.offset} min)` : codes;
}

export function describeTiming(timing: unknown): string | null {
  const read = readTiming(timing);
  if ('problem' in read) return null;
  const { code } = read.timing;
  const codeText = code?.text ?? code?.coding?.[0]?.code ?? null;
  const repeat = repeatToSchedule(read.timing);
  if (!repeat) return codeText;
  const times = repeat.timeOfDay?.map((t) => t.slice(0, 5)).join(', ') ?? null;
  const when = whenText(repeat);
  // "08:00, 20:00" says more than "2×/d · 08:00, 20:00": the daily frequency goes when times are named.
  const named = times !== null || when !== null;
  const frequency =
    named && repeat.periodUnit === 'd' && repeat.period === 1 ? null : frequencyText(repeat);
  const parts = [
    frequency,
    times,
    when,
    repeat.dayOfWeek?.length ? repeat.dayOfWeek.join(', ') : null,
    repeat.count !== undefined ? `n=${repeat.count}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : codeText;
}
