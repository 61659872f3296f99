/** The code systems and codes the importer recognises (CONVENTIONS.md is the prose version). */
import { fold as foldText } from '../../common/fold.ts';
import type { AllergyAbsenceCategory } from '../model.ts';
import { codings, conceptText } from './json.ts';

export const SYSTEM = {
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  v2IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  locationPhysicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  /** Our local code system for ward-level facts that R4 has no standard home for. */
  ward: 'https://downtime-viewer.org/fhir/CodeSystem/ward',
} as const;

/** Older spellings of the same systems, seen in real exports. */
export const ACT_CODE_SYSTEMS: readonly string[] = [
  SYSTEM.actCode,
  'http://hl7.org/fhir/v3/ActCode',
];
/**
 * Whether a code system is ICD-10 or ICD-9 by its URL: WHO and -CM (`hl7.org/fhir/sid/icd-10`,
 * `…/icd-10-cm`, `…/icd-9-cm`), national editions (`…/icd-10-be`, `…/icd-10-gm`), OIDs, and
 * vendor or dataset systems (`…/CodeSystem/diagnosis-icd10`, `…-icd9`).
 */
export function isIcdSystem(system: string | null): boolean {
  return system !== null && /icd[-_ ]?(10|9)(?![0-9])/i.test(system);
}

/** ICD codes for "do not resuscitate", written without the dot (`V49.86` is `V4986`). */
export const ICD_DNR_CODES: ReadonlySet<string> = new Set(['Z66', 'V4986']);

/** SNOMED CT "not for resuscitation" and the descendants we know of. */
export const SNOMED_DNR_CODES: ReadonlySet<string> = new Set([
  '304253006', // Not for resuscitation
  '450476008', // Not for attempted cardiopulmonary resuscitation
]);

/**
 * A diagnosis or flag whose text alone says "do not resuscitate", in the ward's languages
 * (matched on folded text: accents and case ignored).
 */
export const DNR_TEXT =
  /\b(dnr|dnar|dnacpr|ntbr|do not (attempt )?resuscitat\w*|not for (attempted )?(cardiopulmonary )?resuscitation|ne pas reanimer|pas de reanimation|niet reanimeren|nicht reanimieren|keine reanimation)\b/;

/** v3 ActCode encounter classes that are an inpatient kind of stay. */
export const INPATIENT_CLASSES: ReadonlySet<string> = new Set(['IMP', 'ACUTE', 'NONAC', 'OBSENC']);

/** Encounter statuses that are never a current stay, whatever the period says. */
export const NEVER_CURRENT_STATUSES: ReadonlySet<string> = new Set([
  'cancelled',
  'entered-in-error',
  'planned',
]);

export const CODE_STATUS = {
  /** Observation codes for "resuscitation status". */
  observationCodes: [
    { systems: [SYSTEM.snomed], code: '304251008' },
    { systems: [SYSTEM.loinc], code: '100822-6' },
    { systems: [SYSTEM.ward], code: 'code-status' },
  ],
  snomedFullCode: '304252001',
  snomedDnr: '304253006',
  icd10Dnr: 'Z66',
} as const;

export const LOCAL = {
  isolation: 'isolation',
  fallRisk: 'fall-risk',
  mobility: 'mobility',
  ipassSeverity: 'ipass-severity',
  ipassSummary: 'ipass-summary',
  ipassAction: 'ipass-action',
  ipassAwareness: 'ipass-awareness',
  dnr: 'dnr',
} as const;

export const SNOMED_ISOLATION = '40174006';

/**
 * SNOMED CT "no known … allergy" situations: an absence of allergy, for everything (`all`) or
 * for one category. Never an allergy.
 */
export const SNOMED_NO_KNOWN_ALLERGY: ReadonlyMap<string, AllergyAbsenceCategory> = new Map([
  ['716186003', 'all'], // No known allergy
  ['409137002', 'medication'], // No known drug allergy
  ['716184000', 'latex'], // No known latex allergy
  ['1003774007', 'latex'], // No known Hevea brasiliensis latex allergy
  ['429625007', 'food'], // No known food allergy
  ['428607008', 'environment'], // No known environmental allergy
  ['428197003', 'insect'], // No known insect allergy
  ['716220001', 'animal'], // No known animal allergy (Belgian BeNoAllergy value set)
]);

/** The same absences written as text: the abbreviation, or "no known X allergy" in fr/nl/de/en. */
export const NO_KNOWN_ALLERGY_TEXT =
  /^(nka|nkda|nkfa|nkla|nkma|no known|none known|pas d'?allergies? connues?|aucune allergie|pas d'allergie|geen (gekende |bekende )?allergie|keine (bekannten? )?allergie)/;

/**
 * Whether a diagnosis or flag concept says "do not resuscitate": `coded` (an ICD-10/ICD-9 DNR
 * code in any ICD system, SNOMED 304253006 or a known descendant, our local `dnr`), `text`
 * (only its words say so: verify), or null.
 */
export function dnrEvidence(concept: unknown): 'coded' | 'text' | null {
  const all = codings(concept);
  for (const c of all) {
    if (c.code === null) continue;
    if (isIcdSystem(c.system) && ICD_DNR_CODES.has(c.code.replace('.', '').toUpperCase()))
      return 'coded';
    if (c.system === SYSTEM.snomed && SNOMED_DNR_CODES.has(c.code)) return 'coded';
    if (c.system === SYSTEM.ward && c.code === LOCAL.dnr) return 'coded';
  }
  const words = [conceptText(concept), ...all.map((c) => c.display)].filter((t) => t !== null);
  return words.some((t) => DNR_TEXT.test(foldText(t))) ? 'text' : null;
}

/** The category a "no known …" text names, by its words; `all` when it names none. */
export const ABSENCE_CATEGORY_WORDS: readonly (readonly [RegExp, AllergyAbsenceCategory])[] = [
  [/^nkda\b|drug|medic|medica|geneesmiddel|arznei/, 'medication'],
  [/^nkfa\b|food|aliment|voeding|nahrung|lebensmittel/, 'food'],
  [/^nkla\b|latex/, 'latex'],
  [/contrast|kontrast/, 'contrast'],
  [/environment|environnement|omgeving|umwelt/, 'environment'],
  [/insect|insekt/, 'insect'],
  [/animal|dier|tier/, 'animal'],
];
export const LOINC_FALL_RISK = '73830-2';
export const LOINC_WEIGHT = '29463-7';
export const LOINC_HEIGHT = '8302-2';
