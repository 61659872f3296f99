/**
 * Folding a patient's clinical items into the single facts a stay shows: allergy state, code
 * status, isolation, diet, mobility, fall risk, weight, height and the I-PASS handover.
 */
import type { AllergyState, CodeStatus, CodeStatusClaim, Handover, Severity } from '../model.ts';
import { instantOf } from './dates.ts';
import type { ClinicalItem, FactName } from './records.ts';

export interface StayFacts {
  readonly allergyState: AllergyState;
  readonly codeStatus: CodeStatus;
  readonly codeStatusText: string | null;
  readonly codeStatusFromText: boolean;
  readonly codeStatusClaims: readonly CodeStatusClaim[];
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
function latest<T extends Dated>(items: readonly T[], timeZone: string): T | null {
  // One item is the latest whatever its date: most facts come once a stay, and reading the
  // instant (regex, time zone) of each was a tenth of the write phase's JS at 3,000 patients.
  if (items.length < 2) return items[0] ?? null;
  // Items of one instant (a handover's actions): the later in input order, as below.
  const first = items[0]!.at;
  if (items.every((item) => item.at === first)) return items[items.length - 1]!;
  let best: T | null = null;
  let bestAt = -Infinity;
  for (const item of items) {
    const at = instantOf(item.at, 'start', timeZone) ?? -Infinity;
    if (best === null || at >= bestAt) {
      best = item;
      bestAt = at;
    }
  }
  return best;
}

type FactItem = Extract<ClinicalItem, { item: 'fact' }>;
type CodeStatusItem = Extract<ClinicalItem, { item: 'code-status' }>;

/**
 * Which stay a code-status claim was recorded on: the key of its encounter, null when the claim
 * names none (or one the input does not hold).
 */
export type StayOfClaim = (encounterRef: string | null) => string | null;

/** Where the claims are: the current stay's encounter key (null: not admitted) and the resolver. */
export interface ClaimStays {
  readonly current: string | null;
  readonly stayOf: StayOfClaim;
}

const NO_STAYS: ClaimStays = { current: null, stayOf: () => null };

export function stayFacts(
  items: readonly ClinicalItem[],
  timeZone: string,
  stays: ClaimStays = NO_STAYS,
): StayFacts {
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
      // A refuted allergy is shown as refuted, and is no allergy.
      if (item.verification !== 'refuted') allergies++;
    } else if (item.item === 'allergy-absence') {
      if (item.category === 'all') noneKnown++;
    }
  }
  const text = (name: FactName) => latest(facts.get(name) ?? [], timeZone)?.text ?? null;
  const value = (name: FactName) => latest(facts.get(name) ?? [], timeZone)?.value ?? null;
  const code = codeStatusOf(explicit, fallback, timeZone, stays);
  return {
    allergyState: allergies > 0 ? 'present' : noneKnown > 0 ? 'none-known' : 'unknown',
    ...code,
    isolation: text('isolation'),
    diet: text('diet'),
    mobility: text('mobility'),
    fallRisk: text('fall-risk'),
    weightKg: value('weight'),
    heightCm: value('height'),
    handover: handoverOf(facts, timeZone),
  };
}

/** Statuses that agree with "do not resuscitate". */
const DNR_COMPATIBLE: ReadonlySet<CodeStatus> = new Set(['dnr', 'dnr-dni', 'comfort-care']);

const claimOf = ({
  item: _item,
  explicit: _explicit,
  encounterRef: _encounterRef,
  ...claim
}: CodeStatusItem): CodeStatusClaim => claim;

/**
 * Code status is never guessed. The latest explicit status stands unless something disagrees
 * with it: another explicit status of the same instant, or a DNR fallback (Condition, Flag,
 * Consent) that is newer than it or undated, whatever stay it was recorded on — then it is
 * `conflicting`, with every claim. A status reassessed on the current stay stands over older
 * ones of earlier stays; but when the latest was recorded on another stay than the current one,
 * an explicit status of yet another stay that says otherwise is a conflict too: no stay's
 * decision is this one's, and none is picked silently. No explicit status: a DNR fallback
 * (flagged when only a text says so), else unknown.
 */
function codeStatusOf(
  explicit: readonly CodeStatusItem[],
  fallback: readonly CodeStatusItem[],
  timeZone: string,
  stays: ClaimStays,
): Pick<StayFacts, 'codeStatus' | 'codeStatusText' | 'codeStatusFromText' | 'codeStatusClaims'> {
  const chosen = latest(explicit, timeZone);
  if (chosen === null) {
    const dnr = latest(fallback, timeZone);
    return {
      codeStatus: dnr?.value ?? 'unknown',
      codeStatusText: dnr?.text ?? null,
      // Only when no coded source says so does the status rest on a text.
      codeStatusFromText: dnr !== null && fallback.every((f) => f.fromText),
      codeStatusClaims: dnr?.unverified ? [claimOf(dnr)] : [],
    };
  }
  const disagreeing = disagreeingWith(chosen, explicit, fallback, timeZone, stays);
  if (disagreeing.length === 0) {
    return {
      codeStatus: chosen.value,
      codeStatusText: chosen.text,
      codeStatusFromText: false,
      // An unverified status is shown with its claim, so the display can say so.
      codeStatusClaims: chosen.unverified ? [claimOf(chosen)] : [],
    };
  }
  return {
    codeStatus: 'conflicting',
    codeStatusText: null,
    codeStatusFromText: false,
    codeStatusClaims: [chosen, ...disagreeing].map(claimOf),
  };
}

/** The claims that disagree with the chosen explicit status (codeStatusOf says which). */
function disagreeingWith(
  chosen: CodeStatusItem,
  explicit: readonly CodeStatusItem[],
  fallback: readonly CodeStatusItem[],
  timeZone: string,
  stays: ClaimStays,
): CodeStatusItem[] {
  const weighsFallbacks = !DNR_COMPATIBLE.has(chosen.value) && fallback.length > 0;
  // The one claim there is: no instant or stay to read (most patients: a tenth of the write
  // phase's JS went to reading instants at 3,000 patients).
  if (explicit.length === 1 && !weighsFallbacks) return [];
  const at = (x: CodeStatusItem) => instantOf(x.at, 'start', timeZone);
  const chosenAt = at(chosen);
  const stayOf = (x: CodeStatusItem) => stays.stayOf(x.encounterRef);
  const chosenStay = stayOf(chosen);
  const fromOtherStay = chosenStay !== null && chosenStay !== stays.current;
  return [
    ...explicit.filter(
      (x) =>
        x !== chosen &&
        x.value !== chosen.value &&
        (at(x) === chosenAt || (fromOtherStay && stayOf(x) !== null && stayOf(x) !== chosenStay)),
    ),
    ...(weighsFallbacks
      ? fallback.filter((f) => {
          const fAt = at(f);
          return fAt === null || chosenAt === null || fAt > chosenAt;
        })
      : []),
  ];
}

function handoverOf(facts: ReadonlyMap<FactName, FactItem[]>, timeZone: string): Handover | null {
  const severity = latest(facts.get('ipass-severity') ?? [], timeZone)?.text ?? null;
  const summary = latest(facts.get('ipass-summary') ?? [], timeZone)?.text ?? null;
  const awareness = latest(facts.get('ipass-awareness') ?? [], timeZone)?.text ?? null;
  // The actions of the latest handover only: yesterday's to-do list is not today's.
  const actions = facts.get('ipass-action') ?? [];
  const lastAt = latest(actions, timeZone)?.at ?? null;
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
