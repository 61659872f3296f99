/**
 * What the demo hospital's patients have, are given and are planned for, in French and Dutch
 * (the languages of its two sites). Codes are real (ICD-10, ATC, LOINC, SNOMED CT) so the data
 * looks like what an EHR exports; the mix is plausible, not epidemiology.
 */
import type { WardKind } from './hospital.ts';

export interface Text {
  readonly fr: string;
  readonly nl: string;
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
      profile: 'infection',
    },
    {
      icd10: 'E11.65',
      fr: 'Diabète de type 2 déséquilibré',
      nl: 'Ontregelde diabetes type 2',
      profile: 'diabetes',
    },
    { icd10: 'N10', fr: 'Pyélonéphrite aiguë', nl: 'Acute pyelonefritis', profile: 'infection' },
    {
      icd10: 'N17.9',
      fr: 'Insuffisance rénale aiguë',
      nl: 'Acute nierinsufficiëntie',
      profile: 'renal',
    },
    { icd10: 'J44.1', fr: 'Exacerbation de BPCO', nl: 'COPD-exacerbatie', profile: 'respiratory' },
    {
      icd10: 'L03.1',
      fr: 'Érysipèle de la jambe gauche',
      nl: 'Erysipelas linkerbeen',
      profile: 'infection',
    },
  ],
  surgery: [
    {
      icd10: 'K81.0',
      fr: 'Cholécystite aiguë — cholécystectomie',
      nl: 'Acute cholecystitis — cholecystectomie',
      profile: 'infection',
    },
    {
      icd10: 'M16.1',
      fr: 'Coxarthrose — prothèse totale de hanche',
      nl: 'Coxartrose — totale heupprothese',
    },
    { icd10: 'K35.8', fr: 'Appendicite aiguë', nl: 'Acute appendicitis', profile: 'infection' },
    { icd10: 'S72.0', fr: 'Fracture du col du fémur', nl: 'Heupfractuur (collum femoris)' },
    {
      icd10: 'C18.7',
      fr: 'Cancer du sigmoïde — résection colique',
      nl: 'Sigmoïdcarcinoom — colonresectie',
    },
  ],
  icu: [
    {
      icd10: 'R57.2',
      fr: 'Choc septique d’origine pulmonaire',
      nl: 'Septische shock, pulmonale focus',
      profile: 'infection',
    },
    {
      icd10: 'J80',
      fr: 'Syndrome de détresse respiratoire aiguë',
      nl: 'ARDS',
      profile: 'respiratory',
    },
    {
      icd10: 'E10.1',
      fr: 'Acidocétose diabétique',
      nl: 'Diabetische ketoacidose',
      profile: 'diabetes',
    },
    { icd10: 'K92.2', fr: 'Hémorragie digestive haute', nl: 'Hoge gastro-intestinale bloeding' },
  ],
  geriatrics: [
    { icd10: 'R29.6', fr: 'Chutes à répétition', nl: 'Herhaaldelijk vallen' },
    { icd10: 'F05.9', fr: 'Syndrome confusionnel aigu', nl: 'Acuut delier' },
    { icd10: 'E86', fr: 'Déshydratation', nl: 'Dehydratie', profile: 'renal' },
    {
      icd10: 'J69.0',
      fr: 'Pneumonie d’aspiration',
      nl: 'Aspiratiepneumonie',
      profile: 'infection',
    },
    { icd10: 'I50.9', fr: 'Décompensation cardiaque', nl: 'Hartdecompensatie', profile: 'cardiac' },
  ],
  cardiology: [
    {
      icd10: 'I50.9',
      fr: 'Insuffisance cardiaque décompensée',
      nl: 'Gedecompenseerd hartfalen',
      profile: 'cardiac',
    },
    {
      icd10: 'I48.9',
      fr: 'Fibrillation auriculaire rapide',
      nl: 'Snelle voorkamerfibrillatie',
      profile: 'cardiac',
    },
    {
      icd10: 'I21.4',
      fr: 'Infarctus sans sus-décalage ST (NSTEMI)',
      nl: 'NSTEMI',
      profile: 'cardiac',
    },
    { icd10: 'R55', fr: 'Syncope', nl: 'Syncope', profile: 'cardiac' },
  ],
  pediatrics: [
    { icd10: 'J21.0', fr: 'Bronchiolite à VRS', nl: 'RSV-bronchiolitis', profile: 'respiratory' },
    {
      icd10: 'A09',
      fr: 'Gastro-entérite avec déshydratation',
      nl: 'Gastro-enteritis met dehydratie',
    },
    { icd10: 'J45.9', fr: 'Crise d’asthme', nl: 'Astma-aanval', profile: 'respiratory' },
    { icd10: 'R56.0', fr: 'Convulsion fébrile', nl: 'Koortsstuip', profile: 'infection' },
  ],
};

export const COMORBIDITIES: readonly Diagnosis[] = [
  { icd10: 'I10', fr: 'Hypertension artérielle', nl: 'Arteriële hypertensie' },
  { icd10: 'E11.9', fr: 'Diabète de type 2', nl: 'Diabetes mellitus type 2', profile: 'diabetes' },
  {
    icd10: 'I48.9',
    fr: 'Fibrillation auriculaire',
    nl: 'Voorkamerfibrillatie',
    profile: 'cardiac',
  },
  { icd10: 'J44.9', fr: 'BPCO', nl: 'COPD', profile: 'respiratory' },
  {
    icd10: 'N18.3',
    fr: 'Insuffisance rénale chronique stade 3',
    nl: 'Chronische nierinsufficiëntie stadium 3',
    profile: 'renal',
  },
  { icd10: 'F03', fr: 'Démence', nl: 'Dementie' },
  { icd10: 'E03.9', fr: 'Hypothyroïdie', nl: 'Hypothyreoïdie' },
];

export interface Allergen extends Text {
  readonly snomed: string;
  readonly category: 'medication' | 'food' | 'environment';
}

/** SNOMED CT "Penicillin": the allergy that rules out the penicillin antibiotics below. */
export const PENICILLIN = '764146007';

export const ALLERGENS: readonly Allergen[] = [
  { snomed: PENICILLIN, fr: 'Pénicilline', nl: 'Penicilline', category: 'medication' },
  {
    snomed: '387458008',
    fr: 'Acide acétylsalicylique',
    nl: 'Acetylsalicylzuur',
    category: 'medication',
  },
  { snomed: '387494007', fr: 'Codéine', nl: 'Codeïne', category: 'medication' },
  { snomed: '372722000', fr: 'Ciprofloxacine', nl: 'Ciprofloxacine', category: 'medication' },
  {
    snomed: '293637006',
    fr: 'Produit de contraste iodé',
    nl: 'Jodiumhoudend contrastmiddel',
    category: 'medication',
  },
  { snomed: '111088007', fr: 'Latex', nl: 'Latex', category: 'environment' },
  { snomed: '762952008', fr: 'Arachide', nl: 'Pinda', category: 'food' },
  { snomed: '227208008', fr: 'Crustacés', nl: 'Schaaldieren', category: 'food' },
];

export const REACTIONS: readonly (Text & { readonly severity: 'mild' | 'moderate' | 'severe' })[] =
  [
    { fr: 'Éruption cutanée', nl: 'Huiduitslag', severity: 'mild' },
    { fr: 'Nausées', nl: 'Misselijkheid', severity: 'mild' },
    { fr: 'Urticaire', nl: 'Netelroos', severity: 'moderate' },
    { fr: 'Bronchospasme', nl: 'Bronchospasme', severity: 'severe' },
    { fr: 'Œdème de Quincke', nl: 'Angio-oedeem', severity: 'severe' },
    { fr: 'Choc anaphylactique', nl: 'Anafylactische shock', severity: 'severe' },
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
}

const GTS_ABBREVIATION = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
const daily = (frequency: number) => ({ repeat: { frequency, period: 1, periodUnit: 'd' } });
const everyHours = (hours: number) => ({
  repeat: { frequency: 1, period: hours, periodUnit: 'h' },
});
const at = (...when: string[]) => ({ repeat: { when } });

export const ROUTES = {
  PO: { snomed: '26643006', display: 'Oral route', fr: 'Per os', nl: 'Oraal' },
  IV: { snomed: '47625008', display: 'Intravenous route', fr: 'IV', nl: 'IV' },
  SC: { snomed: '34206005', display: 'Subcutaneous route', fr: 'SC', nl: 'SC' },
  INH: { snomed: '18679011000001101', display: 'Inhalation', fr: 'Inhalation', nl: 'Inhalatie' },
} as const;

export const DRUGS = {
  paracetamol: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol 1 g', nl: 'Paracetamol 1 g' },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'PO',
    timing: everyHours(6),
  },
  paracetamolPrn: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol 1 g', nl: 'Paracetamol 1 g' },
    dose: 1,
    unit: 'g',
    ucum: 'g',
    route: 'PO',
    timing: everyHours(6),
    prn: {
      reason: { fr: 'Douleur ou fièvre > 38,5 °C', nl: 'Pijn of koorts > 38,5 °C' },
      maxPer24h: 4,
    },
  },
  amoxiclav: {
    atc: 'J01CR02',
    name: { fr: 'Amoxicilline-acide clavulanique', nl: 'Amoxicilline-clavulaanzuur' },
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
    name: { fr: 'Ceftriaxone', nl: 'Ceftriaxon' },
    dose: 2,
    unit: 'g',
    ucum: 'g',
    route: 'IV',
    timing: daily(1),
    group: 'antibiotic',
  },
  piptazo: {
    atc: 'J01CR05',
    name: { fr: 'Pipéracilline-tazobactam', nl: 'Piperacilline-tazobactam' },
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
    name: { fr: 'Pantoprazole', nl: 'Pantoprazol' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('ACM'),
  },
  enoxaparin: {
    atc: 'B01AB05',
    name: { fr: 'Énoxaparine', nl: 'Enoxaparine' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'SC',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['18:00:00'] } },
    group: 'anticoagulant',
  },
  heparin: {
    atc: 'B01AB01',
    name: { fr: 'Héparine sodique', nl: 'Heparine natrium' },
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
    },
  },
  insulinBasal: {
    atc: 'A10AE04',
    name: { fr: 'Insuline glargine', nl: 'Insuline glargine' },
    dose: 18,
    unit: 'UI',
    ucum: '[iU]',
    route: 'SC',
    timing: { repeat: { timeOfDay: ['22:00:00'] } },
  },
  morphinePrn: {
    atc: 'N02AA01',
    name: { fr: 'Morphine', nl: 'Morfine' },
    dose: 2.5,
    unit: 'mg',
    ucum: 'mg',
    route: 'SC',
    timing: everyHours(4),
    prn: { reason: { fr: 'Douleur EVA ≥ 4', nl: 'Pijn VAS ≥ 4' }, maxPer24h: 6 },
  },
  morphineSr: {
    atc: 'N02AA01',
    name: { fr: 'Morphine LP', nl: 'Morfine MR' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: everyHours(12),
  },
  potassium: {
    atc: 'A12BA01',
    name: { fr: 'Chlorure de potassium', nl: 'Kaliumchloride' },
    dose: 20,
    unit: 'mmol',
    ucum: 'mmol',
    route: 'IV',
    timing: daily(2),
    instructions: {
      fr: 'Dans 500 mL NaCl 0,9 % sur 4 h, jamais en bolus',
      nl: 'In 500 mL NaCl 0,9 % over 4 u, nooit als bolus',
    },
  },
  furosemide: {
    atc: 'C03CA01',
    name: { fr: 'Furosémide', nl: 'Furosemide' },
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
    name: { fr: 'Bisoprolol', nl: 'Bisoprolol' },
    dose: 2.5,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('MORN'),
  },
  atorvastatin: {
    atc: 'C10AA05',
    name: { fr: 'Atorvastatine', nl: 'Atorvastatine' },
    dose: 40,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('EVE'),
  },
  apixaban: {
    atc: 'B01AF02',
    name: { fr: 'Apixaban', nl: 'Apixaban' },
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
    name: { fr: 'Amoxicilline', nl: 'Amoxicilline' },
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
    name: { fr: 'Metformine', nl: 'Metformine' },
    dose: 850,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('CM', 'CV'),
  },
  metoclopramidePrn: {
    atc: 'A03FA01',
    name: { fr: 'Métoclopramide', nl: 'Metoclopramide' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'IV',
    timing: everyHours(8),
    prn: { reason: { fr: 'Nausées ou vomissements', nl: 'Misselijkheid of braken' }, maxPer24h: 3 },
  },
  lorazepamPrn: {
    atc: 'N05BA06',
    name: { fr: 'Lorazépam', nl: 'Lorazepam' },
    dose: 1,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: at('HS'),
    prn: { reason: { fr: 'Insomnie ou anxiété', nl: 'Slapeloosheid of angst' }, maxPer24h: 1 },
  },
  salbutamol: {
    atc: 'R03AC02',
    name: { fr: 'Salbutamol nébulisation', nl: 'Salbutamol vernevelingen' },
    dose: 5,
    unit: 'mg',
    ucum: 'mg',
    route: 'INH',
    timing: everyHours(6),
  },
  macrogol: {
    atc: 'A06AD65',
    name: { fr: 'Macrogol', nl: 'Macrogol' },
    dose: 1,
    unit: 'sachet',
    ucum: '{sachet}',
    route: 'PO',
    timing: at('MORN'),
  },
  vitaminD: {
    atc: 'A11CC05',
    name: { fr: 'Colécalciférol 25 000 UI', nl: 'Colecalciferol 25 000 IE' },
    dose: 1,
    unit: 'ampoule',
    ucum: '{ampoule}',
    route: 'PO',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] } },
  },
  methotrexate: {
    atc: 'L04AX03',
    name: { fr: 'Méthotrexate', nl: 'Methotrexaat' },
    dose: 10,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['fri'] } },
    instructions: { fr: 'Une fois par SEMAINE (vendredi)', nl: 'Eén keer per WEEK (vrijdag)' },
  },
  noradrenaline: {
    atc: 'C01CA03',
    name: { fr: 'Noradrénaline 8 mg/50 mL', nl: 'Noradrenaline 8 mg/50 mL' },
    dose: 0.1,
    doseKind: 'rate',
    unit: 'µg/kg/min',
    ucum: 'ug/kg/min',
    route: 'IV',
    doseText: { fr: 'Débit selon PAM ≥ 65 mmHg', nl: 'Debiet volgens MAP ≥ 65 mmHg' },
  },
  paracetamolSyrup: {
    atc: 'N02BE01',
    name: { fr: 'Paracétamol sirop', nl: 'Paracetamol siroop' },
    dose: 240,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: everyHours(6),
    prn: {
      reason: { fr: 'Fièvre > 38,5 °C ou douleur', nl: 'Koorts > 38,5 °C of pijn' },
      maxPer24h: 4,
    },
  },
  amoxicillinSyrup: {
    atc: 'J01CA04',
    name: { fr: 'Amoxicilline sirop', nl: 'Amoxicilline siroop' },
    dose: 250,
    unit: 'mg',
    ucum: 'mg',
    route: 'PO',
    timing: daily(3),
    avoidWith: [PENICILLIN],
    group: 'antibiotic',
  },
  ondansetronPrn: {
    atc: 'A04AA01',
    name: { fr: 'Ondansétron', nl: 'Ondansetron' },
    dose: 2,
    unit: 'mg',
    ucum: 'mg',
    route: 'IV',
    timing: everyHours(8),
    prn: { reason: { fr: 'Vomissements', nl: 'Braken' }, maxPer24h: 3 },
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
  { fr: 'Isolement contact — MRSA', nl: 'Contactisolatie — MRSA' },
  {
    fr: 'Isolement contact — Clostridioides difficile',
    nl: 'Contactisolatie — Clostridioides difficile',
  },
  { fr: 'Isolement gouttelettes — grippe', nl: 'Druppelisolatie — influenza' },
  { fr: 'Isolement contact — CPE', nl: 'Contactisolatie — CPE' },
  { fr: 'Isolement aérien — tuberculose', nl: 'Aerogene isolatie — tuberculose' },
  { fr: 'Isolement protecteur (neutropénie)', nl: 'Beschermende isolatie (neutropenie)' },
];

export const DIETS: readonly (Text & { readonly texture?: Text; readonly fluid?: Text })[] = [
  { fr: 'Normal', nl: 'Normaal' },
  { fr: 'Diabétique 1800 kcal', nl: 'Diabetisch 1800 kcal' },
  { fr: 'Pauvre en sel (< 6 g/j)', nl: 'Zoutarm (< 6 g per dag)' },
  {
    fr: 'Mixé',
    nl: 'Gemixt',
    texture: { fr: 'Mixé lisse', nl: 'Glad gemixt' },
    fluid: { fr: 'Liquides épaissis', nl: 'Ingedikte vloeistoffen' },
  },
  { fr: 'À jeun à partir de minuit', nl: 'Nuchter vanaf middernacht' },
  { fr: 'Sans gluten', nl: 'Glutenvrij' },
];

export const MOBILITY: readonly Text[] = [
  { fr: 'Autonome', nl: 'Zelfstandig' },
  { fr: 'Aide d’une personne', nl: 'Hulp van één persoon' },
  { fr: 'Déambulateur', nl: 'Rollator' },
  { fr: 'Alitement strict', nl: 'Strikte bedrust' },
  { fr: 'Lève-personne', nl: 'Tillift' },
];

export const FALL_RISK: readonly Text[] = [
  { fr: 'Faible (Morse 15)', nl: 'Laag (Morse 15)' },
  { fr: 'Modéré (Morse 35)', nl: 'Matig (Morse 35)' },
  {
    fr: 'Élevé (Morse 55) — barrières, alarme de lit',
    nl: 'Hoog (Morse 55) — bedhekken, bedalarm',
  },
];

export const NURSING_TASKS: readonly Text[] = [
  { fr: 'Glycémie capillaire avant les repas', nl: 'Capillaire glykemie voor de maaltijden' },
  { fr: 'Réfection du pansement', nl: 'Wondzorg — verband vernieuwen' },
  { fr: 'Bilan hydrique (entrées/sorties)', nl: 'Vochtbalans (in/uit)' },
  { fr: 'Mobilisation au fauteuil', nl: 'Mobilisatie naar de zetel' },
  { fr: 'Prise de sang à jeun', nl: 'Nuchtere bloedafname' },
  {
    fr: 'Changement de position toutes les 3 h (escarres)',
    nl: 'Wisselhouding om de 3 u (decubitus)',
  },
  { fr: 'Surveillance du cathéter périphérique', nl: 'Controle perifere katheter' },
  { fr: 'Pesée du matin', nl: 'Ochtendgewicht' },
];

export const GOALS: readonly Text[] = [
  {
    fr: 'Marcher seul(e) dans le couloir avant la sortie',
    nl: 'Zelfstandig in de gang wandelen voor ontslag',
  },
  { fr: 'Douleur EVA ≤ 3 au repos', nl: 'Pijn VAS ≤ 3 in rust' },
  { fr: 'Glycémies entre 100 et 180 mg/dL', nl: 'Glykemie tussen 100 en 180 mg/dL' },
  { fr: 'Retour à domicile avec aide familiale', nl: 'Terug naar huis met gezinszorg' },
  { fr: 'Sevrage de l’oxygène', nl: 'Afbouw van de zuurstof' },
];

export const SERVICE_REQUESTS: readonly Text[] = [
  { fr: 'Échographie abdominale', nl: 'Echografie abdomen' },
  { fr: 'RX thorax de contrôle', nl: 'Controle RX thorax' },
  { fr: 'Avis diététique', nl: 'Consult diëtiek' },
  { fr: 'Kinésithérapie respiratoire', nl: 'Respiratoire kinesitherapie' },
  { fr: 'Avis du service social — organisation du retour', nl: 'Sociale dienst — ontslagplanning' },
  { fr: 'ECG de contrôle', nl: 'Controle-ECG' },
];

export const DO_NOT_REQUESTS: readonly Text[] = [
  {
    fr: 'Prise de sang ou tension au bras gauche (fistule)',
    nl: 'Bloedafname of bloeddruk aan de linkerarm (fistel)',
  },
  { fr: 'Sonde urinaire', nl: 'Blaassonde' },
];

export const NOTES: readonly Text[] = [
  {
    fr: 'Patient(e) calme et orienté(e). Douleur contrôlée (EVA 2/10). A mangé la moitié du repas. Mobilisation au fauteuil avec l’aide d’une personne.',
    nl: 'Patiënt rustig en georiënteerd. Pijn onder controle (VAS 2/10). Helft van de maaltijd gegeten. Met hulp van één persoon naar de zetel gemobiliseerd.',
  },
  {
    fr: 'Nuit agitée, désorienté(e) vers 3 h. Réorienté(e), barrières relevées. Famille prévenue. Pas de chute.',
    nl: 'Onrustige nacht, rond 3 u gedesoriënteerd. Geheroriënteerd, bedhekken omhoog. Familie verwittigd. Geen val.',
  },
  {
    fr: 'Pansement refait : plaie propre, pas d’écoulement. Cathéter périphérique changé (bras droit).',
    nl: 'Verband vernieuwd: wonde proper, geen vocht. Perifere katheter vervangen (rechterarm).',
  },
  {
    fr: 'Fièvre à 38,6 °C à 22 h, hémocultures prélevées ×2, paracétamol donné. Médecin de garde averti.',
    nl: 'Koorts 38,6 °C om 22 u, hemoculturen ×2 afgenomen, paracetamol gegeven. Wachtarts verwittigd.',
  },
  {
    fr: 'Glycémie à 62 mg/dL avant le souper : resucrage oral, contrôle à 112 mg/dL après 15 min.',
    nl: 'Glykemie 62 mg/dL voor het avondmaal: orale suikers, controle na 15 min 112 mg/dL.',
  },
];

export const IPASS_ACTIONS: readonly Text[] = [
  {
    fr: 'Contrôler la kaliémie à 6 h et adapter le KCl',
    nl: 'Kalium controleren om 6 u en KCl aanpassen',
  },
  { fr: 'Hémocultures si T° > 38,5 °C', nl: 'Hemoculturen bij T° > 38,5 °C' },
  {
    fr: 'Réévaluer l’antibiothérapie avec les résultats de culture',
    nl: 'Antibiotica herevalueren met de kweekresultaten',
  },
  {
    fr: 'Appeler la famille pour la réunion de demain',
    nl: 'Familie bellen voor het overleg van morgen',
  },
  { fr: 'Vérifier la glycémie à 3 h', nl: 'Glykemie controleren om 3 u' },
  {
    fr: 'À jeun à partir de minuit pour l’endoscopie',
    nl: 'Nuchter vanaf middernacht voor de endoscopie',
  },
];

export const IPASS_AWARENESS: readonly Text[] = [
  {
    fr: 'Si SpO2 < 92 % : O2 2 L/min et appeler le médecin de garde',
    nl: 'Bij SpO2 < 92 %: O2 2 L/min en wachtarts bellen',
  },
  {
    fr: 'Si PAS < 90 mmHg : remplissage 500 mL et appeler le médecin',
    nl: 'Bij systolische BD < 90 mmHg: 500 mL vulling en arts bellen',
  },
  {
    fr: 'Risque de confusion la nuit : pas de benzodiazépine',
    nl: 'Risico op delier ’s nachts: geen benzodiazepines',
  },
  {
    fr: 'Surveiller la diurèse : si < 30 mL/h pendant 2 h, appeler',
    nl: 'Diurese opvolgen: bij < 30 mL/u gedurende 2 u, bellen',
  },
];

export const NOT_GIVEN_REASONS: readonly Text[] = [
  { fr: 'Patient(e) à jeun pour examen', nl: 'Patiënt nuchter voor onderzoek' },
  { fr: 'Refus du patient', nl: 'Weigering door de patiënt' },
  { fr: 'Patient(e) absent(e) du service (examen)', nl: 'Patiënt niet op de afdeling (onderzoek)' },
];

export const PARENTS: readonly (Text & { readonly code: 'N' | 'C' })[] = [
  { fr: 'Mère', nl: 'Moeder', code: 'N' },
  { fr: 'Père', nl: 'Vader', code: 'N' },
];

export const RELATIONSHIPS: readonly (Text & { readonly code: 'N' | 'C' })[] = [
  { fr: 'Fille', nl: 'Dochter', code: 'N' },
  { fr: 'Fils', nl: 'Zoon', code: 'N' },
  { fr: 'Époux / épouse', nl: 'Echtgeno(o)t(e)', code: 'N' },
  { fr: 'Voisin(e) — personne de contact', nl: 'Buur — contactpersoon', code: 'C' },
];
