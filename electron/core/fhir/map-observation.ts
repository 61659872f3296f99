/**
 * The Observation mapper. Most observations are vitals or labs; a few carry ward-level facts
 * (resuscitation status, I-PASS, fall risk, mobility, weight, height) that land on the stay.
 */
import { fold as foldText } from '../../common/fold.ts';
import type { CodeStatusClaim, Observation, Severity } from '../model.ts';
import {
  CODE_STATUS,
  LOCAL,
  LOINC_FALL_RISK,
  LOINC_HEIGHT,
  LOINC_WEIGHT,
  SYSTEM,
} from './codes.ts';
import {
  type Json,
  codings,
  conceptText,
  first,
  firstCode,
  hasCoding,
  list,
  num,
  obj,
  objects,
  quantity,
  str,
  ratioText,
} from './json.ts';
import type { Interner } from './interner.ts';
import { hasUnknownModifier } from './modifiers.ts';
import type {
  ClinicalItem,
  ClinicalRecord,
  FactName,
  ObservationItem,
  ReferenceRange,
} from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';

const VOID_STATUSES: ReadonlySet<string> = new Set(['entered-in-error', 'cancelled']);
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);

const CODE_STATUS_VALUES: ReadonlyMap<string, CodeStatusClaim['value']> = new Map([
  [`${SYSTEM.snomed}|${CODE_STATUS.snomedFullCode}`, 'full-code'],
  [`${SYSTEM.snomed}|${CODE_STATUS.snomedDnr}`, 'dnr'],
  [`${SYSTEM.ward}|full-code`, 'full-code'],
  [`${SYSTEM.ward}|dnr`, 'dnr'],
  [`${SYSTEM.ward}|dnr-dni`, 'dnr-dni'],
  [`${SYSTEM.ward}|comfort-care`, 'comfort-care'],
  [`${SYSTEM.ward}|limited`, 'limited'],
]);

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['stable', 'watcher', 'unstable']);

function isLocal(code: unknown, local: string): boolean {
  return hasCoding(code, [SYSTEM.ward], local);
}

/** The ward-level fact an observation code stands for, if any. */
function factOf(code: unknown): FactName | 'code-status' | null {
  if (CODE_STATUS.observationCodes.some((c) => hasCoding(code, c.systems, c.code)))
    return 'code-status';
  if (isLocal(code, LOCAL.ipassSeverity)) return 'ipass-severity';
  if (isLocal(code, LOCAL.ipassSummary)) return 'ipass-summary';
  if (isLocal(code, LOCAL.ipassAction)) return 'ipass-action';
  if (isLocal(code, LOCAL.ipassAwareness)) return 'ipass-awareness';
  if (isLocal(code, LOCAL.fallRisk) || hasCoding(code, [SYSTEM.loinc], LOINC_FALL_RISK))
    return 'fall-risk';
  if (isLocal(code, LOCAL.mobility)) return 'mobility';
  return null;
}

/** Any value[x] as text (quantities with their unit). */
function valueText(r: Json): string | null {
  const q = quantity(r['valueQuantity']);
  if (q?.value != null) return q.unit ? `${q.value} ${q.unit}` : String(q.value);
  const b = r['valueBoolean'];
  return first(
    str(r['valueString']),
    rangeValueText(r['valueRange']),
    ratioText(r['valueRatio']),
    conceptText(r['valueCodeableConcept']),
    // A coded result without words (a SNOMED "negative") is still the result: its code, rather
    // than a row that says nothing was measured.
    firstCode(r['valueCodeableConcept']),
    num(r['valueInteger']) === null ? null : String(r['valueInteger']),
    typeof b === 'boolean' ? String(b) : null,
    str(r['valueDateTime']),
    str(r['valueTime']),
  );
}

/**
 * A valueRange as text: "10–20 per HPF", "≥ 10 per HPF" when only one end is given. Without
 * it the observation had no value and was dropped, saying less than the source.
 */
function rangeValueText(value: unknown): string | null {
  const r = obj(value);
  const low = quantity(r?.['low']);
  const high = quantity(r?.['high']);
  const unit = high?.unit ?? low?.unit;
  const withUnit = (text: string) => (unit ? `${text} ${unit}` : text);
  if (low?.value != null && high?.value != null) return withUnit(`${low.value}–${high.value}`);
  if (low?.value != null) return withUnit(`≥ ${low.value}`);
  if (high?.value != null) return withUnit(`≤ ${high.value}`);
  return null;
}

function effectiveAt(r: Json): string | null {
  return first(
    str(r['effectiveDateTime']),
    str(obj(r['effectivePeriod'])?.['start']),
    str(r['effectiveInstant']),
    str(r['issued']),
  );
}

function categoryOf(r: Json): Observation['category'] {
  // Runs for every observation (most of the input): no intermediate arrays or Coding objects.
  let category: Observation['category'] = 'other';
  for (const concept of list(r['category']))
    for (const coding of list(obj(concept)?.['coding'])) {
      const code = obj(coding)?.['code'];
      if (code === 'vital-signs') return 'vital-signs';
      if (code === 'laboratory') category = 'laboratory';
    }
  return category;
}

const COMPARATORS: ReadonlySet<string> = new Set(['<', '<=', '>=', '>']);

/** Most observations have one range or none: one shared empty list, not one per row. */
const NO_RANGES: readonly ReferenceRange[] = [];
/** Filled at write time (reference-range.ts) into a list of its own; never added to. */
const NO_OTHER_RANGES: Observation['otherRanges'] = [];

/**
 * One observation row from a resource or a component (which carries its own code and value).
 * Its code, name and unit repeat from row to row: kept once each (`strings`).
 */
function observationRow(
  source: Json,
  category: Observation['category'],
  at: string | null,
  strings: Interner,
): ObservationItem | null {
  const q = quantity(source['valueQuantity']);
  const text = q?.value != null ? null : valueText(source);
  if (q?.value == null && text === null) return null;
  const comparator = str(obj(source['valueQuantity'])?.['comparator']);
  const listed = source['referenceRange'];
  const ranges =
    Array.isArray(listed) && listed.length > 0 ? objects(listed).map(rangeOf) : NO_RANGES;
  // One range is the normal range; with several, the patient decides (write time, by age and sex).
  const only = ranges.length === 1 ? ranges[0] : undefined;
  const { flag, flagText } = interpretationOf(source['interpretation']);
  return {
    item: 'observation',
    code: strings.of(firstCode(source['code'])),
    name: strings.of(conceptText(source['code'])),
    category,
    value: q?.value ?? null,
    valueText: text,
    unit: q?.value == null ? null : strings.of(q.unit),
    comparator:
      comparator !== null && COMPARATORS.has(comparator)
        ? (comparator as NonNullable<Observation['comparator']>)
        : null,
    refLow: only?.low ?? null,
    refHigh: only?.high ?? null,
    refText: only?.text ?? null,
    otherRanges: NO_OTHER_RANGES,
    ranges: ranges.length > 1 ? ranges : NO_RANGES,
    flag,
    flagText,
    at,
  };
}

/** A `referenceRange` with what it applies to, for choosing the patient's one. */
function rangeOf(r: Json): ReferenceRange {
  const age = obj(r['age']);
  return {
    low: quantity(r['low'])?.value ?? null,
    high: quantity(r['high'])?.value ?? null,
    text: str(r['text']),
    // A population named only in words ("Severe TBI") is kept as '' — never matched.
    appliesTo: list(r['appliesTo']).flatMap((c) => {
      const codes = codings(c).map((x) => x.code ?? '');
      return codes.length > 0 ? codes : [''];
    }),
    label: first(str(r['text']), ...list(r['appliesTo']).map(conceptText), conceptText(r['type'])),
    ageLowYears: ageInYears(age?.['low']),
    ageHighYears: ageInYears(age?.['high']),
    hasAge: age !== null,
  };
}

/** An age Quantity in years (UCUM `a`, `mo`, `wk`, `d`); null when absent or in another unit. */
function ageInYears(value: unknown): number | null {
  const q = quantity(value);
  if (q?.value == null) return null;
  const unit = str(obj(value)?.['code']) ?? q.unit ?? 'a';
  const perYear: Readonly<Record<string, number>> = {
    a: 1,
    yr: 1,
    year: 1,
    years: 1,
    mo: 12,
    wk: 52.1775,
    d: 365.25,
  };
  const divisor = perYear[unit.toLowerCase()];
  return divisor === undefined ? null : q.value / divisor;
}

const INTERPRETATION_SYSTEMS: readonly string[] = [
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  'http://hl7.org/fhir/v3/ObservationInterpretation',
  'http://hl7.org/fhir/v2/0078',
  'http://terminology.hl7.org/CodeSystem/v2-0078',
];

/** SNOMED CT interpretation findings as the HL7 code a ward reads. */
const SNOMED_INTERPRETATION: ReadonlyMap<string, string> = new Map([
  ['281302008', 'H'], // Above reference range
  ['75540009', 'H'], // High
  ['281300000', 'L'], // Below reference range
  ['62482003', 'L'], // Low
  ['17621005', 'N'], // Normal
  ['281301001', 'N'], // Within reference range
  ['263654008', 'A'], // Abnormal
]);

/** Interpretation words in fr/nl/de/en (folded), for sources that send only a display. */
const INTERPRETATION_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(abnormal|anormal|afwijkend|abnorm|pathologisch)/, 'A'],
  [/^(high|above|eleve|haut|hoog|verhoogd|hoch|erhoht)/, 'H'],
  [/^(low|below|bas|basse|laag|verlaagd|niedrig|erniedrigt)/, 'L'],
  [/^(normal|normaal|within)/, 'N'],
];

const NO_INTERPRETATION = { flag: null, flagText: null } as const;

/** The interpretation as an HL7 code (H, L, N, A, HH …), else its wording; never a bare SNOMED number. */
function interpretationOf(value: unknown): { flag: string | null; flagText: string | null } {
  const concepts = list(value);
  if (concepts.length === 0) return NO_INTERPRETATION;
  // Runs for most observations: the codings are read in place, not copied into Coding objects.
  for (const concept of concepts) {
    for (const coding of list(obj(concept)?.['coding'])) {
      const c = obj(coding);
      const code = str(c?.['code']);
      if (c === null || code === null) continue;
      const system = str(c['system']);
      if (system === null || INTERPRETATION_SYSTEMS.includes(system))
        if (/^[A-Z<>]{1,3}$/i.test(code)) return { flag: code.toUpperCase(), flagText: null };
      if (system === SYSTEM.snomed) {
        const mapped = SNOMED_INTERPRETATION.get(code);
        if (mapped) return { flag: mapped, flagText: null };
      }
    }
  }
  const words = first(...concepts.map(conceptText));
  if (words === null) return NO_INTERPRETATION;
  const folded = foldText(words).trim();
  const mapped = INTERPRETATION_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
  return { flag: mapped, flagText: mapped === null ? words : null };
}

function codeStatusItem(r: Json, at: string | null, tally: ReportTally): ClinicalItem | null {
  const value = codings(r['valueCodeableConcept'])
    .map((c) => CODE_STATUS_VALUES.get(`${c.system}|${c.code}`))
    .find((v) => v !== undefined);
  if (!value) {
    // An unrecognised value is not guessed: the fallbacks (or "unknown") decide.
    tally.warn('unknown-code-system');
    return null;
  }
  return {
    item: 'code-status',
    explicit: true,
    encounterRef: referenceOf(r['encounter'], 'Encounter'),
    value,
    source: 'observation',
    fromText: false,
    unverified: hasUnknownModifier(r, tally),
    text: first(str(r['valueString']), conceptText(r['valueCodeableConcept'])),
    at,
  };
}

/**
 * An observation's rows or ward fact; `strings` keeps one copy of what repeats across them.
 * Its list of items is written at its size (a list grown by `push` keeps room for 16, and
 * there is one such list per observation kept until the write phase).
 */
export function mapObservation(
  r: Json,
  tally: ReportTally,
  strings: Interner,
): ClinicalRecord | null {
  const status = str(r['status']);
  if (status !== null && VOID_STATUSES.has(status)) return null;
  const items = itemsOf(r, status, effectiveAt(r), tally, strings);
  return items.length > 0 ? { subject: strings.of(subjectOf(r)), items } : null;
}

const NO_ITEMS: readonly ClinicalItem[] = [];

function itemsOf(
  r: Json,
  status: string | null,
  at: string | null,
  tally: ReportTally,
  strings: Interner,
): readonly ClinicalItem[] {
  const fact = factOf(r['code']);
  if (fact === 'code-status') {
    const item = codeStatusItem(r, at, tally);
    return item ? [item] : NO_ITEMS;
  }
  if (fact !== null) {
    // Handover facts count once settled; preliminary drafts are not what the team agreed.
    if (fact.startsWith('ipass') && status !== null && !SETTLED_STATUSES.has(status))
      return NO_ITEMS;
    const severity = firstCode(r['valueCodeableConcept']);
    const text =
      fact === 'ipass-severity'
        ? severity !== null && SEVERITIES.has(severity)
          ? severity
          : null
        : valueText(r);
    return text === null ? NO_ITEMS : [{ item: 'fact', fact, text, value: null, at }];
  }
  const category = categoryOf(r);
  const row = observationRow(r, category, at, strings);
  if (!row) {
    const rows: ClinicalItem[] = [];
    for (const component of objects(r['component'])) {
      const c = observationRow(component, category, at, strings);
      if (c) rows.push(c);
    }
    return rows.length > 0 ? rows.slice() : NO_ITEMS;
  }
  const weightOrHeight = hasCoding(r['code'], [SYSTEM.loinc], LOINC_WEIGHT)
    ? 'weight'
    : hasCoding(r['code'], [SYSTEM.loinc], LOINC_HEIGHT)
      ? 'height'
      : null;
  if (weightOrHeight === null || row.value === null) return [row];
  const value = normalizedBodyMeasure(weightOrHeight, row.value, row.unit);
  return [row, { item: 'fact', fact: weightOrHeight, text: null, value, at }];
}

/** Weight in kg, height in cm, whatever unit the source used. */
function normalizedBodyMeasure(
  kind: 'weight' | 'height',
  value: number,
  unit: string | null,
): number {
  const u = (unit ?? '').toLowerCase();
  if (kind === 'weight') {
    if (u === 'g') return value / 1000;
    if (u === '[lb_av]' || u === 'lb' || u === 'lbs')
      return Math.round(value * 0.45359237 * 10) / 10;
    return value;
  }
  if (u === 'm') return value * 100;
  if (u === '[in_i]' || u === 'in') return Math.round(value * 2.54 * 10) / 10;
  return value;
}
