/**
 * The rows of an observation chart, and the Bedside Paediatric Early Warning System (PEWS)
 * bands for a child's chart, by age group.
 *
 * Source of the PEWS bands: Parshuram CS, Hutchison J, Middaugh K. "Development and initial
 * validation of the Bedside Paediatric Early Warning System score". Critical Care 2009;13:R135
 * (doi:10.1186/cc7998), Table 1 — the age groups (0–3 months, 3–12 months, 1–4 years, 4–12
 * years, over 12 years) and, per group, the heart rate, systolic blood pressure and
 * respiratory rate limits of each sub-score (0, 1, 2, 4); the respiratory effort (normal,
 * mild, moderate, severe or any apnoea: 0, 1, 2, 4) and oxygen therapy (room air; any, under
 * 4 L/min or 50 %; 4 L/min or 50 % and more: 0, 2, 4) sub-scores from the same table.
 *
 * Read from the table as it is printed: a sub-score "≥ b or ≤ a" holds both tails beyond the
 * normal range; each tail is one row on the chart, so a value is found by reading across
 * (the rate limits are whole numbers, as the table gives them). Where the table writes "or"
 * for the normal range of the respiratory rate (3–12 months and older) it means "and", as for
 * every other group. The score's SpO2 and capillary refill rows are printed to record, without
 * a printed score: their sub-scores could not be read unambiguously from the source we have,
 * and a chart never says more than its source — the ward scores them by its own protocol
 * (said in the legend).
 */
import type { MessageKey } from './messages.ts';

/** A band: the values it holds (inclusive) and the score it earns (null: none printed). */
export interface Band {
  /** A band that is a symbol (A, C/V/P/U), not a range of numbers. */
  readonly label?: string;
  /** A band that is a word in the reader's language ("Room air"). */
  readonly labelKey?: MessageKey;
  readonly score: number | null;
  readonly min?: number;
  readonly max?: number;
}

export interface Parameter {
  readonly title: MessageKey;
  /** LOINC codes read for the first column, and the units the bands are in. */
  readonly codes: readonly string[];
  readonly units: readonly string[];
  readonly bands: readonly Band[];
}

export const band = (score: number | null, min?: number, max?: number): Band => ({
  score,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
export const word = (label: string, score: number): Band => ({ label, score });
const words = (labelKey: MessageKey, score: number | null): Band => ({ labelKey, score });

/** The age groups of the Bedside PEWS. */
export const PEWS_AGES = ['0-3m', '3-12m', '1-4y', '4-12y', '12y+'] as const;
export type PewsAge = (typeof PEWS_AGES)[number];

/**
 * One vital sign's limits for one age group, as Table 1 gives them: normal strictly between
 * `normalAbove` and `normalBelow`; sub-score 1 at or beyond those; 2 at `twoFrom` and above or
 * `twoTo` and below; 4 at `fourFrom` and above or `fourTo` and below.
 */
interface Limits {
  readonly normalAbove: number;
  readonly normalBelow: number;
  readonly twoFrom: number;
  readonly twoTo: number;
  readonly fourFrom: number;
  readonly fourTo: number;
}

const limits = (
  normalAbove: number,
  normalBelow: number,
  twoFrom: number,
  twoTo: number,
  fourFrom: number,
  fourTo: number,
): Limits => ({ normalAbove, normalBelow, twoFrom, twoTo, fourFrom, fourTo });

/** The seven whole-number rows of a vital sign, highest first. */
function rows(l: Limits): Band[] {
  return [
    band(4, l.fourFrom),
    band(2, l.twoFrom, l.fourFrom - 1),
    band(1, l.normalBelow, l.twoFrom - 1),
    band(0, l.normalAbove + 1, l.normalBelow - 1),
    band(1, l.twoTo + 1, l.normalAbove),
    band(2, l.fourTo + 1, l.twoTo),
    band(4, undefined, l.fourTo),
  ];
}

// Table 1: "≥ 150 or ≤ 110" (1), "≥ 180 or ≤ 90" (2), "≥ 190 or ≤ 80" (4) for 0–3 months …
const HEART_RATE: Readonly<Record<PewsAge, Limits>> = {
  '0-3m': limits(110, 150, 180, 90, 190, 80),
  '3-12m': limits(100, 150, 170, 80, 180, 70),
  '1-4y': limits(90, 120, 150, 70, 170, 60),
  // "> 150 or ≤ 50" for 4: from 151.
  '4-12y': limits(70, 110, 130, 60, 151, 50),
  // "≥ 120 or < 50" for 2: to 49.
  '12y+': limits(60, 100, 120, 49, 140, 40),
};

const SYSTOLIC: Readonly<Record<PewsAge, Limits>> = {
  '0-3m': limits(60, 80, 100, 50, 130, 45),
  '3-12m': limits(80, 100, 120, 70, 150, 60),
  '1-4y': limits(90, 110, 125, 75, 160, 65),
  '4-12y': limits(90, 120, 140, 80, 170, 70),
  '12y+': limits(100, 130, 150, 85, 190, 75),
};

const RESPIRATORY_RATE: Readonly<Record<PewsAge, Limits>> = {
  '0-3m': limits(29, 61, 81, 19, 91, 15),
  '3-12m': limits(24, 51, 71, 19, 81, 15),
  '1-4y': limits(19, 41, 61, 15, 71, 12),
  '4-12y': limits(19, 31, 41, 14, 51, 10),
  '12y+': limits(11, 17, 23, 10, 30, 9),
};

/** The PEWS chart of one age group, in the order a nurse takes the observations. */
export function pewsParameters(age: PewsAge): Parameter[] {
  return [
    {
      title: 'obs.respiration',
      codes: ['9279-1'],
      units: ['/min', 'breaths/min', '{breaths}/min'],
      bands: rows(RESPIRATORY_RATE[age]),
    },
    {
      title: 'obs.respEffort',
      codes: [],
      units: [],
      bands: [
        words('obs.effortNormal', 0),
        words('obs.effortMild', 1),
        words('obs.effortModerate', 2),
        words('obs.effortSevere', 4),
      ],
    },
    {
      title: 'obs.oxygenTherapy',
      codes: [],
      units: [],
      bands: [words('obs.roomAir', 0), words('obs.oxygenLow', 2), words('obs.oxygenHigh', 4)],
    },
    // Recorded, not scored here (see above): one row for the value.
    { title: 'obs.spo2Value', codes: ['59408-5', '2708-6'], units: ['%'], bands: [band(null)] },
    {
      title: 'obs.pulse',
      codes: ['8867-4'],
      units: ['/min', 'beats/min', '{beats}/min'],
      bands: rows(HEART_RATE[age]),
    },
    {
      title: 'obs.systolic',
      codes: ['8480-6'],
      units: ['mmHg', 'mm[Hg]'],
      bands: rows(SYSTOLIC[age]),
    },
    {
      title: 'obs.capRefill',
      codes: [],
      units: [],
      bands: [words('obs.capRefillNormal', null), words('obs.capRefillSlow', null)],
    },
  ];
}

/**
 * The age group of a child born on `birthDate` (`YYYY-MM-DD`) at `at`: under 3 months, under
 * 12, under 4 years, up to 12 years (completed), older; null for an adult (16 and over, when
 * NEWS2 applies) or a birth date without its day.
 */
export function pewsAgeOf(birthDate: string | null, at: Date): PewsAge | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) return null;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const months =
    (at.getUTCFullYear() - y) * 12 + (at.getUTCMonth() + 1 - mo) - (at.getUTCDate() < d ? 1 : 0);
  if (months < 0 || Number.isNaN(months)) return null;
  if (months < 3) return '0-3m';
  if (months < 12) return '3-12m';
  const years = Math.floor(months / 12);
  if (years < 4) return '1-4y';
  if (years <= 12) return '4-12y';
  return years < NEWS2_FROM_AGE ? '12y+' : null;
}

/** NEWS2 "is not for use in children (under 16)" (RCP, NEWS2 report, 2017). */
export const NEWS2_FROM_AGE = 16;
