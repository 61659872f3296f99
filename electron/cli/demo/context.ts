/** What every part of one demo patient's chart is generated from. */
import type { Diagnosis, Text } from './catalog.ts';
import type { Emit, Reference } from './fhir.ts';
import type { WardKind } from './hospital.ts';
import type { Sex } from './names.ts';
import type { Rng } from './prng.ts';

export type Profile = NonNullable<Diagnosis['profile']>;
export type Trajectory = 'improving' | 'stable' | 'worsening';

export interface PatientContext {
  readonly rng: Rng;
  /** Resource id stem: `p12`, `p12-stay`, `p12-obs-3` … */
  readonly id: string;
  /** Language of the site's texts (notes, plans, I-PASS). */
  readonly lang: keyof Text;
  readonly asOf: number;
  readonly admittedAt: number;
  readonly kind: WardKind;
  /** Whole years, as drawn for the ward. */
  readonly age: number;
  /** Whole months from the birth date to `asOf`: what a child's size follows. */
  readonly ageMonths: number;
  readonly sex: Sex;
  readonly reason: Diagnosis;
  readonly profiles: ReadonlySet<Profile>;
  readonly trajectory: Trajectory;
  readonly subject: Reference;
  readonly encounter: Reference;
  readonly doctor: Reference;
  /** The patient's nurses; the first is the primary nurse. */
  readonly nurses: readonly [Reference, ...Reference[]];
  readonly emit: Emit;
}

/** The window of recent data the demo charts: 72 h before `asOf`, or since admission. */
export const HISTORY_MS = 72 * 3_600_000;
export const historyStart = (ctx: PatientContext): number =>
  Math.max(ctx.admittedAt, ctx.asOf - HISTORY_MS);

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** The demo hospital's wall clock. */
export const TIME_ZONE = 'Europe/Brussels';
