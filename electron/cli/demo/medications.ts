/**
 * Medication orders (MedicationRequest) and what was given over the last 72 h
 * (MedicationAdministration). Administration times come from the same schedule expansion the
 * viewer uses, so the demo MAR and the chart's "next due" agree.
 */
import { formatDose } from '../../common/dose.ts';
import { formatNumber } from '../../common/numbers.ts';
import { describeFrequency } from '../../common/frequency.ts';
import { wordsTranslator } from '../../common/words/index.ts';
import { DEFAULT_ADMIN_TIMES } from '../../core/schedule/admin-times.ts';
import { frequencyOf } from '../../core/schedule/describe.ts';
import { expandTiming } from '../../core/schedule/expand.ts';
import {
  DRUGS,
  type Drug,
  type DrugKey,
  HOLD_REASONS,
  NOT_GIVEN_REASONS,
  PROFILE_DRUGS,
  ROUTES,
  WARD_DRUGS,
} from './catalog.ts';
import { HOUR_MS, historyStart, type PatientContext, TIME_ZONE } from './context.ts';
import { type Reference, SYSTEMS, concept, iso, quantity, ref } from './fhir.ts';

/**
 * What the diagnoses and the ward call for, minus what the patient is allergic to, and one
 * drug per group (the first chosen).
 */
function chooseDrugs(ctx: PatientContext, allergens: readonly string[]): DrugKey[] {
  const { rng } = ctx;
  const chosen = new Set<DrugKey>();
  if (ctx.kind !== 'pediatrics') {
    for (const profile of ctx.profiles) {
      const options = PROFILE_DRUGS[profile];
      chosen.add(rng.pick(options));
      if (rng.chance(0.5)) chosen.add(rng.pick(options));
    }
  }
  const ward = WARD_DRUGS[ctx.kind];
  const extra = rng.int(2, Math.min(4, ward.length));
  for (let i = 0; i < extra; i++) chosen.add(rng.pick(ward));
  const groups = new Set<string>();
  return [...chosen].filter((key) => {
    const drug: Drug = DRUGS[key];
    if (drug.avoidWith?.some((allergen) => allergens.includes(allergen))) return false;
    if (drug.group === undefined) return true;
    if (groups.has(drug.group)) return false;
    groups.add(drug.group);
    return true;
  });
}

const routeOf = (drug: Drug, ctx: PatientContext) => {
  const route = ROUTES[drug.route];
  return concept(SYSTEMS.snomed, route.snomed, route.display, route[ctx.lang]);
};

function doseAndRate(drug: Drug) {
  const amount = quantity(drug.dose, drug.unit, drug.ucum);
  switch (drug.doseKind) {
    case undefined:
      return [{ doseQuantity: amount }];
    case 'range':
      return [{ doseRange: { low: quantity(0, drug.unit, drug.ucum), high: amount } }];
    case 'rate':
      return [{ rateQuantity: amount }];
    default: {
      const unknown: never = drug.doseKind;
      return unknown;
    }
  }
}

/** As needed: the reason (sometimes just "as needed") and the most in 24 h. */
function prnParts(drug: Drug, prn: NonNullable<Drug['prn']>, ctx: PatientContext) {
  return {
    ...(ctx.rng.chance(0.85)
      ? { asNeededCodeableConcept: { text: prn.reason[ctx.lang] } }
      : { asNeededBoolean: true }),
    maxDosePerPeriod: {
      numerator: quantity(prn.maxPer24h * drug.dose, drug.unit, drug.ucum),
      denominator: quantity(24, 'h', 'h'),
    },
  };
}

/**
 * The order as the prescriber wrote it, in the site's language ("1 sachet per os le matin",
 * "20 mmol IV 2 fois par jour"): the viewer prints the source's text as it is, so a French site
 * must write it in French.
 */
function writtenOrder(drug: Drug, ctx: PatientContext, timing: unknown): string {
  const t = wordsTranslator(ctx.lang);
  const frequency = frequencyOf(timing);
  return [
    formatDose({ dose: drug.dose, doseUnit: drug.unit, doseText: null }, t),
    drug.perKg && `(${formatNumber(drug.perKg.dose, ctx.lang)} ${drug.unit}/kg)`,
    ROUTES[drug.route][ctx.lang],
    frequency && describeFrequency(t, frequency),
  ]
    .filter(Boolean)
    .join(' ');
}

function dosage(drug: Drug, ctx: PatientContext, timing: unknown) {
  const route = routeOf(drug, ctx);
  const written = drug.doseText?.[ctx.lang] ?? writtenOrder(drug, ctx, timing);
  const instructions = drug.instructions?.[ctx.lang];
  return {
    text: instructions ? `${written} — ${instructions}` : written,
    ...(timing ? { timing } : {}),
    route,
    doseAndRate: doseAndRate(drug),
    ...(drug.prn ? prnParts(drug, drug.prn, ctx) : {}),
  };
}

/** Scheduled doses given (or not) since the history start; PRN doses now and then. */
function emitAdministrations(
  ctx: PatientContext,
  drug: Drug,
  order: string,
  timing: unknown,
  medication: ReturnType<typeof concept>,
  orderStart: number,
): void {
  const { rng } = ctx;
  const from = Math.max(historyStart(ctx), orderStart);
  if (from >= ctx.asOf) return;
  const window = { start: new Date(from), end: new Date(ctx.asOf) };
  let due: number[] = [];
  if (drug.prn) {
    const times = rng.int(0, 3);
    for (let i = 0; i < times; i++) {
      due.push(Math.floor((from + rng.next() * (ctx.asOf - from)) / 60_000) * 60_000);
    }
    due.sort((a, b) => a - b);
  } else if (timing) {
    const schedule = expandTiming(timing, window, {
      timeZone: TIME_ZONE,
      adminTimes: DEFAULT_ADMIN_TIMES,
    });
    if (schedule.kind === 'times') due = schedule.times.map((t) => t.getTime());
  }
  const route = routeOf(drug, ctx);
  due.forEach((at, n) => {
    const given = !rng.chance(0.05);
    // A sliding scale gives what the glucose called for, up to its maximum.
    const dose = drug.doseKind === 'range' ? rng.pick([0, 2, 2, 4, 6, drug.dose]) : drug.dose;
    ctx.emit({
      resourceType: 'MedicationAdministration',
      id: `${order}-ad${n}`,
      status: given ? 'completed' : 'not-done',
      ...(given ? {} : { statusReason: [{ text: rng.pick(NOT_GIVEN_REASONS)[ctx.lang] }] }),
      medicationCodeableConcept: medication,
      subject: ctx.subject,
      context: ctx.encounter,
      effectiveDateTime: iso(Math.min(at + (given ? rng.int(0, 35) * 60_000 : 0), ctx.asOf)),
      performer: [{ actor: rng.pick(ctx.nurses) }],
      request: ref('MedicationRequest', order),
      dosage: { route, dose: quantity(dose, drug.unit, drug.ucum) },
    });
  });
}

/** A child's drug at the dose its weight calls for (rounded, never above the adult dose). */
function doseFor(drug: Drug, weightKg: number): Drug {
  if (!drug.perKg) return drug;
  const { dose, step, cap } = drug.perKg;
  const rounded = Number((Math.max(1, Math.round((dose * weightKg) / step)) * step).toFixed(3));
  return { ...drug, dose: Math.min(cap, rounded) };
}

const MIXTURE_ID = 'mixture';

/** The syringe or bag as a Medication: the drug (active) and its vehicle (not active). */
function mixtureOf(
  drug: Drug,
  mixture: NonNullable<Drug['mixture']>,
  medication: { readonly coding: readonly object[]; readonly text: string },
  ctx: PatientContext,
) {
  const volume = quantity(mixture.volumeMl, 'mL', 'mL');
  return {
    resourceType: 'Medication',
    id: MIXTURE_ID,
    code: { text: drug.name[ctx.lang] },
    form: { text: mixture.form[ctx.lang] },
    amount: { numerator: volume, denominator: { value: 1 } },
    ingredient: [
      {
        itemCodeableConcept: { coding: medication.coding, text: mixture.active[ctx.lang] },
        isActive: true,
        strength: {
          numerator: quantity(mixture.amount, mixture.unit, mixture.unit),
          denominator: volume,
        },
      },
      {
        itemCodeableConcept: { text: mixture.vehicle[ctx.lang] },
        isActive: false,
        strength: { numerator: volume, denominator: { value: 1 } },
      },
    ],
  };
}

export function emitMedications(
  ctx: PatientContext,
  allergens: readonly string[],
  weightKg: number,
): void {
  const { rng } = ctx;
  chooseDrugs(ctx, allergens).forEach((key, n) => {
    const drug = doseFor(DRUGS[key], weightKg);
    const id = `${ctx.id}-rx${n}`;
    const orderStart = ctx.admittedAt + rng.int(1, 6) * HOUR_MS;
    const status = rng.weighted([
      ['active', 94],
      ['on-hold', 3],
      ['stopped', 3],
    ] as const);
    const end =
      status === 'stopped' ? Math.min(ctx.asOf - HOUR_MS, orderStart + 24 * HOUR_MS) : null;
    const timing = drug.timing && {
      ...drug.timing,
      repeat: {
        ...drug.timing.repeat,
        boundsPeriod: { start: iso(orderStart), ...(end === null ? {} : { end: iso(end) }) },
      },
    };
    const medication = {
      coding: [{ system: SYSTEMS.atc, code: drug.atc, display: drug.name.fr }],
      text: drug.name[ctx.lang],
    };
    const requester: Reference = ctx.doctor;
    const ordered = drug.mixture
      ? {
          contained: [mixtureOf(drug, drug.mixture, medication, ctx)],
          medicationReference: { reference: `#${MIXTURE_ID}` },
        }
      : { medicationCodeableConcept: medication };
    ctx.emit({
      resourceType: 'MedicationRequest',
      id,
      status,
      ...(status === 'on-hold' ? { statusReason: { text: rng.pick(HOLD_REASONS)[ctx.lang] } } : {}),
      intent: 'order',
      ...ordered,
      subject: ctx.subject,
      encounter: ctx.encounter,
      authoredOn: iso(orderStart - 30 * 60_000),
      requester,
      dosageInstruction: [dosage(drug, ctx, timing)],
    });
    if (status !== 'on-hold') emitAdministrations(ctx, drug, id, timing, medication, orderStart);
  });
}
