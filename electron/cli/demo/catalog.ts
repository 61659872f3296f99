/**
 * What the demo hospital's patients have, are given and are planned for, in French, Dutch and
 * German (the languages of its three sites). Codes are real (ICD-10, ATC, LOINC, SNOMED CT) so the data
 * looks like what an EHR exports; the mix is plausible, not epidemiology.
 */
import type { WardKind } from './hospital.ts';

export interface Text {
  readonly fr: string;
  readonly nl: string;
  readonly de: string;
}

export interface Diagnosis extends Text {
  readonly icd10: string;
  /** Shapes vitals and labs: fever and CRP for infections, potassium, glucose … */
  readonly profile?: 'infection' | 'cardiac' | 'diabetes' | 'renal' | 'respiratory';
}

export const REASONS: Readonly<Record<WardKind, readonly Diagnosis[]>> = {
  medicine: [
    {
      icd10: 'J18.9',
      fr: 'Pneumonie communautaire',
      nl: 'Community-acquired pneumonie',
      de: 'Ambulant erworbene Pneumonie',
      profile: 'infection',
    },
    {
      icd10: 'E11.65',
      fr: 'Diabète de type 2 déséquilibré',
      nl: 'Ontregelde diabetes type 2',
      de: 'Entgleister Diabetes Typ 2',
      profile: 'diabetes',
    },
    {
      icd10: 'N10',
      fr: 'Pyélonéphrite aiguë',
      nl: 'Acute pyelonefritis',
      de: 'Akute Pyelonephritis',
      profile: 'infection',
    },
    {
      icd10: 'N17.9',
      fr: 'Insuffisance rénale aiguë',
      nl: 'Acute nierinsufficiëntie',
      de: 'Akutes Nierenversagen',
      profile: 'renal',
    },
    {
      icd10: 'J44.1',
      fr: 'Exacerbation de BPCO',
      nl: 'COPD-exacerbatie',
      de: 'COPD-Exazerbation',
      profile: 'respiratory',
    },
    {
      icd10: 'L03.1',
      fr: 'Érysipèle de la jambe gauche',
      nl: 'Erysipelas linkerbeen',
      de: 'Erysipel linkes Bein',
      profile: 'infection',
    },
  ],
  surgery: [
    {
      icd10: 'K81.0',
      fr: 'Cholécystite aiguë — cholécystectomie',
      nl: 'Acute cholecystitis — cholecystectomie',
      de: 'Akute Cholezystitis — Cholezystektomie',
      profile: 'infection',
    },
    {
      icd10: 'M16.1',
      fr: 'Coxarthrose — prothèse totale de hanche',
      nl: 'Coxartrose — totale heupprothese',
      de: 'Koxarthrose — Hüft-Totalendoprothese',
    },
    {
      icd10: 'K35.8',
      fr: 'Appendicite aiguë',
      nl: 'Acute appendicitis',
      de: 'Akute Appendizitis',
      profile: 'infection',
    },
    {
      icd10: 'S72.0',
      fr: 'Fracture du col du fémur',
      nl: 'Heupfractuur (collum femoris)',
      de: 'Schenkelhalsfraktur',
    },
    {
      icd10: 'C18.7',
      fr: 'Cancer du sigmoïde — résection colique',
      nl: 'Sigmoïdcarcinoom — colonresectie',
      de: 'Sigmakarzinom — Kolonresektion',
    },
  ],
  icu: [
    {
      icd10: 'R57.2',
      fr: 'Choc septique d’origine pulmonaire',
      nl: 'Septische shock, pulmonale focus',
      de: 'Septischer Schock, pulmonaler Fokus',
      profile: 'infection',
    },
    {
      icd10: 'J80',
      fr: 'Syndrome de détresse respiratoire aiguë',
      nl: 'ARDS',
      de: 'Akutes Atemnotsyndrom (ARDS)',
      profile: 'respiratory',
    },
    {
      icd10: 'E10.1',
      fr: 'Acidocétose diabétique',
      nl: 'Diabetische ketoacidose',
      de: 'Diabetische Ketoazidose',
      profile: 'diabetes',
    },
    {
      icd10: 'K92.2',
      fr: 'Hémorragie digestive haute',
      nl: 'Hoge gastro-intestinale bloeding',
      de: 'Obere gastrointestinale Blutung',
    },
  ],
  geriatrics: [
    {
      icd10: 'R29.6',
      fr: 'Chutes à répétition',
      nl: 'Herhaaldelijk vallen',
      de: 'Wiederholte Stürze',
    },
    { icd10: 'F05.9', fr: 'Syndrome confusionnel aigu', nl: 'Acuut delier', de: 'Akutes Delir' },
    { icd10: 'E86', fr: 'Déshydratation', nl: 'Dehydratie', de: 'Exsikkose', profile: 'renal' },
    {
      icd10: 'J69.0',
      fr: 'Pneumonie d’aspiration',
      nl: 'Aspiratiepneumonie',
      de: 'Aspirationspneumonie',
      profile: 'infection',
    },
    {
      icd10: 'I50.9',
      fr: 'Décompensation cardiaque',
      nl: 'Hartdecompensatie',
      de: 'Kardiale Dekompensation',
      profile: 'cardiac',
    },
  ],
  cardiology: [
    {
      icd10: 'I50.9',
      fr: 'Insuffisance cardiaque décompensée',
      nl: 'Gedecompenseerd hartfalen',
      de: 'Dekompensierte Herzinsuffizienz',
      profile: 'cardiac',
    },
    {
      icd10: 'I48.9',
      fr: 'Fibrillation auriculaire rapide',
      nl: 'Snelle voorkamerfibrillatie',
      de: 'Tachykardes Vorhofflimmern',
      profile: 'cardiac',
    },
    {
      icd10: 'I21.4',
      fr: 'Infarctus sans sus-décalage ST (NSTEMI)',
      nl: 'NSTEMI',
      de: 'NSTEMI',
      profile: 'cardiac',
    },
    { icd10: 'R55', fr: 'Syncope', nl: 'Syncope', de: 'Synkope', profile: 'cardiac' },
  ],
  pediatrics: [
    {
      icd10: 'J21.0',
      fr: 'Bronchiolite à VRS',
      nl: 'RSV-bronchiolitis',
      de: 'RSV-Bronchiolitis',
      profile: 'respiratory',
    },
    {
      icd10: 'A09',
      fr: 'Gastro-entérite avec déshydratation',
      nl: 'Gastro-enteritis met dehydratie',
      de: 'Gastroenteritis mit Exsikkose',
    },
    {
      icd10: 'J45.9',
      fr: 'Crise d’asthme',
      nl: 'Astma-aanval',
      de: 'Asthmaanfall',
      profile: 'respiratory',
    },
    {
      icd10: 'R56.0',
      fr: 'Convulsion fébrile',
      nl: 'Koortsstuip',
      de: 'Fieberkrampf',
      profile: 'infection',
    },
  ],
};

export const COMORBIDITIES: readonly Diagnosis[] = [
  {
    icd10: 'I10',
    fr: 'Hypertension artérielle',
    nl: 'Arteriële hypertensie',
    de: 'Arterielle Hypertonie',
  },
  {
    icd10: 'E11.9',
    fr: 'Diabète de type 2',
    nl: 'Diabetes mellitus type 2',
    de: 'Diabetes mellitus Typ 2',
    profile: 'diabetes',
  },
  {
    icd10: 'I48.9',
    fr: 'Fibrillation auriculaire',
    nl: 'Voorkamerfibrillatie',
    de: 'Vorhofflimmern',
    profile: 'cardiac',
  },
  { icd10: 'J44.9', fr: 'BPCO', nl: 'COPD', de: 'COPD', profile: 'respiratory' },
  {
    icd10: 'N18.3',
    fr: 'Insuffisance rénale chronique stade 3',
    nl: 'Chronische nierinsufficiëntie stadium 3',
    de: 'Chronische Niereninsuffizienz Stadium 3',
    profile: 'renal',
  },
  { icd10: 'F03', fr: 'Démence', nl: 'Dementie', de: 'Demenz' },
  { icd10: 'E03.9', fr: 'Hypothyroïdie', nl: 'Hypothyreoïdie', de: 'Hypothyreose' },
];

export interface Allergen extends Text {
  readonly snomed: string;
  readonly category: 'medication' | 'food' | 'environment';
}

/** SNOMED CT "Penicillin": the allergy that rules out the penicillin antibiotics below. */
export const PENICILLIN = '764146007';

export const ALLERGENS: readonly Allergen[] = [
  {
    snomed: PENICILLIN,
    fr: 'Pénicilline',
    nl: 'Penicilline',
    de: 'Penicillin',
    category: 'medication',
  },
  {
    snomed: '387458008',
    fr: 'Acide acétylsalicylique',
    nl: 'Acetylsalicylzuur',
    de: 'Acetylsalicylsäure',
    category: 'medication',
  },
  { snomed: '387494007', fr: 'Codéine', nl: 'Codeïne', de: 'Codein', category: 'medication' },
  {
    snomed: '372722000',
    fr: 'Ciprofloxacine',
    nl: 'Ciprofloxacine',
    de: 'Ciprofloxacin',
    category: 'medication',
  },
  {
    snomed: '293637006',
    fr: 'Produit de contraste iodé',
    nl: 'Jodiumhoudend contrastmiddel',
    de: 'Jodhaltiges Kontrastmittel',
    category: 'medication',
  },
  { snomed: '111088007', fr: 'Latex', nl: 'Latex', de: 'Latex', category: 'environment' },
  { snomed: '762952008', fr: 'Arachide', nl: 'Pinda', de: 'Erdnuss', category: 'food' },
  {
    snomed: '227208008',
    fr: 'Crustacés',
    nl: 'Schaaldieren',
    de: 'Schalentiere',
    category: 'food',
  },
];

export const REACTIONS: readonly (Text & { readonly severity: 'mild' | 'moderate' | 'severe' })[] =
  [
    { fr: 'Éruption cutanée', nl: 'Huiduitslag', de: 'Hautausschlag', severity: 'mild' },
    { fr: 'Nausées', nl: 'Misselijkheid', de: 'Übelkeit', severity: 'mild' },
    { fr: 'Urticaire', nl: 'Netelroos', de: 'Nesselsucht', severity: 'moderate' },
    { fr: 'Bronchospasme', nl: 'Bronchospasme', de: 'Bronchospasmus', severity: 'severe' },
    { fr: 'Œdème de Quincke', nl: 'Angio-oedeem', de: 'Angioödem', severity: 'severe' },
    {
      fr: 'Choc anaphylactique',
      nl: 'Anafylactische shock',
      de: 'Anaphylaktischer Schock',
      severity: 'severe',
    },
  ];

export interface Drug {
  readonly atc: string;
  readonly name: Text;
  /** The dose; for a sliding scale its maximum, for an infusion its starting rate. */
  readonly dose: number;
  /** How the dose is ordered: one quantity (default), a range (sliding scale), or a rate. */
  readonly doseKind?: 'range' | 'rate';
  readonly unit: string;
  readonly ucum: string;
  readonly route: 'PO' | 'IV' | 'SC' | 'INH';
  /** FHIR Timing; absent for continuous infusions (which then show as "not scheduled"). */
  readonly timing?: { readonly repeat?: Readonly<Record<string, unknown>>; readonly code?: object };
  readonly prn?: { readonly reason: Text; readonly maxPer24h: number };
  /** The dose in words when a range or rate needs them (the scale, the target). */
  readonly doseText?: Text;
  readonly instructions?: Text;
  /** Allergens (SNOMED CT) that rule this drug out: it is never ordered for those patients. */
  readonly avoidWith?: readonly string[];
  /** At most one drug of a group per patient (no double anticoagulation). */
  readonly group?: 'anticoagulant' | 'antibiotic';
  /**
   * A child's dose by weight: `dose` per kg, rounded to `step` and never above `cap` (the
   * adult dose), as a paediatrician orders it ("15 mg/kg").
   */
  readonly perKg?: { readonly dose: number; readonly step: number; readonly cap: number };
  /**
   * A drug made up in a vehicle (a syringe of noradrenaline in NaCl): written as a contained
   * Medication with both ingredients, so the viewer reads its concentration.
   */
  readonly mixture?: {
    /** The active ingredient's name, without the strength. */
    readonly active: Text;
    readonly amount: number;
    readonly unit: string;
    readonly vehicle: Text;
    readonly volumeMl: number;
    readonly form: Text;
  };
}

const GTS_ABBREVIATION = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
const daily = (frequency: number) => ({ repeat: { frequency, period: 1, periodUnit: 'd' } });
const everyHours = (hours: number) => ({
  repeat: { frequency: 1, period: hours, periodUnit: 'h' },
});
const at = (...when: string[]) => ({ repeat: { when } });

export const ROUTES = {
  PO: { snomed: '26643006', display: 'Oral route', fr: 'Per os', nl: 'Oraal', de: 'Oral' },
  IV: { snomed: '47625008', display: 'Intravenous route', fr: 'IV', nl: 'IV', de: 'i.v.' },
  SC: { snomed: '34206005', display: 'Subcutaneous route', fr: 'SC', nl: 'SC', de: 's.c.' },
  INH: {
    snomed: '18679011000001101',
    display: 'Inhalation',
    fr: 'Inhalation',
    nl: 'Inhalatie',
    de: 'Inhalation',
  },
} as const;

export const DRUGS = {
  paracetamol: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol 1 g', nl: 'Paracetamol 1 g', de: 'Paracetamol 1 g' },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'PO',
    timing: everyHours(6),
  },
  paracetamolPrn: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol 1 g', nl: 'Paracetamol 1 g', de: 'Paracetamol 1 g' },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'PO',
    timing: everyHours(6),
    prn: {
      reason: {
        fr: 'Douleur ou fièvre > 38,5 °C',
        nl: 'Pijn of koorts > 38,5 °C',
        de: 'Schmerzen oder Fieber > 38,5 °C',
      },
      maxPer24h: 4,
    },
  },
  amoxiclav: {
    atc: 'J01CR02',
    name: {
      fr: 'Amoxicilline-acide clavulanique',
      nl: 'Amoxicilline-clavulaanzuur',
      de: 'Amoxicillin-Clavulansäure',
    },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'IV',
    timing: everyHours(8),
    avoidWith: [PENICILLIN],
    group: 'antibiotic',
  },
  ceftriaxone: {
    atc: 'J01DD04',
    name: { fr: 'Ceftriaxone', nl: 'Ceftriaxon', de: 'Ceftriaxon' },
    dose: 2,
    unit: 'g',
    ucum: 'g',
    route: 'IV',
    timing: daily(1),
    group: 'antibiotic',
  },
  piptazo: {
    atc: 'J01CR05',
    name: {
      fr: 'Pipéracilline-tazobactam',
      nl: 'Piperacilline-tazobactam',
      de: 'Piperacillin-Tazobactam',
    },
    dose: 4,
    unit: 'g',
    ucum: 'g',
    route: 'IV',
    timing: everyHours(6),
    avoidWith: [PENICILLIN],
    group: 'antibiotic',
  },
  pantoprazole: {
    atc: 'A02BC02',
    name: { fr: 'Pantoprazole', nl: 'Pantoprazol', de: 'Pantoprazol' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('ACM'),
  },
  enoxaparin: {
    atc: 'B01AB05',
    name: { fr: 'Énoxaparine', nl: 'Enoxaparine', de: 'Enoxaparin' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'SC',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['18:00:00'] } },
    group: 'anticoagulant',
  },
  heparin: {
    atc: 'B01AB01',
    name: { fr: 'Héparine sodique', nl: 'Heparine natrium', de: 'Heparin-Natrium' },
    dose: 5000,
    unit: 'UI',
    ucum: '[iU]',
    route: 'SC',
    timing: everyHours(8),
    group: 'anticoagulant',
  },
  insulinScale: {
    atc: 'A10AB05',
    name: {
      fr: 'Insuline asparte (schéma de correction)',
      nl: 'Insuline aspart (correctieschema)',
      de: 'Insulin aspart (Korrekturschema)',
    },
    dose: 8,
    doseKind: 'range',
    unit: 'UI',
    ucum: '[iU]',
    route: 'SC',
    timing: at('ACM', 'ACD', 'ACV', 'HS'),
    doseText: {
      fr: 'Selon glycémie : < 150 mg/dL 0 unité ; 150–199 : 2 unités ; 200–249 : 4 unités ; 250–299 : 6 unités ; ≥ 300 : 8 unités et appeler le médecin',
      nl: 'Volgens glykemie: < 150 mg/dL 0 eenheden; 150–199: 2 eenheden; 200–249: 4 eenheden; 250–299: 6 eenheden; ≥ 300: 8 eenheden en arts verwittigen',
      de: 'Nach Blutzucker: < 150 mg/dL 0 Einheiten; 150–199: 2 Einheiten; 200–249: 4 Einheiten; 250–299: 6 Einheiten; ≥ 300: 8 Einheiten und Arzt verständigen',
    },
  },
  insulinBasal: {
    atc: 'A10AE04',
    name: { fr: 'Insuline glargine', nl: 'Insuline glargine', de: 'Insulin glargin' },
    dose: 18,
    unit: 'UI',
    ucum: '[iU]',
    route: 'SC',
    timing: { repeat: { timeOfDay: ['22:00:00'] } },
  },
  morphinePrn: {
    atc: 'N02AA01',
    name: { fr: 'Morphine', nl: 'Morfine', de: 'Morphin' },
    dose: 2.5,
    unit: 'mg',
    ucum: 'mg',
    route: 'SC',
    timing: everyHours(4),
    prn: {
      reason: { fr: 'Douleur EVA ≥ 4', nl: 'Pijn VAS ≥ 4', de: 'Schmerzen VAS ≥ 4' },
      maxPer24h: 6,
    },
  },
  morphineSr: {
    atc: 'N02AA01',
    name: { fr: 'Morphine LP', nl: 'Morfine MR', de: 'Morphin retard' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: everyHours(12),
  },
  potassium: {
    atc: 'A12BA01',
    name: { fr: 'Chlorure de potassium', nl: 'Kaliumchloride', de: 'Kaliumchlorid' },
    dose: 20,
    unit: 'mmol',
    ucum: 'mmol',
    route: 'IV',
    timing: daily(2),
    instructions: {
      fr: 'Dans 500 mL NaCl 0,9 % sur 4 h, jamais en bolus',
      nl: 'In 500 mL NaCl 0,9 % over 4 u, nooit als bolus',
      de: 'In 500 mL NaCl 0,9 % über 4 Std., niemals als Bolus',
    },
  },
  furosemide: {
    atc: 'C03CA01',
    name: { fr: 'Furosémide', nl: 'Furosemide', de: 'Furosemid' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'IV',
    timing: {
      repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '14:00:00'] },
    },
  },
  bisoprolol: {
    atc: 'C07AB07',
    name: { fr: 'Bisoprolol', nl: 'Bisoprolol', de: 'Bisoprolol' },
    dose: 2.5,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('MORN'),
  },
  atorvastatin: {
    atc: 'C10AA05',
    name: { fr: 'Atorvastatine', nl: 'Atorvastatine', de: 'Atorvastatin' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('EVE'),
  },
  apixaban: {
    atc: 'B01AF02',
    name: { fr: 'Apixaban', nl: 'Apixaban', de: 'Apixaban' },
    dose: 5,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    // Some EHRs send only the abbreviation, no structured repeat.
    timing: { code: { coding: [{ system: GTS_ABBREVIATION, code: 'BID' }], text: 'BID' } },
    group: 'anticoagulant',
  },
  amoxicillin: {
    atc: 'J01CA04',
    name: { fr: 'Amoxicilline', nl: 'Amoxicilline', de: 'Amoxicillin' },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'PO',
    timing: daily(3),
    avoidWith: [PENICILLIN],
    group: 'antibiotic',
  },
  metformin: {
    atc: 'A10BA02',
    name: { fr: 'Metformine', nl: 'Metformine', de: 'Metformin' },
    dose: 850,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('CM', 'CV'),
  },
  metoclopramidePrn: {
    atc: 'A03FA01',
    name: { fr: 'Métoclopramide', nl: 'Metoclopramide', de: 'Metoclopramid' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'IV',
    timing: everyHours(8),
    prn: {
      reason: {
        fr: 'Nausées ou vomissements',
        nl: 'Misselijkheid of braken',
        de: 'Übelkeit oder Erbrechen',
      },
      maxPer24h: 3,
    },
  },
  lorazepamPrn: {
    atc: 'N05BA06',
    name: { fr: 'Lorazépam', nl: 'Lorazepam', de: 'Lorazepam' },
    dose: 1,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('HS'),
    prn: {
      reason: {
        fr: 'Insomnie ou anxiété',
        nl: 'Slapeloosheid of angst',
        de: 'Schlaflosigkeit oder Angst',
      },
      maxPer24h: 1,
    },
  },
  salbutamol: {
    atc: 'R03AC02',
    name: {
      fr: 'Salbutamol nébulisation',
      nl: 'Salbutamol vernevelingen',
      de: 'Salbutamol-Vernebelung',
    },
    dose: 5,
    unit: 'mg',
    ucum: 'mg',
    route: 'INH',
    timing: everyHours(6),
  },
  macrogol: {
    atc: 'A06AD65',
    name: { fr: 'Macrogol', nl: 'Macrogol', de: 'Macrogol' },
    dose: 1,
    unit: 'sachet',
    ucum: '{sachet}',
    route: 'PO',
    timing: at('MORN'),
  },
  vitaminD: {
    atc: 'A11CC05',
    name: {
      fr: 'Colécalciférol 25 000 UI',
      nl: 'Colecalciferol 25 000 IE',
      de: 'Colecalciferol 25000 Einheiten',
    },
    dose: 1,
    unit: 'ampoule',
    ucum: '{ampoule}',
    route: 'PO',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] } },
  },
  methotrexate: {
    atc: 'L04AX03',
    name: { fr: 'Méthotrexate', nl: 'Methotrexaat', de: 'Methotrexat' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['fri'] } },
    instructions: {
      fr: 'Une fois par SEMAINE (vendredi)',
      nl: 'Eén keer per WEEK (vrijdag)',
      de: 'Einmal pro WOCHE (Freitag)',
    },
  },
  noradrenaline: {
    atc: 'C01CA03',
    name: {
      fr: 'Noradrénaline 4 mg dans 50 mL NaCl 0,9 %',
      nl: 'Noradrenaline 4 mg in 50 mL NaCl 0,9 %',
      de: 'Noradrenalin 4 mg in 50 mL NaCl 0,9 %',
    },
    mixture: {
      active: { fr: 'Noradrénaline', nl: 'Noradrenaline', de: 'Noradrenalin' },
      amount: 4,
      unit: 'mg',
      vehicle: { fr: 'NaCl 0,9 %', nl: 'NaCl 0,9 %', de: 'NaCl 0,9 %' },
      volumeMl: 50,
      form: { fr: 'seringue', nl: 'spuit', de: 'Spritze' },
    },
    dose: 0.1,
    doseKind: 'rate',
    unit: 'µg/kg/min',
    ucum: 'ug/kg/min',
    route: 'IV',
    doseText: {
      fr: 'Débit selon PAM ≥ 65 mmHg',
      nl: 'Debiet volgens MAP ≥ 65 mmHg',
      de: 'Laufrate nach MAD ≥ 65 mmHg',
    },
  },
  paracetamolSyrup: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol sirop', nl: 'Paracetamol siroop', de: 'Paracetamol-Saft' },
    dose: 240,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: everyHours(6),
    prn: {
      reason: {
        fr: 'Fièvre > 38,5 °C ou douleur',
        nl: 'Koorts > 38,5 °C of pijn',
        de: 'Fieber > 38,5 °C oder Schmerzen',
      },
      maxPer24h: 4,
    },
    perKg: { dose: 15, step: 10, cap: 1000 },
  },
  amoxicillinSyrup: {
    atc: 'J01CA04',
    name: { fr: 'Amoxicilline sirop', nl: 'Amoxicilline siroop', de: 'Amoxicillin-Saft' },
    dose: 250,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: daily(3),
    avoidWith: [PENICILLIN],
    group: 'antibiotic',
    perKg: { dose: 25, step: 10, cap: 1000 },
  },
  ondansetronPrn: {
    atc: 'A04AA01',
    name: { fr: 'Ondansétron', nl: 'Ondansetron', de: 'Ondansetron' },
    dose: 2,
    unit: 'mg',
    ucum: 'mg',
    route: 'IV',
    timing: everyHours(8),
    prn: { reason: { fr: 'Vomissements', nl: 'Braken', de: 'Erbrechen' }, maxPer24h: 3 },
    perKg: { dose: 0.15, step: 0.1, cap: 4 },
  },
} as const satisfies Record<string, Drug>;
export type DrugKey = keyof typeof DRUGS;

/** What each kind of ward usually prescribes, beyond what the diagnosis adds. */
export const WARD_DRUGS: Readonly<Record<WardKind, readonly DrugKey[]>> = {
  medicine: [
    'paracetamolPrn',
    'pantoprazole',
    'enoxaparin',
    'macrogol',
    'metoclopramidePrn',
    'lorazepamPrn',
    'vitaminD',
    'methotrexate',
  ],
  surgery: [
    'paracetamol',
    'morphinePrn',
    'morphineSr',
    'heparin',
    'pantoprazole',
    'metoclopramidePrn',
    'macrogol',
  ],
  icu: ['paracetamol', 'noradrenaline', 'heparin', 'pantoprazole', 'morphinePrn', 'insulinScale'],
  geriatrics: ['paracetamol', 'enoxaparin', 'macrogol', 'vitaminD', 'lorazepamPrn', 'bisoprolol'],
  cardiology: [
    'bisoprolol',
    'atorvastatin',
    'apixaban',
    'furosemide',
    'paracetamolPrn',
    'pantoprazole',
  ],
  pediatrics: ['paracetamolSyrup', 'ondansetronPrn', 'salbutamol', 'amoxicillinSyrup'],
};

/** Drugs a diagnosis profile adds (for adults: children get their ward's own list). */
export const PROFILE_DRUGS: Readonly<
  Record<NonNullable<Diagnosis['profile']>, readonly DrugKey[]>
> = {
  infection: ['amoxiclav', 'amoxicillin', 'ceftriaxone', 'piptazo'],
  cardiac: ['furosemide', 'bisoprolol', 'apixaban'],
  diabetes: ['insulinScale', 'insulinBasal', 'metformin'],
  renal: ['potassium'],
  respiratory: ['salbutamol', 'ceftriaxone'],
};

export const ISOLATIONS: readonly Text[] = [
  { fr: 'Isolement contact — MRSA', nl: 'Contactisolatie — MRSA', de: 'Kontaktisolierung — MRSA' },
  {
    fr: 'Isolement contact — Clostridioides difficile',
    nl: 'Contactisolatie — Clostridioides difficile',
    de: 'Kontaktisolierung — Clostridioides difficile',
  },
  {
    fr: 'Isolement gouttelettes — grippe',
    nl: 'Druppelisolatie — influenza',
    de: 'Tröpfchenisolierung — Influenza',
  },
  { fr: 'Isolement contact — CPE', nl: 'Contactisolatie — CPE', de: 'Kontaktisolierung — CPE' },
  {
    fr: 'Isolement aérien — tuberculose',
    nl: 'Aerogene isolatie — tuberculose',
    de: 'Aerogene Isolierung — Tuberkulose',
  },
  {
    fr: 'Isolement protecteur (neutropénie)',
    nl: 'Beschermende isolatie (neutropenie)',
    de: 'Umkehrisolierung (Neutropenie)',
  },
];

export const DIETS: readonly (Text & { readonly texture?: Text; readonly fluid?: Text })[] = [
  { fr: 'Normal', nl: 'Normaal', de: 'Vollkost' },
  { fr: 'Diabétique 1800 kcal', nl: 'Diabetisch 1800 kcal', de: 'Diabeteskost 1800 kcal' },
  { fr: 'Pauvre en sel (< 6 g/j)', nl: 'Zoutarm (< 6 g per dag)', de: 'Salzarm (< 6 g pro Tag)' },
  {
    fr: 'Mixé',
    nl: 'Gemixt',
    de: 'Passiert',
    texture: { fr: 'Mixé lisse', nl: 'Glad gemixt', de: 'Glatt passiert' },
    fluid: {
      fr: 'Liquides épaissis',
      nl: 'Ingedikte vloeistoffen',
      de: 'Angedickte Flüssigkeiten',
    },
  },
  {
    fr: 'À jeun à partir de minuit',
    nl: 'Nuchter vanaf middernacht',
    de: 'Nüchtern ab Mitternacht',
  },
  { fr: 'Sans gluten', nl: 'Glutenvrij', de: 'Glutenfrei' },
];

export const MOBILITY: readonly Text[] = [
  { fr: 'Autonome', nl: 'Zelfstandig', de: 'Selbstständig' },
  { fr: 'Aide d’une personne', nl: 'Hulp van één persoon', de: 'Hilfe durch eine Person' },
  { fr: 'Déambulateur', nl: 'Rollator', de: 'Rollator' },
  { fr: 'Alitement strict', nl: 'Strikte bedrust', de: 'Strenge Bettruhe' },
  { fr: 'Lève-personne', nl: 'Tillift', de: 'Patientenlifter' },
];

export const FALL_RISK: readonly Text[] = [
  { fr: 'Faible (Morse 15)', nl: 'Laag (Morse 15)', de: 'Niedrig (Morse 15)' },
  { fr: 'Modéré (Morse 35)', nl: 'Matig (Morse 35)', de: 'Mittel (Morse 35)' },
  {
    fr: 'Élevé (Morse 55) — barrières, alarme de lit',
    nl: 'Hoog (Morse 55) — bedhekken, bedalarm',
    de: 'Hoch (Morse 55) — Bettgitter, Bettalarm',
  },
];

export const NURSING_TASKS: readonly Text[] = [
  {
    fr: 'Glycémie capillaire avant les repas',
    nl: 'Capillaire glykemie voor de maaltijden',
    de: 'Kapillärer Blutzucker vor den Mahlzeiten',
  },
  {
    fr: 'Réfection du pansement',
    nl: 'Wondzorg — verband vernieuwen',
    de: 'Wundversorgung — Verbandwechsel',
  },
  {
    fr: 'Bilan hydrique (entrées/sorties)',
    nl: 'Vochtbalans (in/uit)',
    de: 'Flüssigkeitsbilanz (Ein-/Ausfuhr)',
  },
  {
    fr: 'Mobilisation au fauteuil',
    nl: 'Mobilisatie naar de zetel',
    de: 'Mobilisation in den Sessel',
  },
  { fr: 'Prise de sang à jeun', nl: 'Nuchtere bloedafname', de: 'Nüchterne Blutentnahme' },
  {
    fr: 'Changement de position toutes les 3 h (escarres)',
    nl: 'Wisselhouding om de 3 u (decubitus)',
    de: 'Lagerungswechsel alle 3 Std. (Dekubitus)',
  },
  {
    fr: 'Surveillance du cathéter périphérique',
    nl: 'Controle perifere katheter',
    de: 'Kontrolle peripherer Venenkatheter',
  },
  { fr: 'Pesée du matin', nl: 'Ochtendgewicht', de: 'Morgendliches Wiegen' },
];

export const GOALS: readonly Text[] = [
  {
    fr: 'Marcher seul(e) dans le couloir avant la sortie',
    nl: 'Zelfstandig in de gang wandelen voor ontslag',
    de: 'Selbstständig auf dem Flur gehen vor der Entlassung',
  },
  { fr: 'Douleur EVA ≤ 3 au repos', nl: 'Pijn VAS ≤ 3 in rust', de: 'Schmerzen VAS ≤ 3 in Ruhe' },
  {
    fr: 'Glycémies entre 100 et 180 mg/dL',
    nl: 'Glykemie tussen 100 en 180 mg/dL',
    de: 'Blutzucker zwischen 100 und 180 mg/dL',
  },
  {
    fr: 'Retour à domicile avec aide familiale',
    nl: 'Terug naar huis met gezinszorg',
    de: 'Heimkehr mit Familienhilfe',
  },
  { fr: 'Sevrage de l’oxygène', nl: 'Afbouw van de zuurstof', de: 'Sauerstoff ausschleichen' },
];

export const SERVICE_REQUESTS: readonly Text[] = [
  { fr: 'Échographie abdominale', nl: 'Echografie abdomen', de: 'Sonografie Abdomen' },
  { fr: 'RX thorax de contrôle', nl: 'Controle RX thorax', de: 'Kontroll-Röntgen Thorax' },
  { fr: 'Avis diététique', nl: 'Consult diëtiek', de: 'Ernährungsberatung' },
  {
    fr: 'Kinésithérapie respiratoire',
    nl: 'Respiratoire kinesitherapie',
    de: 'Atemphysiotherapie',
  },
  {
    fr: 'Avis du service social — organisation du retour',
    nl: 'Sociale dienst — ontslagplanning',
    de: 'Sozialdienst — Entlassungsplanung',
  },
  { fr: 'ECG de contrôle', nl: 'Controle-ECG', de: 'Kontroll-EKG' },
];

export const DO_NOT_REQUESTS: readonly Text[] = [
  {
    fr: 'Prise de sang ou tension au bras gauche (fistule)',
    nl: 'Bloedafname of bloeddruk aan de linkerarm (fistel)',
    de: 'Blutentnahme oder Blutdruckmessung am linken Arm (Shunt)',
  },
  { fr: 'Sonde urinaire', nl: 'Blaassonde', de: 'Blasenkatheter' },
];

/** A child's contingencies: volumes by weight, never an adult's 500 mL bolus. */
export const IPASS_AWARENESS_CHILD: readonly Text[] = [
  {
    fr: 'Si SpO2 < 92 % : O2 aux lunettes et appeler le pédiatre de garde',
    nl: 'Bij SpO2 < 92 %: O2 via neusbril en wachtdienst pediatrie bellen',
    de: 'Bei SpO2 < 92 %: O2 über Nasenbrille und diensthabenden Kinderarzt rufen',
  },
  {
    fr: 'Si signes de choc : remplissage NaCl 0,9 % 10 mL/kg et appeler le pédiatre',
    nl: 'Bij tekenen van shock: NaCl 0,9 % 10 mL/kg vulling en pediater bellen',
    de: 'Bei Schockzeichen: NaCl 0,9 % 10 mL/kg als Bolus und Kinderarzt rufen',
  },
  {
    fr: 'Si T° > 38,5 °C : paracétamol selon le poids, pas plus de 4 doses par 24 h',
    nl: 'Bij T° > 38,5 °C: paracetamol volgens gewicht, maximaal 4 doses per 24 u',
    de: 'Bei T° > 38,5 °C: Paracetamol nach Gewicht, höchstens 4 Gaben in 24 Std.',
  },
];

export const NOTES: readonly Text[] = [
  {
    fr: 'Patient(e) calme et orienté(e). Douleur contrôlée (EVA 2/10). A mangé la moitié du repas. Mobilisation au fauteuil avec l’aide d’une personne.',
    nl: 'Patiënt rustig en georiënteerd. Pijn onder controle (VAS 2/10). Helft van de maaltijd gegeten. Met hulp van één persoon naar de zetel gemobiliseerd.',
    de: 'Patient(in) ruhig und orientiert. Schmerzen unter Kontrolle (VAS 2/10). Hälfte der Mahlzeit gegessen. Mit Hilfe einer Person in den Sessel mobilisiert.',
  },
  {
    fr: 'Nuit agitée, désorienté(e) vers 3 h. Réorienté(e), barrières relevées. Famille prévenue. Pas de chute.',
    nl: 'Onrustige nacht, rond 3 u gedesoriënteerd. Geheroriënteerd, bedhekken omhoog. Familie verwittigd. Geen val.',
    de: 'Unruhige Nacht, gegen 3 Uhr desorientiert. Reorientiert, Bettgitter hochgestellt. Familie informiert. Kein Sturz.',
  },
  {
    fr: 'Pansement refait : plaie propre, pas d’écoulement. Cathéter périphérique changé (bras droit).',
    nl: 'Verband vernieuwd: wonde proper, geen vocht. Perifere katheter vervangen (rechterarm).',
    de: 'Verband gewechselt: Wunde sauber, keine Sekretion. Peripherer Venenkatheter gewechselt (rechter Arm).',
  },
  {
    fr: 'Fièvre à 38,6 °C à 22 h, hémocultures prélevées ×2, paracétamol donné. Médecin de garde averti.',
    nl: 'Koorts 38,6 °C om 22 u, hemoculturen ×2 afgenomen, paracetamol gegeven. Wachtarts verwittigd.',
    de: 'Fieber 38,6 °C um 22 Uhr, Blutkulturen ×2 abgenommen, Paracetamol gegeben. Diensthabender Arzt informiert.',
  },
  {
    fr: 'Glycémie à 62 mg/dL avant le souper : resucrage oral, contrôle à 112 mg/dL après 15 min.',
    nl: 'Glykemie 62 mg/dL voor het avondmaal: orale suikers, controle na 15 min 112 mg/dL.',
    de: 'Blutzucker 62 mg/dL vor dem Abendessen: orale Glukose, Kontrolle nach 15 min 112 mg/dL.',
  },
];

export const IPASS_ACTIONS: readonly Text[] = [
  {
    fr: 'Contrôler la kaliémie à 6 h et adapter le KCl',
    nl: 'Kalium controleren om 6 u en KCl aanpassen',
    de: 'Kalium um 6 Uhr kontrollieren und KCl anpassen',
  },
  {
    fr: 'Hémocultures si T° > 38,5 °C',
    nl: 'Hemoculturen bij T° > 38,5 °C',
    de: 'Blutkulturen bei T° > 38,5 °C',
  },
  {
    fr: 'Réévaluer l’antibiothérapie avec les résultats de culture',
    nl: 'Antibiotica herevalueren met de kweekresultaten',
    de: 'Antibiotikatherapie mit den Kulturergebnissen neu bewerten',
  },
  {
    fr: 'Appeler la famille pour la réunion de demain',
    nl: 'Familie bellen voor het overleg van morgen',
    de: 'Familie für das Gespräch morgen anrufen',
  },
  {
    fr: 'Vérifier la glycémie à 3 h',
    nl: 'Glykemie controleren om 3 u',
    de: 'Blutzucker um 3 Uhr kontrollieren',
  },
  {
    fr: 'À jeun à partir de minuit pour l’endoscopie',
    nl: 'Nuchter vanaf middernacht voor de endoscopie',
    de: 'Nüchtern ab Mitternacht für die Endoskopie',
  },
];

export const IPASS_AWARENESS: readonly Text[] = [
  {
    fr: 'Si SpO2 < 92 % : O2 2 L/min et appeler le médecin de garde',
    nl: 'Bij SpO2 < 92 %: O2 2 L/min en wachtarts bellen',
    de: 'Bei SpO2 < 92 %: O2 2 L/min und diensthabenden Arzt rufen',
  },
  {
    fr: 'Si PAS < 90 mmHg : remplissage 500 mL et appeler le médecin',
    nl: 'Bij systolische BD < 90 mmHg: 500 mL vulling en arts bellen',
    de: 'Bei systolischem RR < 90 mmHg: 500 mL Volumen und Arzt rufen',
  },
  {
    fr: 'Risque de confusion la nuit : pas de benzodiazépine',
    nl: 'Risico op delier ’s nachts: geen benzodiazepines',
    de: 'Delirrisiko in der Nacht: keine Benzodiazepine',
  },
  {
    fr: 'Surveiller la diurèse : si < 30 mL/h pendant 2 h, appeler',
    nl: 'Diurese opvolgen: bij < 30 mL/u gedurende 2 u, bellen',
    de: 'Diurese überwachen: bei < 30 mL/h über 2 Std. anrufen',
  },
];

/** Why an order is on hold, as the prescriber wrote it (statusReason). */
export const HOLD_REASONS: readonly Text[] = [
  {
    fr: 'En attente du résultat de l’INR',
    nl: 'In afwachting van de INR-uitslag',
    de: 'Warten auf den INR-Wert',
  },
  {
    fr: 'À jeun pour intervention demain',
    nl: 'Nuchter voor ingreep morgen',
    de: 'Nüchtern für den Eingriff morgen',
  },
  {
    fr: 'Créatinine en hausse : avis néphrologie',
    nl: 'Stijgend creatinine: advies nefrologie',
    de: 'Kreatinin steigend: Nephrologie-Konsil',
  },
];

export const NOT_GIVEN_REASONS: readonly Text[] = [
  {
    fr: 'Patient(e) à jeun pour examen',
    nl: 'Patiënt nuchter voor onderzoek',
    de: 'Patient(in) nüchtern für Untersuchung',
  },
  {
    fr: 'Refus du patient',
    nl: 'Weigering door de patiënt',
    de: 'Verweigerung durch den Patienten',
  },
  {
    fr: 'Patient(e) absent(e) du service (examen)',
    nl: 'Patiënt niet op de afdeling (onderzoek)',
    de: 'Patient(in) nicht auf Station (Untersuchung)',
  },
];

export const PARENTS: readonly (Text & { readonly code: 'N' | 'C' })[] = [
  { fr: 'Mère', nl: 'Moeder', de: 'Mutter', code: 'N' },
  { fr: 'Père', nl: 'Vader', de: 'Vater', code: 'N' },
];

export const RELATIONSHIPS: readonly (Text & { readonly code: 'N' | 'C' })[] = [
  { fr: 'Fille', nl: 'Dochter', de: 'Tochter', code: 'N' },
  { fr: 'Fils', nl: 'Zoon', de: 'Sohn', code: 'N' },
  { fr: 'Époux / épouse', nl: 'Echtgeno(o)t(e)', de: 'Ehepartner(in)', code: 'N' },
  {
    fr: 'Voisin(e) — personne de contact',
    nl: 'Buur — contactpersoon',
    de: 'Nachbar(in) — Kontaktperson',
    code: 'C',
  },
];
