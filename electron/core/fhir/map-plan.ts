/**
 * Mappers for what the team plans and flags: CarePlan, Goal, ServiceRequest, Task, recent
 * Procedure, NutritionOrder (diet), Flag (isolation, DNR, alerts) and Consent (DNR).
 */
import type { PlanItem } from '../model.ts';
import { LOCAL, SNOMED_ISOLATION, SYSTEM, dnrEvidence } from './codes.ts';
import { instantOf, periodOf } from './dates.ts';
import {
  type Json,
  codings,
  conceptText,
  first,
  firstCode,
  firstConceptText,
  hasCoding,
  list,
  obj,
  objects,
  quantityText,
  str,
} from './json.ts';
import { hasUnknownModifier } from './modifiers.ts';
import type { ClinicalItem, ClinicalRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';
import { narrativeText } from './text-content.ts';

const OPEN_REQUEST_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold', 'draft']);
const CLOSED_ACTIVITY_STATUSES: ReadonlySet<string> = new Set([
  'completed',
  'cancelled',
  'stopped',
  'entered-in-error',
]);
const OPEN_GOAL_STATUSES: ReadonlySet<string> = new Set([
  'proposed',
  'planned',
  'accepted',
  'active',
  'on-hold',
]);
const OPEN_TASK_STATUSES: ReadonlySet<string> = new Set([
  'draft',
  'requested',
  'received',
  'accepted',
  'ready',
  'in-progress',
  'on-hold',
]);
const RECENT_PROCEDURE_MS = 30 * 24 * 3600 * 1000;

/** A plan item as mapped: an order *not* to do something is said so only by `doNotPerform`. */
type MappedPlanItem = Omit<PlanItem, 'doNotPerform' | 'code'> & {
  readonly doNotPerform?: boolean;
  /** The source's code of what the item is about (its words, when it has none, are null). */
  readonly code?: string | null;
};

function plan(r: Json, items: MappedPlanItem[]): ClinicalRecord | null {
  return items.length > 0
    ? {
        subject: subjectOf(r),
        items: items.map((p) => ({
          item: 'plan',
          ...p,
          code: p.code ?? null,
          doNotPerform: p.doNotPerform ?? false,
        })),
      }
    : null;
}

/** A due time from `scheduled[x]` / `occurrence[x]`-style fields. */
function dueOf(r: Json, prefix: 'scheduled' | 'occurrence'): string | null {
  const timing = obj(r[`${prefix}Timing`]);
  return first(
    str(r[`${prefix}DateTime`]),
    periodOf(r[`${prefix}Period`]).start,
    str(list(timing?.['event'])[0]),
    periodOf(obj(timing?.['repeat'])?.['boundsPeriod']).start,
    str(r[`${prefix}String`]),
  );
}

export function mapCarePlan(r: Json): ClinicalRecord | null {
  if (!OPEN_REQUEST_STATUSES.has(str(r['status']) ?? '')) return null;
  const title = first(
    str(r['title']),
    str(r['description']),
    firstConceptText(r['category']),
    narrativeText(r),
  );
  const items: MappedPlanItem[] = [];
  for (const activity of objects(r['activity'])) {
    const detail = obj(activity['detail']);
    const status = str(detail?.['status']);
    if (status !== null && CLOSED_ACTIVITY_STATUSES.has(status)) continue;
    const what = first(
      conceptText(detail?.['code']),
      str(detail?.['description']),
      str(obj(activity['reference'])?.['display']),
    );
    const code = firstCode(detail?.['code']);
    if (!what && !code) continue;
    const nursing = detail?.['kind'] === 'Task' || hasCoding(detail?.['category'], [], 'nursing');
    items.push({
      kind: nursing ? 'nursing-task' : 'careplan-activity',
      // Stored as a flag, never as words: the display says "do not" in the reader's language.
      text: what,
      code,
      doNotPerform: detail?.['doNotPerform'] === true,
      status,
      due: detail ? dueOf(detail, 'scheduled') : null,
      detail: title,
    });
  }
  if (items.length === 0 && title)
    items.push({
      kind: 'careplan-activity',
      text: title,
      status: str(r['status']),
      due: null,
      detail: null,
    });
  return plan(r, items);
}

export function mapGoal(r: Json): ClinicalRecord | null {
  const status = str(r['lifecycleStatus']);
  const text = first(conceptText(r['description']), narrativeText(r));
  if (!text || (status !== null && !OPEN_GOAL_STATUSES.has(status))) return null;
  return plan(r, [
    {
      kind: 'goal',
      text,
      status,
      due: first(...objects(r['target']).map((t) => str(t['dueDate']))),
      detail: conceptText(r['achievementStatus']),
    },
  ]);
}

export function mapServiceRequest(r: Json): ClinicalRecord | null {
  const what = conceptText(r['code']);
  const code = firstCode(r['code']);
  if ((!what && !code) || !OPEN_REQUEST_STATUSES.has(str(r['status']) ?? '')) return null;
  return plan(r, [
    {
      kind: 'service-request',
      text: what,
      code,
      doNotPerform: r['doNotPerform'] === true,
      status: str(r['status']),
      due: dueOf(r, 'occurrence'),
      detail: first(...objects(r['note']).map((n) => str(n['text'])), str(r['priority'])),
    },
  ]);
}

export function mapTask(r: Json): ClinicalRecord | null {
  const what = first(str(r['description']), conceptText(r['code']));
  const code = firstCode(r['code']);
  if ((!what && !code) || !OPEN_TASK_STATUSES.has(str(r['status']) ?? '')) return null;
  return plan(r, [
    {
      kind: 'nursing-task',
      text: what,
      code,
      status: str(r['status']),
      due: first(
        periodOf(obj(r['restriction'])?.['period']).end,
        periodOf(r['executionPeriod']).start,
      ),
      detail: first(...objects(r['note']).map((n) => str(n['text']))),
    },
  ]);
}

/** Procedures of the last 30 days before T: what was just done matters on the ward. */
export function mapProcedure(
  r: Json,
  asOf: number,
  _tally: ReportTally,
  timeZone: string,
): ClinicalRecord | null {
  const status = str(r['status']);
  if (status === 'entered-in-error' || status === 'not-done') return null;
  const performed = periodOf(r['performedPeriod']);
  const when = first(str(r['performedDateTime']), performed.end, performed.start);
  const t = instantOf(when, 'start', timeZone);
  const what = conceptText(r['code']);
  const code = firstCode(r['code']);
  if ((!what && !code) || t === null || t > asOf || t < asOf - RECENT_PROCEDURE_MS) return null;
  return plan(r, [
    {
      kind: 'procedure',
      text: what,
      code,
      status,
      due: when,
      detail: firstConceptText(r['reasonCode']),
    },
  ]);
}

/** Enteral feeding as one line: formula, then how it runs ("Osmolite 1.2 · 60 mL/h · sonde NG"). */
function enteralText(enteral: Json | null): string | null {
  if (!enteral) return null;
  const administrations = objects(enteral['administration']).map((a) =>
    first(quantityText(a['rateQuantity']), ratioText(a['rateRatio']), quantityText(a['quantity'])),
  );
  const parts = [
    first(str(enteral['baseFormulaProductName']), conceptText(enteral['baseFormulaType'])),
    first(str(enteral['additiveProductName']), conceptText(enteral['additiveType'])),
    ...administrations,
    quantityText(enteral['maxVolumeToDeliver']),
    conceptText(enteral['routeofAdministration']),
  ].filter((p) => p !== null);
  const text = parts.length > 0 ? parts.join(' · ') : null;
  return first(text, str(enteral['administrationInstruction']));
}

function ratioText(value: unknown): string | null {
  const r = obj(value);
  const n = quantityText(r?.['numerator']);
  const d = quantityText(r?.['denominator']);
  return n && d ? `${n}/${d}` : n;
}

/** Supplements as one line each ("Fortimel · 200 mL · 2×"). */
function supplementTexts(r: Json): string[] {
  return objects(r['supplement']).flatMap((s) => {
    const parts = [
      first(str(s['productName']), conceptText(s['type'])),
      quantityText(s['quantity']),
    ].filter((p) => p !== null);
    const text = parts.length > 0 ? parts.join(' · ') : str(s['instruction']);
    return text ? [text] : [];
  });
}

/**
 * A diet order: oral diet, enteral formula (tube feeding is never invisible) and supplements.
 * The stay's diet line joins them; each is also a `diet` plan item with its instructions.
 */
export function mapNutritionOrder(r: Json): ClinicalRecord | null {
  if (!OPEN_REQUEST_STATUSES.has(str(r['status']) ?? '')) return null;
  const oral = obj(r['oralDiet']);
  const parts = [
    ...list(oral?.['type']).map(conceptText),
    ...objects(oral?.['texture']).map((t) => conceptText(t['modifier'])),
    ...list(oral?.['fluidConsistencyType']).map(conceptText),
  ].filter((p) => p !== null);
  const oralText = parts.length > 0 ? parts.join(' · ') : str(oral?.['instruction']);
  const enteral = obj(r['enteralFormula']);
  const lines: { text: string; detail: string | null }[] = [];
  if (oralText) lines.push({ text: oralText, detail: str(oral?.['instruction']) });
  const enteralLine = enteralText(enteral);
  if (enteralLine)
    lines.push({ text: enteralLine, detail: str(enteral?.['administrationInstruction']) });
  for (const text of supplementTexts(r)) lines.push({ text, detail: null });
  if (lines.length === 0) return null;
  const status = str(r['status']);
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'fact',
        fact: 'diet',
        text: lines.map((l) => l.text).join(' + '),
        value: null,
        at: str(r['dateTime']),
      },
      ...lines.map((l): ClinicalItem => ({
        item: 'plan',
        kind: 'diet',
        text: l.text,
        code: null,
        status,
        due: null,
        detail: l.detail,
        doNotPerform: false,
      })),
    ],
  };
}

export function mapFlag(
  r: Json,
  asOf: number,
  tally: ReportTally,
  timeZone: string,
): ClinicalRecord | null {
  const end = instantOf(periodOf(r['period']).end, 'end', timeZone);
  if (r['status'] !== 'active' || (end !== null && end <= asOf)) return null;
  const text = conceptText(r['code']);
  const code = firstCode(r['code']);
  if (!text && !code) return null;
  const at = periodOf(r['period']).start;
  let item: ClinicalItem;
  let dnr: 'coded' | 'text' | null;
  if (
    hasCoding(r['code'], [SYSTEM.ward], LOCAL.isolation) ||
    hasCoding(r['code'], [SYSTEM.snomed], SNOMED_ISOLATION)
  ) {
    // The stay's isolation is one text, where null means none: a coded isolation flag without
    // words keeps its code rather than reading as "no isolation".
    item = { item: 'fact', fact: 'isolation', text: text ?? code, value: null, at };
  } else if ((dnr = dnrEvidence(r['code'])) !== null) {
    item = {
      item: 'code-status',
      explicit: false,
      encounterRef: referenceOf(r['encounter'], 'Encounter'),
      value: 'dnr',
      source: 'flag',
      fromText: dnr === 'text',
      unverified: hasUnknownModifier(r, tally),
      text,
      at,
    };
  } else {
    item = {
      item: 'plan',
      kind: 'flag',
      text,
      code,
      status: 'active',
      due: null,
      detail: firstConceptText(r['category']),
      doNotPerform: false,
    };
  }
  return { subject: subjectOf(r), items: [item] };
}

export function mapConsent(r: Json, _asOf: number, tally: ReportTally): ClinicalRecord | null {
  const dnr = list(r['category']).some((c) =>
    codings(c).some((x) => x.code?.toLowerCase() === 'dnr'),
  );
  if (r['status'] !== 'active' || !dnr) return null;
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'code-status',
        explicit: false,
        // R4 Consent names no encounter.
        encounterRef: null,
        value: 'dnr',
        source: 'consent',
        fromText: false,
        unverified: hasUnknownModifier(r, tally),
        text: firstConceptText(r['category']),
        at: str(r['dateTime']),
      },
    ],
  };
}
