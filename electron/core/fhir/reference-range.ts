/**
 * Which of an observation's reference ranges is this patient's normal range. A range applies
 * when it names no population (`appliesTo`, `age`) or one the patient belongs to (sex, age at
 * T); a range for a population of patients with a condition ("Severe TBI") never applies by
 * itself. Of the applicable ranges the most specific wins; the others are kept as labelled
 * bands, so nothing the source says is lost.
 */
import type { Observation } from '../model.ts';
import type { ReferenceRange } from './records.ts';

const MALE: ReadonlySet<string> = new Set(['male', '248153007', 'M']);
const FEMALE: ReadonlySet<string> = new Set(['female', '248152002', 'F']);

export interface RangePatient {
  readonly sex: string | null;
  /** Age in years at T, null when the birth date is unknown. */
  readonly ageYears: number | null;
}

/** Age in whole fractional years between a FHIR birth date and T. */
export function ageAt(birthDate: string | null, t: number): number | null {
  if (birthDate === null) return null;
  const born = Date.parse(birthDate.length === 4 ? `${birthDate}-07-01` : birthDate);
  return Number.isNaN(born) ? null : (t - born) / (365.25 * 24 * 3600 * 1000);
}

function sexMatches(code: string, sex: string | null): boolean | null {
  if (MALE.has(code)) return sex === 'male';
  if (FEMALE.has(code)) return sex === 'female';
  return null; // not a sex code: a clinical population
}

/** 0: does not apply; 1: applies to everyone; 2+: applies, more specific. */
function fit(range: ReferenceRange, p: RangePatient): number {
  let score = 1;
  for (const code of range.appliesTo) {
    if (sexMatches(code, p.sex) !== true) return 0;
    score++;
  }
  if (range.hasAge) {
    if (p.ageYears === null) return 0;
    if (range.ageLowYears !== null && p.ageYears < range.ageLowYears) return 0;
    if (range.ageHighYears !== null && p.ageYears >= range.ageHighYears) return 0;
    score++;
  }
  return score;
}

export function chooseRange(
  ranges: readonly ReferenceRange[],
  p: RangePatient,
): Pick<Observation, 'refLow' | 'refHigh' | 'refText' | 'otherRanges'> {
  let best: ReferenceRange | null = null;
  let bestFit = 0;
  for (const range of ranges) {
    const f = fit(range, p);
    if (f > bestFit) {
      best = range;
      bestFit = f;
    }
  }
  return {
    refLow: best?.low ?? null,
    refHigh: best?.high ?? null,
    refText: best?.text ?? null,
    otherRanges: ranges
      .filter((r) => r !== best)
      .map((r) => ({ low: r.low, high: r.high, label: r.label })),
  };
}
