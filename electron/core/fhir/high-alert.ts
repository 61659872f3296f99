/**
 * High-alert medicines: drugs that bear a heightened risk of significant patient harm when used
 * in error. Source: ISMP List of High-Alert Medications in Acute Care Settings (Institute for
 * Safe Medication Practices, 2024 edition) — its classes and named drugs, as one table below.
 *
 * An order is high-alert when any of its evidence matches: an ATC code of the class (European
 * formularies), an RxNorm ingredient code (US exports), or a name — the concept text, every
 * coding's display (ATC, RxNorm, SNOMED, local), the Medication's code and its ingredients — in
 * French, Dutch, German or English, brand names sold in Belgium included. Names are matched as
 * folded stems ("morphin" matches morphine, Morphin, morfine is its own stem), so one table
 * serves every language. Kept deliberately broad: a false "high alert" costs a glance, a missed
 * one can kill.
 */
import { fold } from '../../common/fold.ts';
import type { Coding } from './json.ts';

interface HighAlertClass {
  /** The ISMP class, for the reader of this table. */
  readonly ismp: string;
  /** ATC code prefixes of the class. */
  readonly atc: readonly string[];
  /** RxNorm ingredient (IN) codes; product codes carry a display, matched by name. */
  readonly rxnorm: readonly string[];
  /** Folded name stems: INN spellings in fr/nl/de/en and brand names. */
  readonly names: readonly string[];
}

export const HIGH_ALERT_CLASSES: readonly HighAlertClass[] = [
  {
    ismp: 'insulin, all formulations',
    atc: ['A10A'],
    rxnorm: ['274783', '86009', '51428', '253182', '139825'],
    names: [
      'insulin',
      'lantus',
      'toujeo',
      'abasaglar',
      'semglee',
      'levemir',
      'tresiba',
      'novorapid',
      'novomix',
      'fiasp',
      'humalog',
      'lyumjev',
      'apidra',
      'actrapid',
      'insulatard',
      'mixtard',
      'humulin',
      'ryzodeg',
    ],
  },
  {
    ismp: 'opioids, IV, transdermal and oral (all formulations)',
    atc: ['N02A', 'N01AH', 'N07BC', 'R05DA04'],
    rxnorm: ['7052', '4337', '7804', '3423', '6813', '2670', '10689'],
    names: [
      'morphin',
      'morfin',
      'ms contin',
      'oramorph',
      'hydromorphon',
      'hydromorfon',
      'oxycodon',
      'oxycontin',
      'oxynorm',
      'fentanyl',
      'durogesic',
      'sufentanil',
      'remifentanil',
      'alfentanil',
      'methadon',
      'buprenorphin',
      'buprenorfin',
      'temgesic',
      'transtec',
      'piritramid',
      'dipidolor',
      'tramadol',
      'contramal',
      'tradonal',
      'tapentadol',
      'palexia',
      'codein',
      'pethidin',
      'meperidin',
      'nalbuphin',
      'tilidin',
    ],
  },
  {
    ismp: 'anticoagulants: warfarin, LMWH, heparin, direct oral anticoagulants, factor Xa and thrombin inhibitors',
    atc: ['B01AA', 'B01AB', 'B01AE', 'B01AF', 'B01AX'],
    rxnorm: ['5224', '11289', '67108', '1114195', '1364430', '1037042'],
    names: [
      'heparin',
      'enoxaparin',
      'clexane',
      'lovenox',
      'nadroparin',
      'fraxiparin',
      'fraxodi',
      'dalteparin',
      'fragmin',
      'tinzaparin',
      'innohep',
      'fondaparinux',
      'arixtra',
      'warfarin',
      'marevan',
      'coumadin',
      'acenocoumarol',
      'sintrom',
      'phenprocoumon',
      'fenprocoumon',
      'marcoumar',
      'marcumar',
      'apixaban',
      'eliquis',
      'rivaroxaban',
      'xarelto',
      'edoxaban',
      'lixiana',
      'dabigatran',
      'pradaxa',
      'argatroban',
      'bivalirudin',
    ],
  },
  {
    ismp: 'thrombolytics',
    atc: ['B01AD'],
    rxnorm: [],
    names: ['alteplase', 'actilyse', 'tenecteplase', 'metalyse', 'urokinase'],
  },
  {
    ismp: 'antineoplastic agents, parenteral and oral',
    atc: ['L01'],
    rxnorm: ['194000', '1828'],
    names: [
      'busulfan',
      'myleran',
      'busilvex',
      'capecitabin',
      'xeloda',
      'temozolomid',
      'temodal',
      'chlorambucil',
      'leukeran',
      'melphalan',
      'alkeran',
      'cyclophosphamid',
      'cyclofosfamide',
      'endoxan',
      'ifosfamid',
      'hydroxycarbamid',
      'hydroxyure',
      'hydrea',
      'mercaptopurin',
      'purinethol',
      'xaluprine',
      'tioguanin',
      'thioguanin',
      'lomustin',
      'etoposid',
      'platin',
      'vincristin',
      'vinblastin',
      'vinorelbin',
      'rubicin',
      'taxel',
      'fluorouracil',
      'cytarabin',
      'gemcitabin',
      'bleomycin',
      'imatinib',
    ],
  },
  {
    ismp: 'methotrexate, oral and parenteral (weekly dosing)',
    atc: ['L04AX03'],
    rxnorm: ['6851'],
    names: ['methotrexa', 'metoject', 'ledertrexate', 'emthexate'],
  },
  {
    ismp: 'concentrated electrolytes: potassium chloride, potassium phosphates, hypertonic sodium chloride, magnesium sulfate',
    atc: ['A12BA01', 'B05XA01', 'B05XA03', 'B05XA05', 'B05XA06'],
    rxnorm: ['8591'],
    names: [
      'potassium chloride',
      'chlorure de potassium',
      'kaliumchlorid',
      'kcl',
      'potassium phosphate',
      'phosphate de potassium',
      'phosphates de potassium',
      'kaliumfosfaat',
      'kaliumphosphat',
      'magnesium sulfate',
      'sulfate de magnesium',
      'magnesiumsulfa',
    ],
  },
  {
    ismp: 'sulfonylurea hypoglycaemics, oral',
    atc: ['A10BB'],
    rxnorm: [],
    names: [
      'glibenclamid',
      'glyburid',
      'daonil',
      'gliclazid',
      'diamicron',
      'glimepirid',
      'amarel',
      'glipizid',
      'glibenese',
      'minidiab',
      'tolbutamid',
    ],
  },
  {
    ismp: 'neuromuscular blocking agents',
    atc: ['M03A'],
    rxnorm: [],
    names: [
      'rocuronium',
      'esmeron',
      'vecuronium',
      'pancuronium',
      'atracurium',
      'nimbex',
      'mivacurium',
      'succinylcholin',
      'suxamethonium',
      'celocurin',
      'lysthenon',
    ],
  },
  {
    ismp: 'sedation agents, IV (and moderate sedation agents for children)',
    atc: ['N01AX10', 'N01AX03', 'N05CD08', 'N05CM18', 'N05CC01'],
    rxnorm: [],
    names: [
      'propofol',
      'diprivan',
      'midazolam',
      'dormicum',
      'dexmedetomidin',
      'dexdor',
      'ketamin',
      'esketamin',
      'chloral',
    ],
  },
  {
    ismp: 'adrenergic agonists and inotropes, IV',
    atc: ['C01CA', 'C01CE', 'C01CX', 'H01BA'],
    rxnorm: [],
    names: [
      'adrenalin',
      'epinephrin',
      'epinefrin',
      'dopamin',
      'dobutamin',
      'milrinon',
      'corotrop',
      'levosimendan',
      'simdax',
      'isoprenalin',
      'phenylephrin',
      'fenylefrin',
      'vasopressin',
      'terlipressin',
    ],
  },
  {
    ismp: 'antiarrhythmics, IV, and digoxin',
    atc: ['C01BD01', 'C01AA05'],
    rxnorm: [],
    names: ['amiodaron', 'cordarone', 'digoxin', 'lanoxin'],
  },
];

/** "NaCl 3 %", "chlorure de sodium 10%", "Natriumchlorid 5,85 %": stronger than 0.9 % is hypertonic. */
const SODIUM_CHLORIDE_STRENGTH =
  /\b(?:nacl|sodium chloride|chlorure de sodium|natriumchloride?)\b[^%\d]{0,12}(\d+(?:[.,]\d+)?)\s*%/;
const ISOTONIC_PERCENT = 0.9;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "kcl" is an abbreviation, so it must stand alone; every other stem may sit inside a word. */
const NAME_PATTERN = new RegExp(
  HIGH_ALERT_CLASSES.flatMap((c) => c.names)
    .map((n) => (n === 'kcl' ? '\\bkcl\\b' : escape(n)))
    .join('|'),
);
const ATC_PREFIXES = HIGH_ALERT_CLASSES.flatMap((c) => c.atc);
const RXNORM_CODES: ReadonlySet<string> = new Set(HIGH_ALERT_CLASSES.flatMap((c) => c.rxnorm));

const isAtc = (system: string | null) => system !== null && /atc/i.test(system);
const isRxNorm = (system: string | null) => system !== null && /rxnorm/i.test(system);

/**
 * Names already checked: a hospital orders the same few hundred drugs thousands of times, and
 * the stem search is the costly part of mapping an order.
 */
const checkedNames = new Map<string, boolean>();
const MAX_CHECKED_NAMES = 50_000;

/** Whether a name, in any of the ward's languages, is a high-alert medicine's. */
export function isHighAlertName(name: string): boolean {
  const known = checkedNames.get(name);
  if (known !== undefined) return known;
  const folded = fold(name);
  const strength = SODIUM_CHLORIDE_STRENGTH.exec(folded)?.[1];
  const high =
    NAME_PATTERN.test(folded) ||
    (strength !== undefined && Number(strength.replace(',', '.')) > ISOTONIC_PERCENT);
  if (checkedNames.size >= MAX_CHECKED_NAMES) checkedNames.clear();
  checkedNames.set(name, high);
  return high;
}

/** Whether a coding (ATC or RxNorm code, or any system's display) names a high-alert medicine. */
export function isHighAlertCoding(coding: Coding): boolean {
  const code = coding.code?.toUpperCase().replace(/\s/g, '') ?? null;
  if (code !== null && isAtc(coding.system) && ATC_PREFIXES.some((p) => code.startsWith(p)))
    return true;
  if (code !== null && isRxNorm(coding.system) && RXNORM_CODES.has(code)) return true;
  return coding.display !== null && isHighAlertName(coding.display);
}

/** Whether any of the names or codings an order carries is a high-alert medicine's. */
export function isHighAlert(evidence: {
  readonly names: readonly (string | null)[];
  readonly codings: readonly Coding[];
}): boolean {
  return (
    evidence.codings.some(isHighAlertCoding) ||
    evidence.names.some((n) => n !== null && isHighAlertName(n))
  );
}
