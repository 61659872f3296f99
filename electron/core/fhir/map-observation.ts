/**
 * The Observation mapper. Most observations are vitals or labs; a few carry ward-level facts
 * (resuscitation status, I-PASS, fall risk, mobility, weight, height) that land on the stay.
 */
import type { CodeStatus, Observation, Severity } from '../model.ts';
import {
  CODE_STATUS,
  LOCAL,
  LOINC_FALL_RISK,
  LOINC_HEIGHT,
  LOINC_WEIGHT,
  SYSTEM,
} from './codes.ts';
import {
  type Coding,
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
} from './json.ts';
import type { ClinicalItem, ClinicalRecord, FactName } from './records.ts';
import { subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';

const VOID_STATUSES: ReadonlySet<string> = new Set(['entered-in-error', 'cancelled']);
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);

const CODE_STATUS_VALUES: ReadonlyMap<string, CodeStatus> = new Map([
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
    conceptText(r['valueCodeableConcept']),
    num(r['valueInteger']) === null ? null : String(r['valueInteger']),
    typeof b === 'boolean' ? String(b) : null,
    str(r['valueDateTime']),
    str(r['valueTime']),
  );
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
  const codes = list(r['category']).flatMap((c) => codings(c).map((x) => x.code));
  if (codes.includes('vital-signs')) return 'vital-signs';
  if (codes.includes('laboratory')) return 'laboratory';
  return 'other';
}

/** One observation row from a resource or a component (which carries its own code and value). */
function observationRow(
  source: Json,
  category: Observation['category'],
  at: string | null,
): Observation | null {
  const q = quantity(source['valueQuantity']);
  const text = q?.value != null ? null : valueText(source);
  if (q?.value == null && text === null) return null;
  const range = objects(source['referenceRange'])[0];
  const interpretation: Coding | undefined = list(source['interpretation']).flatMap(codings)[0];
  return {
    code: firstCode(source['code']),
    name: conceptText(source['code']) ?? 'Observation',
    category,
    value: q?.value ?? null,
    valueText: text,
    unit: q?.value == null ? null : q.unit,
    refLow: quantity(range?.['low'])?.value ?? null,
    refHigh: quantity(range?.['high'])?.value ?? null,
    refText: str(range?.['text']),
    flag: interpretation?.code ?? null,
    at,
  };
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
    value,
    text: first(str(r['valueString']), conceptText(r['valueCodeableConcept'])),
    at,
  };
}

export function mapObservation(r: Json, tally: ReportTally): ClinicalRecord | null {
  const status = str(r['status']);
  if (status !== null && VOID_STATUSES.has(status)) return null;
  const at = effectiveAt(r);
  const fact = factOf(r['code']);
  const items: ClinicalItem[] = [];
  if (fact === 'code-status') {
    const item = codeStatusItem(r, at, tally);
    if (item) items.push(item);
  } else if (fact !== null) {
    // Handover facts count once settled; preliminary drafts are not what the team agreed.
    if (fact.startsWith('ipass') && status !== null && !SETTLED_STATUSES.has(status)) return null;
    const severity = firstCode(r['valueCodeableConcept']);
    const text =
      fact === 'ipass-severity'
        ? severity !== null && SEVERITIES.has(severity)
          ? severity
          : null
        : valueText(r);
    if (text === null) return null;
    items.push({ item: 'fact', fact, text, value: null, at });
  } else {
    const category = categoryOf(r);
    const row = observationRow(r, category, at);
    if (row) items.push({ item: 'observation', ...row });
    else
      for (const component of objects(r['component'])) {
        const c = observationRow(component, category, at);
        if (c) items.push({ item: 'observation', ...c });
      }
    const weightOrHeight = hasCoding(r['code'], [SYSTEM.loinc], LOINC_WEIGHT)
      ? 'weight'
      : hasCoding(r['code'], [SYSTEM.loinc], LOINC_HEIGHT)
        ? 'height'
        : null;
    if (weightOrHeight && row?.value != null) {
      items.push({
        item: 'fact',
        fact: weightOrHeight,
        text: null,
        value: normalizedBodyMeasure(weightOrHeight, row.value, row.unit),
        at,
      });
    }
  }
  return items.length > 0 ? { subject: subjectOf(r), items } : null;
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
