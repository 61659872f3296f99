/**
 * Vitals every 2–8 h over the last 72 h and daily morning labs, following the patient's
 * trajectory (a fever settling, a saturation dropping) so trends and abnormal flags show.
 */
import { instantAt, localDayOf } from '../../core/schedule/zoned-time.ts';
import { HOUR_MS, historyStart, type PatientContext, type Profile, TIME_ZONE } from './context.ts';
import { SYSTEMS, concept, iso, quantity } from './fhir.ts';
import { medianSize } from './growth.ts';
import {
  BLOOD_PRESSURE_PANEL,
  LABS,
  type Measure,
  VITALS,
  interpretationOf,
  roundTo,
} from './measures.ts';

type Course = readonly [from: number, to: number];
type Courses<K extends string> = Readonly<Record<K, Course>>;

const VITAL_SIGNS = concept(SYSTEMS.observationCategory, 'vital-signs', 'Vital Signs');
const LABORATORY = concept(SYSTEMS.observationCategory, 'laboratory', 'Laboratory');

/** Value along a course at `progress` (0 = start of history, 1 = now), with noise. */
function along(ctx: PatientContext, course: Course, progress: number, noise: number): number {
  return course[0] + (course[1] - course[0]) * progress + ctx.rng.gauss() * noise;
}

/**
 * The parts of an observation that depend only on the measure (and the site's language),
 * built once: tens of thousands of patients share them, and JSON.stringify does not mind.
 */
interface MeasureParts {
  readonly code: Readonly<Record<PatientContext['lang'], ReturnType<typeof concept>>>;
  readonly referenceRange: readonly object[];
}
const measureParts = new Map<Measure, MeasureParts>();
function partsOf(measure: Measure): MeasureParts {
  let parts = measureParts.get(measure);
  if (!parts) {
    const code = (lang: PatientContext['lang']) =>
      concept(SYSTEMS.loinc, measure.loinc, measure.display, measure.text[lang]);
    parts = {
      code: { fr: code('fr'), nl: code('nl'), de: code('de') },
      referenceRange: [
        {
          low: quantity(measure.low, measure.unit, measure.ucum),
          high: quantity(measure.high, measure.unit, measure.ucum),
        },
      ],
    };
    measureParts.set(measure, parts);
  }
  return parts;
}
const INTERPRETATIONS = Object.fromEntries(
  (['L', 'H', 'LL', 'HH'] as const).map((flag) => [
    flag,
    [concept(SYSTEMS.interpretation, flag, flag)],
  ]),
);

/** Code, value and flag; labs also carry their reference range (vitals rarely do in EHR exports). */
function observed(ctx: PatientContext, measure: Measure, value: number, withRange: boolean) {
  const v = roundTo(value, measure.decimals);
  const flag = interpretationOf(measure, v);
  const parts = partsOf(measure);
  return {
    code: parts.code[ctx.lang],
    valueQuantity: quantity(v, measure.unit, measure.ucum),
    ...(flag === 'N' ? {} : { interpretation: INTERPRETATIONS[flag] }),
    ...(withRange ? { referenceRange: parts.referenceRange } : {}),
  };
}

function vitalCourses(ctx: PatientContext): Courses<keyof typeof VITALS> {
  const child = ctx.kind === 'pediatrics';
  const fever = ctx.profiles.has('infection');
  const lungs = ctx.profiles.has('respiratory');
  const hr: Course = child ? [118, 108] : [fever ? 104 : 84, 80];
  const courses: Record<keyof typeof VITALS, Course> = {
    heartRate: hr,
    systolic: child ? [104, 106] : [132, 126],
    diastolic: child ? [64, 66] : [78, 74],
    temperature: fever ? [38.7, 37.1] : [36.9, 36.8],
    spo2: lungs ? [91, 95] : [97, 97],
    respiratoryRate: child ? [32, 26] : lungs ? [24, 18] : [16, 16],
  };
  switch (ctx.trajectory) {
    case 'improving':
      return courses;
    case 'stable':
      return Object.fromEntries(
        Object.entries(courses).map(([k, [, to]]) => [k, [to, to] as const]),
      ) as Courses<keyof typeof VITALS>;
    case 'worsening':
      return {
        heartRate: [hr[1], hr[1] + 32],
        systolic: [courses.systolic[1], courses.systolic[1] - 34],
        diastolic: [courses.diastolic[1], courses.diastolic[1] - 18],
        temperature: [37.2, 38.8],
        spo2: [96, 89],
        respiratoryRate: [courses.respiratoryRate[1], courses.respiratoryRate[1] + 10],
      };
    default: {
      const unknown: never = ctx.trajectory;
      return unknown;
    }
  }
}

export function emitVitals(ctx: PatientContext): void {
  const { rng } = ctx;
  // ICU, children and deteriorating patients every 4 h; the others mostly once a shift.
  const everyHours =
    ctx.kind === 'icu' || ctx.kind === 'pediatrics' || ctx.trajectory === 'worsening'
      ? 4
      : rng.weighted([
          [4, 1],
          [6, 2],
          [8, 3],
        ] as const);
  const step = everyHours * HOUR_MS;
  const from = historyStart(ctx);
  const span = Math.max(ctx.asOf - from, 1);
  const courses = vitalCourses(ctx);
  let n = 0;
  for (let round = Math.floor(ctx.asOf / step) * step; round >= from; round -= step) {
    const at = iso(round + rng.int(0, 25) * 60_000);
    const progress = (round - from) / span;
    const base = {
      status: 'final',
      category: [VITAL_SIGNS],
      subject: ctx.subject,
      encounter: ctx.encounter,
      effectiveDateTime: at,
    };
    const value = (key: keyof typeof VITALS, noise: number) =>
      observed(ctx, VITALS[key], along(ctx, courses[key], progress, noise), false);
    const emitVital = (fields: Record<string, unknown>) =>
      ctx.emit({ resourceType: 'Observation', id: `${ctx.id}-vs-${n++}`, ...base, ...fields });
    emitVital(value('heartRate', 4));
    emitVital({
      code: concept(
        SYSTEMS.loinc,
        BLOOD_PRESSURE_PANEL.loinc,
        BLOOD_PRESSURE_PANEL.display,
        BLOOD_PRESSURE_PANEL.text[ctx.lang],
      ),
      component: [value('systolic', 7), value('diastolic', 5)],
    });
    emitVital(value('temperature', 0.2));
    emitVital(value('spo2', 1));
    emitVital(value('respiratoryRate', 1.5));
  }
}

function labCourses(ctx: PatientContext): Partial<Courses<keyof typeof LABS>> {
  const has = (p: Profile) => ctx.profiles.has(p);
  const worse = ctx.trajectory === 'worsening';
  const toward = (bad: number, good: number): Course => (worse ? [good, bad] : [bad, good]);
  const female = ctx.sex === 'female';
  return {
    hemoglobin: ctx.rng.chance(0.15) ? [8.4, 8.9] : female ? [12.8, 12.6] : [14.2, 14],
    leukocytes: has('infection') ? toward(17.5, 9.8) : [7.2, 7],
    platelets: [240, 250],
    sodium: ctx.kind === 'geriatrics' ? [131, 136] : [139, 140],
    potassium: has('renal') ? [3.1, 3.7] : [4.1, 4.2],
    creatinine: has('renal') ? toward(2.3, 1.4) : [0.9, 0.9],
    crp: has('infection') ? toward(185, 48) : [3, 2.5],
    glucose: has('diabetes') ? toward(310, 165) : [98, 95],
    ...(has('cardiac') ? { troponin: [86, 41] as const } : {}),
    ...(ctx.kind === 'icu' ? { lactate: toward(4.6, 1.8) } : {}),
  };
}

/** A morning draw (06:00 on the ward's clock) every day since admission, within the history. */
export function emitLabs(ctx: PatientContext): void {
  const from = historyStart(ctx);
  const span = Math.max(ctx.asOf - from, 1);
  const courses = labCourses(ctx);
  let n = 0;
  // The admission panel (even when older than the history), then each morning's draw.
  const admission = Math.min(ctx.admittedAt + HOUR_MS, ctx.asOf);
  const draws = [admission];
  for (let day = localDayOf(from, TIME_ZONE); ; day++) {
    const draw = instantAt(day, 6 * 3600, TIME_ZONE);
    if (draw > ctx.asOf) break;
    if (draw >= from && draw > admission + 6 * HOUR_MS) draws.push(draw);
  }
  const tests = Object.entries(courses) as [keyof typeof LABS, Course][];
  // Follow-up draws repeat the basics and whatever is (or goes) out of range, as wards do.
  const followUp = tests.filter(
    ([key, course]) =>
      key === 'hemoglobin' ||
      key === 'potassium' ||
      course.some((v) => v < LABS[key].low || v > LABS[key].high),
  );
  for (const draw of draws) {
    const progress = Math.max(0, (draw - from) / span);
    const at = iso(draw + ctx.rng.int(0, 40) * 60_000);
    for (const [key, course] of draw === admission ? tests : followUp) {
      const measure = LABS[key];
      const spread = (measure.high - measure.low) * 0.04;
      ctx.emit({
        resourceType: 'Observation',
        id: `${ctx.id}-lab-${n++}`,
        status: 'final',
        category: [LABORATORY],
        subject: ctx.subject,
        encounter: ctx.encounter,
        effectiveDateTime: at,
        issued: iso(draw + 2 * HOUR_MS),
        ...observed(ctx, measure, Math.max(0, along(ctx, course, progress, spread)), true),
      });
    }
  }
}

/** Weight and height at admission; returns the weight (kg, as charted) for weight-based doses. */
export function emitBodyMeasures(ctx: PatientContext): number {
  const { rng } = ctx;
  const child = ctx.age < 16;
  const median = medianSize(ctx.ageMonths);
  // One draw each, as before, so the rest of the demo's stream is unchanged.
  const height = child
    ? median.cm + rng.gauss() * 3
    : (ctx.sex === 'female' ? 163 : 176) + rng.gauss() * 7;
  const weight = child
    ? median.kg * (1 + Math.max(-2, Math.min(2, rng.gauss())) * 0.08)
    : (ctx.sex === 'female' ? 68 : 81) + rng.gauss() * 12;
  const at = iso(ctx.admittedAt + 2 * HOUR_MS);
  const base = {
    status: 'final',
    category: [VITAL_SIGNS],
    subject: ctx.subject,
    encounter: ctx.encounter,
    effectiveDateTime: at,
  };
  ctx.emit({
    resourceType: 'Observation',
    id: `${ctx.id}-weight`,
    ...base,
    code: concept(
      SYSTEMS.loinc,
      '29463-7',
      'Body weight',
      { fr: 'Poids', nl: 'Gewicht', de: 'Gewicht' }[ctx.lang],
    ),
    valueQuantity: quantity(roundTo(weight, 1), 'kg', 'kg'),
  });
  ctx.emit({
    resourceType: 'Observation',
    id: `${ctx.id}-height`,
    ...base,
    code: concept(
      SYSTEMS.loinc,
      '8302-2',
      'Body height',
      { fr: 'Taille', nl: 'Lengte', de: 'Größe' }[ctx.lang],
    ),
    valueQuantity: quantity(Math.round(height), 'cm', 'cm'),
  });
  return roundTo(weight, 1);
}
