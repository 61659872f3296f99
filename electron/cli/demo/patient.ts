/**
 * One demo patient: who they are, where they are (admitted to a bed, discharged, or seen as an
 * outpatient) and, for admitted patients, the whole chart a ward needs during a downtime.
 */
import { PARENTS, REASONS, RELATIONSHIPS, type Text } from './catalog.ts';
import { DAY_MS, HOUR_MS, type PatientContext, type Profile, type Trajectory } from './context.ts';
import { type Emit, type Reference, SYSTEMS, concept, iso, ref } from './fhir.ts';
import { type Bed, WARD_TEMPLATES, type WardKind } from './hospital.ts';
import { emitMedications } from './medications.ts';
import { emitDevices } from './devices.ts';
import { ageInMonths } from './growth.ts';
import { FIXED_PATIENTS, type PersonName, randomName } from './names.ts';
import { emitBodyMeasures, emitLabs, emitVitals } from './observations.ts';
import { emitCarePlan, emitHandover, emitNotes, emitWardFacts } from './plan.ts';
import type { Rng } from './prng.ts';
import {
  chooseComorbidities,
  emitAllergies,
  emitCodeStatus,
  emitIsolation,
  emitProblems,
} from './status.ts';

export type PatientStatus = 'admitted' | 'discharged' | 'outpatient';

export interface Fate {
  readonly status: PatientStatus;
  /** Index into WARD_TEMPLATES: where they are (or were) cared for. */
  readonly template: number;
}

const TEMPLATE_WEIGHTS = WARD_TEMPLATES.map((template, index) => [index, template.weight] as const);
/** Wards of the fixed patients (FIXED_PATIENTS order), spread over both sites. */
const FIXED_WARDS = ['3B', 'GE', 'IG5', 'PE', '4C', '2A', 'SI'].map((code) =>
  WARD_TEMPLATES.findIndex((t) => t.code === code),
);

/** The first draws of a patient's stream: the generator sizes the wards from these alone. */
export function fateOf(rng: Rng, index: number): Fate {
  const status = rng.weighted([
    ['admitted', 85],
    ['discharged', 10],
    ['outpatient', 5],
  ] as const);
  const template = rng.weighted(TEMPLATE_WEIGHTS);
  const fixed = FIXED_WARDS[index];
  return fixed === undefined ? { status, template } : { status: 'admitted', template: fixed };
}

export interface Staff {
  readonly doctors: readonly [Reference, ...Reference[]];
  readonly nurses: readonly [Reference, ...Reference[]];
}

export interface PatientInput {
  readonly index: number;
  readonly rng: Rng;
  readonly fate: Fate;
  /** The bed of an admitted patient. */
  readonly bed: Bed | null;
  readonly asOf: number;
  readonly staff: Staff;
  readonly organization: Reference;
  /** Where admitted patients were before their bed (the site's emergency department). */
  readonly emergencyWard: Reference;
  /** The ward a discharged patient stayed on. */
  readonly ward: Reference;
  readonly encodeNote: (text: string) => string;
  readonly emit: Emit;
}

function ageFor(rng: Rng, kind: WardKind): number {
  const older = () => Math.max(rng.next(), rng.next());
  switch (kind) {
    case 'pediatrics':
      return rng.int(0, 15);
    case 'geriatrics':
      return rng.int(75, 98);
    case 'icu':
      return 25 + Math.floor(older() * 63);
    case 'cardiology':
      return 45 + Math.floor(older() * 48);
    case 'surgery':
      return 18 + Math.floor(older() * 73);
    case 'medicine':
      return 20 + Math.floor(older() * 76);
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

const phone = (rng: Rng): string =>
  `+32 4${rng.int(60, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;

/** An 8-digit MRN: 7 digits from the patient number and a check digit (mod 10, weights 1-2). */
export function mrnOf(index: number): string {
  const body = String(3_000_000 + index);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const LANGUAGE_TEXT = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch' } as const;

/**
 * The fixed paediatric patient (FIXED_PATIENTS[3], ward PE) is a 5-month-old, so the demo
 * always has an infant the paediatric early-warning score is charted for.
 */
const FIXED_INFANT = { index: 3, ageDays: 152 } as const;

function birthDateOf(rng: Rng, age: number, asOf: number, index: number): string {
  const days = age * 365.25 + rng.int(1, 364);
  const born = new Date(
    asOf - (index === FIXED_INFANT.index ? FIXED_INFANT.ageDays : days) * DAY_MS,
  );
  const full = born.toISOString().slice(0, 10);
  // A few records only know the year or the month (kept as given by the importer).
  return rng.chance(0.004) ? full.slice(0, 4) : rng.chance(0.004) ? full.slice(0, 7) : full;
}

function emitPatient(
  input: PatientInput,
  id: string,
  name: PersonName,
  age: number,
  lang: PatientContext['lang'],
): string {
  const { rng } = input;
  const contacts = Array.from({ length: rng.chance(0.8) ? rng.int(1, 2) : 0 }, () => {
    const relation = rng.pick(age < 16 ? PARENTS : RELATIONSHIPS);
    const person = randomName(rng, name.language);
    return {
      relationship: [
        {
          coding: [{ system: SYSTEMS.contactRelationship, code: relation.code }],
          text: relation[lang],
        },
      ],
      name: {
        family: relation.code === 'N' && rng.chance(0.6) ? name.family : person.family,
        given: [person.given],
      },
      telecom: [{ system: 'phone', value: phone(rng), use: 'mobile' }],
    };
  });
  // Drawn in this order (phone, then birth date), so the demo's stream stays as it was.
  const telecom = rng.chance(0.7) ? [{ system: 'phone', value: phone(rng), use: 'home' }] : [];
  const birthDate = birthDateOf(rng, age, input.asOf, input.index);
  input.emit({
    resourceType: 'Patient',
    id,
    meta: { tag: [{ system: SYSTEMS.ward, code: 'demo', display: 'Synthetic demo data' }] },
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR' }], text: 'MRN' },
        system: SYSTEMS.mrn,
        value: mrnOf(input.index),
      },
    ],
    active: true,
    name: [{ use: 'official', family: name.family, given: [name.given] }],
    telecom,
    gender: name.sex,
    birthDate,
    communication: [
      {
        language: {
          coding: [{ system: SYSTEMS.bcp47, code: `${name.language}-BE` }],
          text: LANGUAGE_TEXT[name.language],
        },
        preferred: true,
      },
    ],
    ...(contacts.length > 0 ? { contact: contacts } : {}),
  });
  return birthDate;
}

const SERVICE_TEXT: Readonly<Record<WardKind, Text>> = {
  medicine: { fr: 'Médecine interne', nl: 'Inwendige geneeskunde', de: 'Innere Medizin' },
  surgery: { fr: 'Chirurgie', nl: 'Heelkunde', de: 'Chirurgie' },
  icu: { fr: 'Soins intensifs', nl: 'Intensieve zorg', de: 'Intensivmedizin' },
  geriatrics: { fr: 'Gériatrie', nl: 'Geriatrie', de: 'Geriatrie' },
  cardiology: { fr: 'Cardiologie', nl: 'Cardiologie', de: 'Kardiologie' },
  pediatrics: { fr: 'Pédiatrie', nl: 'Pediatrie', de: 'Pädiatrie' },
};

export function generatePatient(input: PatientInput): void {
  const { rng, fate, asOf, staff } = input;
  const template = WARD_TEMPLATES[fate.template];
  if (!template) throw new RangeError(`no ward template ${fate.template}`);
  const lang = template.site.language;
  const name = FIXED_PATIENTS[input.index] ?? randomName(rng, lang);
  const drawnAge = ageFor(rng, template.kind);
  const age = input.index === FIXED_INFANT.index ? 0 : drawnAge;
  const id = `p${input.index + 1}`;
  const birthDate = emitPatient(input, id, name, age, lang);

  const reason = rng.pick(REASONS[template.kind]);
  const admittedAt =
    fate.status === 'admitted'
      ? asOf - Math.round((2 + 330 * rng.next() ** 2) * 60) * 60_000
      : asOf - rng.int(5, 90) * DAY_MS - rng.int(0, 23) * HOUR_MS;
  const doctor = rng.pick(staff.doctors);
  const nurses: [Reference, ...Reference[]] = [rng.pick(staff.nurses), rng.pick(staff.nurses)];
  const comorbidities = chooseComorbidities(rng, age);
  const ctx: PatientContext = {
    rng,
    id,
    lang,
    asOf,
    admittedAt,
    kind: template.kind,
    age,
    ageMonths: ageInMonths(birthDate, asOf),
    sex: name.sex,
    reason,
    profiles: new Set<Profile>(
      [reason, ...comorbidities].flatMap((d) => (d.profile ? [d.profile] : [])),
    ),
    trajectory: rng.weighted<Trajectory>([
      ['improving', 5],
      ['stable', 4],
      ['worsening', 1],
    ]),
    subject: ref('Patient', id),
    encounter: ref('Encounter', `${id}-stay`),
    doctor,
    nurses,
    emit: input.emit,
  };
  emitEncounter(input, ctx, template.kind);
  emitProblems(ctx, comorbidities);
  const allergens = emitAllergies(ctx);
  if (fate.status !== 'admitted') return;
  emitCodeStatus(ctx);
  emitIsolation(ctx);
  const weightKg = emitBodyMeasures(ctx);
  emitVitals(ctx);
  emitLabs(ctx);
  emitMedications(ctx, allergens, weightKg);
  emitWardFacts(ctx);
  emitCarePlan(ctx);
  emitNotes(ctx, input.encodeNote);
  emitHandover(ctx);
  emitDevices(ctx);
}

function emitEncounter(input: PatientInput, ctx: PatientContext, kind: WardKind): void {
  const { fate, bed, rng } = input;
  const reasonCode = [
    concept(SYSTEMS.icd10, ctx.reason.icd10, ctx.reason.fr, ctx.reason[ctx.lang]),
  ];
  const participant = [
    {
      type: [
        { coding: [{ system: SYSTEMS.participationType, code: 'ATND', display: 'attender' }] },
      ],
      individual: ctx.doctor,
    },
  ];
  const common = {
    resourceType: 'Encounter',
    id: `${ctx.id}-stay`,
    subject: ctx.subject,
    participant,
    reasonCode,
    serviceType: { text: SERVICE_TEXT[kind][ctx.lang] },
    serviceProvider: input.organization,
  };
  if (fate.status === 'outpatient') {
    input.emit({
      ...common,
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
      period: { start: iso(ctx.admittedAt), end: iso(ctx.admittedAt + HOUR_MS) },
    });
    return;
  }
  if (fate.status === 'discharged' || !bed) {
    const end = Math.min(ctx.admittedAt + rng.int(2, 10) * DAY_MS, ctx.asOf - DAY_MS);
    input.emit({
      ...common,
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'IMP', display: 'inpatient encounter' },
      period: { start: iso(ctx.admittedAt), end: iso(end) },
      location: [
        {
          location: input.ward,
          status: 'completed',
          period: { start: iso(ctx.admittedAt), end: iso(end) },
        },
      ],
    });
    return;
  }
  // Some patients came through the emergency department: the bed is their second location.
  // A few admitted in the last hours are still there, waiting for the bed.
  const hoursIn = (ctx.asOf - ctx.admittedAt) / HOUR_MS;
  const stillInEmergency = hoursIn < 4 && rng.chance(0.5);
  const viaEmergency = !stillInEmergency && hoursIn > 6 && rng.chance(0.3);
  const inBed = viaEmergency ? ctx.admittedAt + rng.int(2, 5) * HOUR_MS : ctx.admittedAt;
  const emergency = (end: number | null) => ({
    location: input.emergencyWard,
    status: end === null ? 'active' : 'completed',
    period: { start: iso(ctx.admittedAt), ...(end === null ? {} : { end: iso(end) }) },
  });
  const expectedDischarge = rng.chance(0.4) ? ctx.asOf + rng.int(1, 6) * DAY_MS : null;
  input.emit({
    ...common,
    status: 'in-progress',
    class: { system: SYSTEMS.actCode, code: 'IMP', display: 'inpatient encounter' },
    period: {
      start: iso(ctx.admittedAt),
      ...(expectedDischarge ? { end: iso(expectedDischarge) } : {}),
    },
    location: stillInEmergency
      ? [emergency(null)]
      : [
          ...(viaEmergency ? [emergency(inBed)] : []),
          { location: ref('Location', bed.bedId), status: 'active', period: { start: iso(inBed) } },
        ],
  });
}
