/**
 * The facts a nurse checks first: problems, allergies (present, "none known", or never
 * recorded), resuscitation status (explicit, a DNR condition, or absent — then the viewer must
 * say "unknown") and isolation.
 */
import { ALLERGENS, COMORBIDITIES, type Diagnosis, ISOLATIONS, REACTIONS } from './catalog.ts';
import { DAY_MS, HOUR_MS, type PatientContext } from './context.ts';
import { SYSTEMS, concept, iso, wardConcept } from './fhir.ts';
import type { Rng } from './prng.ts';

const CODE_STATUS_TEXT = {
  'full-code': { fr: 'Réanimation complète', nl: 'Volledige reanimatie', de: 'Volle Reanimation' },
  dnr: {
    fr: 'Ne pas réanimer (DNR)',
    nl: 'Niet reanimeren (DNR)',
    de: 'Keine Reanimation (DNR)',
  },
  'dnr-dni': {
    fr: 'Ne pas réanimer, ne pas intuber',
    nl: 'Niet reanimeren, niet intuberen',
    de: 'Keine Reanimation, keine Intubation',
  },
  'comfort-care': {
    fr: 'Soins de confort uniquement',
    nl: 'Enkel comfortzorg',
    de: 'Nur Komfortmaßnahmen',
  },
  limited: {
    fr: 'Limitation thérapeutique (pas de soins intensifs)',
    nl: 'Therapiebeperking (geen intensieve zorg)',
    de: 'Therapiebegrenzung (keine Intensivstation)',
  },
} as const;
type CodeStatus = keyof typeof CODE_STATUS_TEXT;

function condition(
  ctx: PatientContext,
  n: number,
  diagnosis: Diagnosis,
  onset: string,
  category: string,
) {
  ctx.emit({
    resourceType: 'Condition',
    id: `${ctx.id}-cond${n}`,
    clinicalStatus: concept(SYSTEMS.conditionClinical, 'active', 'Active'),
    verificationStatus: concept(SYSTEMS.conditionVerification, 'confirmed', 'Confirmed'),
    category: [concept(SYSTEMS.conditionCategory, category, category)],
    code: concept(SYSTEMS.icd10, diagnosis.icd10, diagnosis.fr, diagnosis[ctx.lang]),
    subject: ctx.subject,
    onsetDateTime: onset,
  });
}

/** The reason for admission, then chronic problems (some with only a year of onset). */
export function emitProblems(ctx: PatientContext, comorbidities: readonly Diagnosis[]): void {
  condition(
    ctx,
    0,
    ctx.reason,
    iso(ctx.admittedAt - ctx.rng.int(2, 72) * HOUR_MS),
    'encounter-diagnosis',
  );
  comorbidities.forEach((diagnosis, n) => {
    const year =
      new Date(ctx.asOf).getUTCFullYear() - ctx.rng.int(1, Math.max(1, Math.min(30, ctx.age)));
    condition(
      ctx,
      n + 1,
      diagnosis,
      ctx.rng.chance(0.5) ? String(year) : `${year}-0${ctx.rng.int(1, 9)}`,
      'problem-list-item',
    );
  });
}

/** Chronic problems: none under 40, more with age. */
export function chooseComorbidities(rng: Rng, age: number): Diagnosis[] {
  if (age < 40) return [];
  const count = rng.int(0, age >= 75 ? 3 : 2);
  return [...new Set(Array.from({ length: count }, () => rng.pick(COMORBIDITIES)))];
}

/** Writes the allergy record; returns the allergens (SNOMED CT) the orders must avoid. */
export function emitAllergies(ctx: PatientContext): string[] {
  const { rng } = ctx;
  const recorded = iso(ctx.admittedAt + HOUR_MS);
  const base = {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: concept(SYSTEMS.allergyClinical, 'active', 'Active'),
    patient: ctx.subject,
    recordedDate: recorded,
  };
  const state = rng.weighted([
    ['present', 50],
    ['none-known', 35],
    ['nothing-recorded', 15],
  ] as const);
  if (state === 'nothing-recorded') {
    // Every fifth of them has a "no known drug allergy" only, which leaves the band "not
    // recorded" (it says nothing of food or latex) with the drug absence beside it. By the
    // patient's number, not a draw, so the rest of the demo stays as it was.
    if (Number(ctx.id.slice(1)) % 5 === 0) {
      ctx.emit({
        ...base,
        id: `${ctx.id}-alg0`,
        verificationStatus: concept(SYSTEMS.allergyVerification, 'confirmed', 'Confirmed'),
        code: concept(
          SYSTEMS.snomed,
          '409137002',
          'No known drug allergy',
          {
            fr: 'Aucune allergie médicamenteuse connue',
            nl: 'Geen gekende geneesmiddelenallergie',
            de: 'Keine bekannte Arzneimittelallergie',
          }[ctx.lang],
        ),
      });
    }
    return [];
  }
  if (state === 'none-known') {
    ctx.emit({
      ...base,
      id: `${ctx.id}-alg0`,
      verificationStatus: concept(SYSTEMS.allergyVerification, 'confirmed', 'Confirmed'),
      code: concept(
        SYSTEMS.snomed,
        '716186003',
        'No known allergy',
        {
          fr: 'Aucune allergie connue',
          nl: 'Geen gekende allergieën',
          de: 'Keine bekannten Allergien',
        }[ctx.lang],
      ),
    });
    return [];
  }
  const allergens = [
    ...new Set([rng.pick(ALLERGENS), rng.pick(ALLERGENS)].slice(0, rng.int(1, 2))),
  ];
  allergens.forEach((allergen, n) => {
    const reaction = rng.pick(REACTIONS);
    ctx.emit({
      ...base,
      id: `${ctx.id}-alg${n}`,
      verificationStatus: rng.chance(0.85)
        ? concept(SYSTEMS.allergyVerification, 'confirmed', 'Confirmed')
        : concept(SYSTEMS.allergyVerification, 'unconfirmed', 'Unconfirmed'),
      type:
        allergen.category === 'medication' && reaction.severity === 'mild'
          ? 'intolerance'
          : 'allergy',
      category: [allergen.category],
      criticality:
        reaction.severity === 'severe' ? 'high' : rng.chance(0.2) ? 'unable-to-assess' : 'low',
      code: concept(SYSTEMS.snomed, allergen.snomed, allergen.fr, allergen[ctx.lang]),
      reaction: [{ manifestation: [{ text: reaction[ctx.lang] }], severity: reaction.severity }],
    });
  });
  return allergens.map((allergen) => allergen.snomed);
}

/**
 * Most patients have an explicit resuscitation-status Observation; some elderly ones only a
 * "do not resuscitate" Condition (ICD-10 Z66); the rest nothing, which the viewer shows as unknown.
 */
export function emitCodeStatus(ctx: PatientContext): void {
  const { rng } = ctx;
  const source = rng.weighted([
    ['observation', 78],
    ['condition', ctx.age >= 70 ? 6 : 0],
    ['absent', 16],
  ] as const);
  if (source === 'absent') return;
  if (source === 'condition') {
    ctx.emit({
      resourceType: 'Condition',
      id: `${ctx.id}-dnr`,
      clinicalStatus: concept(SYSTEMS.conditionClinical, 'active', 'Active'),
      category: [concept(SYSTEMS.conditionCategory, 'problem-list-item', 'Problem List Item')],
      code: concept(SYSTEMS.icd10, 'Z66', 'Do not resuscitate', CODE_STATUS_TEXT.dnr[ctx.lang]),
      subject: ctx.subject,
      recordedDate: iso(ctx.admittedAt + 2 * HOUR_MS),
    });
    return;
  }
  const status: CodeStatus =
    ctx.age < 16
      ? 'full-code'
      : rng.weighted(
          ctx.age >= 80
            ? ([
                ['full-code', 35],
                ['dnr', 35],
                ['dnr-dni', 15],
                ['comfort-care', 5],
                ['limited', 10],
              ] as const)
            : ([
                ['full-code', 80],
                ['dnr', 8],
                ['dnr-dni', 6],
                ['comfort-care', 2],
                ['limited', 4],
              ] as const),
        );
  const text = CODE_STATUS_TEXT[status][ctx.lang];
  const value =
    status === 'full-code'
      ? concept(SYSTEMS.snomed, '304252001', 'For resuscitation', text)
      : status === 'dnr'
        ? concept(SYSTEMS.snomed, '304253006', 'Not for resuscitation', text)
        : wardConcept(status, text);
  ctx.emit({
    resourceType: 'Observation',
    id: `${ctx.id}-codestatus`,
    status: 'final',
    code: {
      coding: [
        { system: SYSTEMS.snomed, code: '304251008', display: 'Resuscitation status' },
        { system: SYSTEMS.ward, code: 'code-status' },
      ],
      text: { fr: 'Statut de réanimation', nl: 'Reanimatiestatus', de: 'Reanimationsstatus' }[
        ctx.lang
      ],
    },
    subject: ctx.subject,
    encounter: ctx.encounter,
    effectiveDateTime: iso(ctx.admittedAt + 3 * HOUR_MS),
    performer: [ctx.doctor],
    valueCodeableConcept: value,
  });
}

export function emitIsolation(ctx: PatientContext): void {
  if (!ctx.rng.chance(0.09)) return;
  const isolation = ctx.rng.pick(ISOLATIONS)[ctx.lang];
  ctx.emit({
    resourceType: 'Flag',
    id: `${ctx.id}-iso`,
    status: 'active',
    category: [
      {
        text: { fr: 'Hygiène hospitalière', nl: 'Ziekenhuishygiëne', de: 'Krankenhaushygiene' }[
          ctx.lang
        ],
      },
    ],
    code: {
      coding: [
        { system: SYSTEMS.ward, code: 'isolation' },
        { system: SYSTEMS.snomed, code: '40174006', display: 'Isolation procedure' },
      ],
      text: isolation,
    },
    subject: ctx.subject,
    period: { start: iso(ctx.admittedAt - ctx.rng.int(0, 30) * DAY_MS) },
    encounter: ctx.encounter,
  });
}
