/** The code systems and codes the importer recognises (CONVENTIONS.md is the prose version). */
import { fold as foldText } from '../../common/fold.ts';

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
export const ICD10_SYSTEMS: readonly string[] = [
  SYSTEM.icd10,
  SYSTEM.icd10cm,
  'http://hl7.org/fhir/sid/icd-10-be',
];

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
export const SNOMED_NO_KNOWN_ALLERGY = '716186003';
export const LOINC_FALL_RISK = '73830-2';
export const LOINC_WEIGHT = '29463-7';
export const LOINC_HEIGHT = '8302-2';

/**
 * High-alert medications (ISMP classes), matched as substrings of the folded drug name —
 * stems, so French, Dutch and German spellings match too.
 * Kept deliberately broad: a false "high alert" costs a glance, a missed one can kill.
 */
export const HIGH_ALERT_TERMS: readonly string[] = [
  'insulin',
  'heparin',
  'enoxaparin',
  'dalteparin',
  'tinzaparin',
  'nadroparin',
  'fondaparinux',
  'warfarin',
  'acenocoumarol',
  'phenprocoumon',
  'fenprocoumon',
  'apixaban',
  'rivaroxaban',
  'edoxaban',
  'dabigatran',
  'argatroban',
  'bivalirudin',
  'alteplase',
  'tenecteplase',
  'morphin',
  'morfin',
  'hydromorphon',
  'hydromorfon',
  'oxycodon',
  'fentanyl',
  'sufentanil',
  'remifentanil',
  'methadon',
  'buprenorphin',
  'buprenorfin',
  'piritramide',
  'tramadol',
  'meperidine',
  'pethidin',
  'potassium chloride',
  'chlorure de potassium',
  'kaliumchlorid',
  'magnesium sulfate',
  'sulfate de magnesium',
  'magnesiumsulfa',
  'methotrexa',
  'cyclophosphamide',
  'cisplatin',
  'carboplatin',
  'oxaliplatin',
  'vincristine',
  'doxorubicin',
  'paclitaxel',
  'docetaxel',
  'fluorouracil',
  'cytarabine',
  'digoxin',
  'amiodarone',
  'propofol',
  'midazolam',
  'ketamine',
  'dexmedetomidine',
  'norepinephrine',
  'noradrenaline',
  'epinephrine',
  'adrenaline',
  'dopamine',
  'dobutamine',
  'vasopressin',
  'rocuronium',
  'vecuronium',
  'succinylcholine',
  'suxamethonium',
  'cisatracurium',
];

/**
 * ATC classes of the same high-alert medicines, for orders coded with ATC: anticoagulants and
 * thrombolytics (not B01AC, antiplatelets), opioids, insulins, potassium chloride,
 * antineoplastics, methotrexate, adrenergic inotropes, neuromuscular blockers.
 */
export const HIGH_ALERT_ATC_PREFIXES: readonly string[] = [
  'B01AA',
  'B01AB',
  'B01AD',
  'B01AE',
  'B01AF',
  'B01AX',
  'N02A',
  'N01AH',
  'A10A',
  'A12BA01',
  'L01',
  'L04AX03',
  'C01CA',
  'M03A',
];

/**
 * Whether an order is for a high-alert medicine: by its ATC code, else by its name in any of
 * the ward's languages — folded like search (Héparine, Morfine, Kaliumchlorid all match).
 */
export function isHighAlert(drug: string, atc: string | null = null): boolean {
  const code = atc?.toUpperCase().replace(/\s/g, '');
  if (code && HIGH_ALERT_ATC_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  const folded = foldText(drug);
  return HIGH_ALERT_TERMS.some((term) => folded.includes(term));
}
