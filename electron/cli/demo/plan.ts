/**
 * What the team plans and hands over: the nursing care plan with due times, goals, requests
 * (and one "do not"), diet, fall risk and mobility, nursing notes, and the I-PASS handover.
 */
import {
  DIETS,
  DO_NOT_REQUESTS,
  FALL_RISK,
  GOALS,
  IPASS_ACTIONS,
  IPASS_AWARENESS,
  IPASS_AWARENESS_CHILD,
  MOBILITY,
  NOTES,
  NURSING_TASKS,
  SERVICE_REQUESTS,
  type Text,
} from './catalog.ts';
import { HOUR_MS, type PatientContext } from './context.ts';
import { SYSTEMS, concept, iso, wardConcept } from './fhir.ts';
import type { Rng } from './prng.ts';

/** `count` different items (fewer if the list is shorter). */
function some<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < count * 4; tries++) {
    chosen.add(rng.pick(items));
  }
  return [...chosen];
}

/** The next whole hour after `asOf` plus `hours`. */
const dueIn = (ctx: PatientContext, hours: number): string =>
  iso((Math.floor(ctx.asOf / HOUR_MS) + hours) * HOUR_MS);

export function emitCarePlan(ctx: PatientContext): void {
  const { rng } = ctx;
  const activity = some(rng, NURSING_TASKS, rng.int(2, 4)).map((task, n) => ({
    detail: {
      kind: 'Task',
      code: { text: task[ctx.lang] },
      status: n === 0 && rng.chance(0.3) ? 'in-progress' : 'scheduled',
      ...(n === 0 && rng.chance(0.4)
        ? {
            scheduledString: { fr: 'Chaque matin', nl: 'Elke ochtend', de: 'Jeden Morgen' }[
              ctx.lang
            ],
          }
        : { scheduledPeriod: { start: dueIn(ctx, rng.int(1, 20)) } }),
      performer: [ctx.nurses[0]],
    },
  }));
  ctx.emit({
    resourceType: 'CarePlan',
    id: `${ctx.id}-cp`,
    status: 'active',
    intent: 'plan',
    title: { fr: 'Plan de soins infirmiers', nl: 'Verpleegplan', de: 'Pflegeplan' }[ctx.lang],
    category: [
      {
        coding: [{ system: SYSTEMS.ward, code: 'nursing' }],
        text: { fr: 'Soins infirmiers', nl: 'Verpleegkunde', de: 'Pflege' }[ctx.lang],
      },
    ],
    subject: ctx.subject,
    encounter: ctx.encounter,
    period: { start: iso(ctx.admittedAt) },
    activity,
  });
  some(rng, GOALS, rng.int(1, 2)).forEach((goal, n) => {
    ctx.emit({
      resourceType: 'Goal',
      id: `${ctx.id}-goal${n}`,
      lifecycleStatus: 'active',
      description: { text: goal[ctx.lang] },
      subject: ctx.subject,
      startDate: iso(ctx.admittedAt).slice(0, 10),
    });
  });
  const requests: [Text, boolean][] = some(rng, SERVICE_REQUESTS, rng.int(0, 2)).map((r) => [
    r,
    false,
  ]);
  if (rng.chance(0.08)) requests.push([rng.pick(DO_NOT_REQUESTS), true]);
  requests.forEach(([request, doNotPerform], n) => {
    ctx.emit({
      resourceType: 'ServiceRequest',
      id: `${ctx.id}-sr${n}`,
      status: 'active',
      intent: 'order',
      ...(doNotPerform
        ? { doNotPerform: true }
        : { occurrenceDateTime: dueIn(ctx, rng.int(2, 36)) }),
      code: { text: request[ctx.lang] },
      subject: ctx.subject,
      encounter: ctx.encounter,
      authoredOn: iso(ctx.admittedAt + HOUR_MS),
      requester: ctx.doctor,
    });
  });
}

export function emitWardFacts(ctx: PatientContext): void {
  const { rng } = ctx;
  const diet = rng.pick(DIETS);
  ctx.emit({
    resourceType: 'NutritionOrder',
    id: `${ctx.id}-diet`,
    status: 'active',
    intent: 'order',
    patient: ctx.subject,
    encounter: ctx.encounter,
    dateTime: iso(ctx.admittedAt + HOUR_MS),
    orderer: ctx.doctor,
    oralDiet: {
      type: [{ text: diet[ctx.lang] }],
      ...(diet.texture ? { texture: [{ modifier: { text: diet.texture[ctx.lang] } }] } : {}),
      ...(diet.fluid ? { fluidConsistencyType: [{ text: diet.fluid[ctx.lang] }] } : {}),
    },
  });
  const elderly = ctx.age >= 75;
  const fact = (code: string, label: Text, value: string, n: number) =>
    ctx.emit({
      resourceType: 'Observation',
      id: `${ctx.id}-${code}`,
      status: 'final',
      code: wardConcept(code, label[ctx.lang]),
      subject: ctx.subject,
      encounter: ctx.encounter,
      effectiveDateTime: iso(ctx.asOf - (n + 2) * HOUR_MS),
      valueString: value,
    });
  fact(
    'fall-risk',
    { fr: 'Risque de chute', nl: 'Valrisico', de: 'Sturzrisiko' },
    rng.pick(elderly ? FALL_RISK.slice(1) : FALL_RISK.slice(0, 2))[ctx.lang],
    0,
  );
  fact(
    'mobility',
    { fr: 'Mobilité', nl: 'Mobiliteit', de: 'Mobilität' },
    rng.pick(MOBILITY)[ctx.lang],
    1,
  );
}

const NOTE_TITLE: Text = { fr: 'Note infirmière', nl: 'Verpleegnota', de: 'Pflegebericht' };

export function emitNotes(ctx: PatientContext, encode: (text: string) => string): void {
  const { rng } = ctx;
  some(rng, NOTES, rng.int(1, 3)).forEach((note, n) => {
    ctx.emit({
      resourceType: 'DocumentReference',
      id: `${ctx.id}-note${n}`,
      status: 'current',
      docStatus: 'final',
      type: concept(SYSTEMS.loinc, '34746-8', 'Nurse Note', NOTE_TITLE[ctx.lang]),
      subject: ctx.subject,
      date: iso(ctx.asOf - (n * 8 + rng.int(1, 6)) * HOUR_MS),
      author: [rng.pick(ctx.nurses)],
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            language: `${ctx.lang}-BE`,
            data: encode(note[ctx.lang]),
            title: NOTE_TITLE[ctx.lang],
          },
        },
      ],
      context: { encounter: [ctx.encounter] },
    });
  });
}

const SEVERITY_TEXT = {
  stable: { fr: 'Stable', nl: 'Stabiel', de: 'Stabil' },
  watcher: { fr: 'À surveiller', nl: 'Op te volgen', de: 'Beobachten' },
  unstable: { fr: 'Instable', nl: 'Instabiel', de: 'Instabil' },
} as const;

function summaryOf(ctx: PatientContext): string {
  const day = new Date(ctx.admittedAt).toISOString().slice(0, 10);
  const age =
    ctx.age === 0
      ? { fr: 'Nourrisson', nl: 'Zuigeling', de: 'Säugling' }[ctx.lang]
      : `${ctx.age} ${{ fr: 'ans', nl: 'jaar', de: 'Jahre' }[ctx.lang]}`;
  const course = {
    improving: { fr: 'Évolution favorable.', nl: 'Gunstige evolutie.', de: 'Günstiger Verlauf.' },
    stable: { fr: 'État stationnaire.', nl: 'Stationaire toestand.', de: 'Zustand unverändert.' },
    worsening: {
      fr: 'Dégradation depuis hier : à réévaluer.',
      nl: 'Achteruitgang sinds gisteren: herevalueren.',
      de: 'Verschlechterung seit gestern: neu beurteilen.',
    },
  }[ctx.trajectory][ctx.lang];
  switch (ctx.lang) {
    case 'fr':
      return `${age}, admis(e) le ${day} pour ${ctx.reason.fr.toLowerCase()}. ${course}`;
    case 'nl':
      return `${age}, opgenomen op ${day} voor ${ctx.reason.nl.toLowerCase()}. ${course}`;
    case 'de':
      return `${age}, aufgenommen am ${day} wegen ${ctx.reason.de}. ${course}`;
    default: {
      const unknown: never = ctx.lang;
      return unknown;
    }
  }
}

export function emitHandover(ctx: PatientContext): void {
  const { rng } = ctx;
  const severity =
    ctx.trajectory === 'worsening'
      ? rng.chance(0.4)
        ? 'unstable'
        : 'watcher'
      : ctx.kind === 'icu'
        ? 'watcher'
        : rng.chance(0.12)
          ? 'watcher'
          : 'stable';
  const at = iso(ctx.asOf - rng.int(1, 10) * HOUR_MS);
  let n = 0;
  const ipass = (code: string, label: string, value: Record<string, unknown>) =>
    ctx.emit({
      resourceType: 'Observation',
      id: `${ctx.id}-ipass${n++}`,
      status: 'final',
      code: wardConcept(code, label),
      subject: ctx.subject,
      encounter: ctx.encounter,
      effectiveDateTime: at,
      performer: [ctx.nurses[0]],
      ...value,
    });
  ipass('ipass-severity', 'I-PASS — illness severity', {
    valueCodeableConcept: wardConcept(severity, SEVERITY_TEXT[severity][ctx.lang]),
  });
  ipass('ipass-summary', 'I-PASS — patient summary', { valueString: summaryOf(ctx) });
  for (const action of some(rng, IPASS_ACTIONS, rng.int(1, 3))) {
    ipass('ipass-action', 'I-PASS — action list', { valueString: action[ctx.lang] });
  }
  ipass('ipass-awareness', 'I-PASS — situation awareness', {
    valueString: rng.pick(ctx.age < 16 ? IPASS_AWARENESS_CHILD : IPASS_AWARENESS)[ctx.lang],
  });
}
