/**
 * Folding a patient's clinical items into the single facts a stay shows: allergy state, code
 * status, isolation, diet, mobility, fall risk, weight, height and the I-PASS handover.
 */
import type { AllergyState, CodeStatus, Handover, Severity } from '../model.ts';
import { instantOf } from './dates.ts';
import type { ClinicalItem, FactName } from './records.ts';

export interface StayFacts {
  readonly allergyState: AllergyState;
  readonly codeStatus: CodeStatus;
  readonly codeStatusText: string | null;
  readonly isolation: string | null;
  readonly diet: string | null;
  readonly mobility: string | null;
  readonly fallRisk: string | null;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
  readonly handover: Handover | null;
}

type Dated = { readonly at: string | null };

/** The item with the latest `at` (undated items lose to dated ones; ties keep the later in input order). */
function latest<T extends Dated>(items: readonly T[]): T | null {
  let best: T | null = null;
  let bestAt = -Infinity;
  for (const item of items) {
    const at = instantOf(item.at) ?? -Infinity;
    if (best === null || at >= bestAt) {
      best = item;
      bestAt = at;
    }
  }
  return best;
}

type FactItem = Extract<ClinicalItem, { item: 'fact' }>;
type CodeStatusItem = Extract<ClinicalItem, { item: 'code-status' }>;

export function stayFacts(items: readonly ClinicalItem[]): StayFacts {
  const facts = new Map<FactName, FactItem[]>();
  const explicit: CodeStatusItem[] = [];
  const fallback: CodeStatusItem[] = [];
  let allergies = 0;
  let noneKnown = 0;
  for (const item of items) {
    if (item.item === 'fact') {
      const list = facts.get(item.fact);
      if (list) list.push(item);
      else facts.set(item.fact, [item]);
    } else if (item.item === 'code-status') {
      (item.explicit ? explicit : fallback).push(item);
    } else if (item.item === 'allergy') {
      if (item.noneKnown) noneKnown++;
      else allergies++;
    }
  }
  const text = (name: FactName) => latest(facts.get(name) ?? [])?.text ?? null;
  const value = (name: FactName) => latest(facts.get(name) ?? [])?.value ?? null;
  // Code status is never guessed: explicit, else a DNR fallback, else unknown.
  const codeStatus = latest(explicit) ?? latest(fallback);
  return {
    allergyState: allergies > 0 ? 'present' : noneKnown > 0 ? 'none-known' : 'unknown',
    codeStatus: codeStatus?.value ?? 'unknown',
    codeStatusText: codeStatus?.text ?? null,
    isolation: text('isolation'),
    diet: text('diet'),
    mobility: text('mobility'),
    fallRisk: text('fall-risk'),
    weightKg: value('weight'),
    heightCm: value('height'),
    handover: handoverOf(facts),
  };
}

function handoverOf(facts: ReadonlyMap<FactName, FactItem[]>): Handover | null {
  const severity = latest(facts.get('ipass-severity') ?? [])?.text ?? null;
  const summary = latest(facts.get('ipass-summary') ?? [])?.text ?? null;
  const awareness = latest(facts.get('ipass-awareness') ?? [])?.text ?? null;
  // The actions of the latest handover only: yesterday's to-do list is not today's.
  const actions = facts.get('ipass-action') ?? [];
  const lastAt = latest(actions)?.at ?? null;
  const current = actions
    .filter((a) => a.at === lastAt && a.text !== null)
    .map((a) => a.text as string);
  if (severity === null && summary === null && awareness === null && current.length === 0)
    return null;
  return {
    severity: severity as Severity | null,
    summary,
    actions: current,
    situationAwareness: awareness,
  };
}
