/**
 * Mappers for MedicationRequest, Medication and MedicationAdministration: what the EHR meant,
 * or plainly that we cannot tell.
 * - State from `status` (and known modifiers): only `active` is ever scheduled (model.ts
 *   OrderState); stopped/completed/cancelled orders are kept for 72 h after they ended.
 * - Every `dosageInstruction` is a dose line; several that cannot be combined flag the order.
 * - The drug's name from every place the source may put it; high-alert from every coding and name.
 */
import type { RouteTerm } from '../../common/route.ts';
import {
  type DoseLine,
  NO_DOSE,
  type NotInterpretable,
  type OrderDoseLine,
  type OrderState,
} from '../model.ts';
import { describeTiming } from '../schedule/describe.ts';
import { timingEnds, timingGivesTimes } from '../schedule/timing.ts';
import { concentrationOf, ingredientFacts } from './concentration.ts';
import { instantOf } from './dates.ts';
import { isHighAlert } from './high-alert.ts';
import {
  type Coding,
  codings,
  conceptText,
  firstCode,
  first,
  hasCoding,
  type Json,
  list,
  num,
  obj,
  objects,
  quantity,
  quantityText,
  str,
  ratioText,
} from './json.ts';
import { hasUnknownModifier, type ModifierReading, readModifiers } from './modifiers.ts';
import { routeTermOf } from './route-codes.ts';
import type { ClinicalRecord, MedicationRecord, OrderRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';

const ORDER_INTENTS: ReadonlySet<string> = new Set([
  'order',
  'plan',
  'original-order',
  'instance-order',
  'reflex-order',
  'filler-order',
]);

/** How long a stopped, completed or cancelled order stays on the chart after it ended. */
const RECENTLY_STOPPED_MS = 72 * 3600 * 1000;

const ENDED_STATUSES: ReadonlySet<string> = new Set(['stopped', 'completed', 'cancelled']);

/** The statuses of a prescription in course, which its period can end. */
const COURSE_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold']);

/** FHIR status → the ward's state, for the statuses that are not over. */
const LIVE_STATES: Readonly<Record<string, OrderState>> = {
  active: 'active',
  'on-hold': 'held',
  draft: 'draft',
  unknown: 'status-unknown',
};

/**
 * Dispense requests of national medication-process profiles (NL MP9 "verstrekkingsverzoek",
 * SNOMED 52711000146108): a request to the pharmacy for a drug already ordered, not an order.
 */
const DISPENSE_CATEGORY_CODES: ReadonlySet<string> = new Set(['52711000146108']);
const DISPENSE_CATEGORY_TEXT = /dispens|verstrek|délivrance|abgabe/i;

// ─── Drug names and high-alert evidence ─────────────────────────────────────────────────────

function rangeText(value: unknown): string | null {
  const r = obj(value);
  const low = quantity(r?.['low']);
  const high = quantity(r?.['high']);
  if (low?.value == null && high?.value == null) return null;
  const unit = high?.unit ?? low?.unit;
  return `${low?.value ?? '?'}–${high?.value ?? '?'}${unit ? ` ${unit}` : ''}`;
}

/**
 * What names a drug in a concept: its text, else any coding's display — never a bare code,
 * which no nurse can read (the code is kept in its own column).
 */
/** What a Medication resource says: its name, codes, ingredients and their strengths. */
export function mapMedication(r: Json): MedicationRecord {
  const code = r['code'];
  const ingredients = objects(r['ingredient']).map((i) => {
    const item = obj(i['itemCodeableConcept']) ?? obj(i['itemReference']);
    const name = first(conceptText(item), str(item?.['display']));
    return {
      ...ingredientFacts(i, name),
      codings: codings(item),
      strengthText: ratioText(i['strength']),
    };
  });
  const named = ingredients.filter((i) => i.name !== null);
  const ingredientText =
    named.length === 0
      ? null
      : named.map((i) => (i.strengthText ? `${i.name} ${i.strengthText}` : i.name)).join(' + ');
  const allCodings = [...codings(code), ...ingredients.flatMap((i) => i.codings)];
  return {
    name: first(conceptText(code), ingredientText),
    code: codings(code)[0]?.code ?? null,
    concentration: concentrationOf(ingredients, r['amount']),
    highAlert: isHighAlert({
      names: [conceptText(code), ...ingredients.map((i) => i.name)],
      codings: allCodings,
    }),
    unknownModifier: readModifiers(r).unknown > 0,
  };
}

interface DrugOf {
  readonly name: string | null;
  readonly code: string | null;
  readonly codings: readonly Coding[];
  /** A reference to a Medication resolved at write time (contained ones are read here). */
  readonly ref: string | null;
  readonly medication: MedicationRecord | null;
}

/**
 * The drug of a request or administration: `medicationCodeableConcept` (text, else any coding's
 * display), or a contained Medication, or the reference's display with the Medication to
 * resolve later.
 */
function drugOf(r: Json): DrugOf {
  const concept = r['medicationCodeableConcept'];
  if (obj(concept))
    return {
      name: conceptText(concept),
      code: codings(concept)[0]?.code ?? null,
      codings: codings(concept),
      ref: null,
      medication: null,
    };
  const reference = obj(r['medicationReference']);
  const ref = referenceOf(reference, 'Medication');
  const display = str(reference?.['display']);
  if (ref?.startsWith('#')) {
    const contained = objects(r['contained']).find((c) => `#${str(c['id'])}` === ref);
    const medication = contained ? mapMedication(contained) : null;
    return {
      name: first(display, medication?.name),
      code: medication?.code ?? null,
      codings: [],
      ref: null,
      medication,
    };
  }
  return { name: display, code: null, codings: [], ref, medication: null };
}

// ─── Dose lines ─────────────────────────────────────────────────────────────────────────────

/** `Dosage.sequence` is an integer; anything else says nothing about order. */
const integerOrNull = (n: number | null): number | null => (Number.isInteger(n) ? n : null);

/** Of `doseAndRate` entries, the one typed "ordered" when there are several, else the first. */
function preferOrdered(entries: readonly Json[]): Json | undefined {
  return entries.find((e) => hasCoding(e['type'], [], 'ordered')) ?? entries[0];
}

function doseLineOf(d: Json): OrderDoseLine {
  const entries = objects(d['doseAndRate']);
  const doseEntry = preferOrdered(
    entries.filter((e) => obj(e['doseQuantity']) ?? obj(e['doseRange'])),
  );
  const rateEntry = preferOrdered(
    entries.filter((e) => obj(e['rateQuantity']) ?? obj(e['rateRange']) ?? obj(e['rateRatio'])),
  );
  const dose = quantity(doseEntry?.['doseQuantity']);
  const rate = quantity(rateEntry?.['rateQuantity']);
  const rateText = first(rangeText(rateEntry?.['rateRange']), ratioText(rateEntry?.['rateRatio']));
  const timing = obj(d['timing']);
  const asNeededConcept = obj(d['asNeededCodeableConcept']);
  const hasRate = rate?.value != null || rateText !== null;
  return {
    sequence: integerOrNull(num(d['sequence'])),
    text: first(str(d['text']), str(d['patientInstruction'])),
    dose: dose?.value ?? null,
    doseUnit: dose?.value == null ? null : dose.unit,
    doseText: rangeText(doseEntry?.['doseRange']),
    rate: rate?.value ?? null,
    rateUnit: rate?.value == null ? null : rate.unit,
    rateText,
    // A rate with no dose times is a continuous infusion; with times, an intermittent one.
    continuous: hasRate && !timingGivesTimes(timing),
    route: conceptText(d['route']),
    routeTerm: routeTermOf(d['route']),
    // Kept beside the words, said only when the source coded the route without any.
    routeCode: firstCode(d['route']),
    frequency: describeTiming(timing),
    timing: timing ? JSON.stringify(timing) : null,
    prn: d['asNeededBoolean'] === true || asNeededConcept !== null,
    prnReason: conceptText(asNeededConcept),
    prnReasonCode: firstCode(asNeededConcept),
    maxDose: first(
      ...objects(d['maxDosePerPeriod']).map(ratioText),
      ratioText(d['maxDosePerPeriod']),
      quantityText(d['maxDosePerAdministration']),
    ),
  };
}

/** Distinct non-null values, joined: an order's summary of its lines. */
function joined(values: readonly (string | null)[], separator: string): string | null {
  const distinct = [...new Set(values.filter((v) => v !== null))];
  return distinct.length > 0 ? distinct.join(separator) : null;
}

/** The one term every line names, else null. */
function sameTerm(terms: readonly (RouteTerm | null)[]): RouteTerm | null {
  const [term = null] = terms;
  return terms.every((other) => other === term) ? term : null;
}

function lineDoseText(l: DoseLine): string | null {
  if (l.dose !== null) return l.doseUnit ? `${l.dose} ${l.doseUnit}` : String(l.dose);
  return l.doseText;
}

/** The order's own dose fields when it has several lines: "several", every value kept. */
function summaryOf(lines: readonly OrderDoseLine[]): DoseLine {
  return {
    ...NO_DOSE,
    doseText: joined(lines.map(lineDoseText), ' / '),
    rateText: joined(
      lines.map((l) => (l.rate !== null ? `${l.rate} ${l.rateUnit ?? ''}`.trim() : l.rateText)),
      ' / ',
    ),
    continuous: lines.every((l) => l.continuous),
    route: joined(
      lines.map((l) => l.route),
      ', ',
    ),
    // One coded route for every line is the order's; lines of different coded routes leave
    // each line to say its own (the order's own route is then only what the source wrote).
    routeTerm: sameTerm(lines.map((l) => l.routeTerm)),
    routeCode: joined(
      lines.map((l) => (l.route === null ? l.routeCode : null)),
      ', ',
    ),
    frequency: joined(
      lines.map((l) => l.frequency),
      ' / ',
    ),
    prn: lines.every((l) => l.prn),
    prnReason: joined(
      lines.map((l) => l.prnReason),
      ', ',
    ),
    prnReasonCode: joined(
      lines.map((l) => (l.prnReason === null ? l.prnReasonCode : null)),
      ', ',
    ),
    maxDose: joined(
      lines.map((l) => l.maxDose),
      '; ',
    ),
  };
}

/**
 * Whether several dose lines combine into one computable schedule (dosageInstruction.sequence,
 * R4: equal numbers are concurrent, increasing ones follow each other):
 * - all without a sequence, or all the same: concurrent lines, each on its own schedule;
 * - distinct sequences: taper steps, each step but the last must say when it ends;
 * - PRN and scheduled lines mixed, or sequences given for some lines only: not computable
 *   (concurrent PRN and scheduled lines are split into two orders before: `partsOf`).
 */
function combinable(lines: readonly OrderDoseLine[]): boolean {
  if (new Set(lines.map((l) => l.prn)).size > 1) return false;
  const sequences = [...new Set(lines.map((l) => l.sequence))];
  if (sequences.length === 1) return true;
  if (sequences.includes(null)) return false;
  const last = Math.max(...(sequences as number[]));
  return lines.every((l) => l.sequence === last || timingEnds(l.timing));
}

/**
 * The parts an order is written as: one, or — when concurrent lines (no sequence, or all the
 * same) mix scheduled and as-needed doses ("1 g 4×/day, plus 1 g if fever") — its scheduled
 * lines and its PRN lines, each an order row of its own, so the PRN part is never scheduled.
 * PRN lines inside a taper (distinct sequences) stay one order: not computable.
 */
interface OrderPart {
  readonly part: 'prn' | null;
  readonly instructions: readonly Json[];
  readonly lines: readonly OrderDoseLine[];
}

function partsOf(instructions: readonly Json[], lines: readonly OrderDoseLine[]): OrderPart[] {
  const whole = [{ part: null, instructions, lines }];
  const concurrent = new Set(lines.map((l) => l.sequence)).size === 1;
  if (!concurrent || new Set(lines.map((l) => l.prn)).size === 1) return whole;
  const pick = (prn: boolean) => {
    const at = lines.flatMap((l, i) => (l.prn === prn ? [i] : []));
    return { instructions: at.map((i) => instructions[i]!), lines: at.map((i) => lines[i]!) };
  };
  return [
    { part: null, ...pick(false) },
    { part: 'prn', ...pick(true) },
  ];
}

// ─── State ──────────────────────────────────────────────────────────────────────────────────

/** A national profile's period of use (NL zib `Medication-PeriodOfUse` and the like). */
function periodExtension(r: Json): { start: string | null; end: string | null } {
  for (const e of objects(r['extension'])) {
    const url = str(e['url']) ?? '';
    const period = obj(e['valuePeriod']);
    if (period && /period/i.test(url))
      return { start: str(period['start']), end: str(period['end']) };
  }
  return { start: null, end: null };
}

/** The earliest of several FHIR end dates (each read as the end of its span), as given. */
function earliestEnd(ends: readonly (string | null)[], timeZone: string): string | null {
  let best: string | null = null;
  let bestMs = Infinity;
  for (const end of ends) {
    const ms = instantOf(end, 'end', timeZone);
    if (end !== null && ms !== null && ms < bestMs) [best, bestMs] = [end, ms];
  }
  return best;
}

/**
 * The order's state, or null when it is not for the chart (entered in error; ended more than
 * 72 h before the data's instant, or at a time the source does not give).
 */
function stateOf(
  status: string | null,
  modifiers: ModifierReading,
  end: string | null,
  clock: { readonly asOf: number; readonly timeZone: string },
): { state: OrderState; status: string } | null {
  const { asOf } = clock;
  if (status === 'entered-in-error') return null;
  const effects = new Set(modifiers.effects);
  const effective = effects.has('stop') ? 'stopped' : effects.has('pause') ? 'on-hold' : status;
  if (modifiers.unknown > 0) return { state: 'not-interpretable', status: status ?? 'unknown' };
  if (effective !== null && ENDED_STATUSES.has(effective)) {
    const endMs = instantOf(end, 'end', clock.timeZone);
    if (endMs === null) return null;
    const stoppedAt = Math.min(endMs, asOf);
    return stoppedAt >= asOf - RECENTLY_STOPPED_MS
      ? { state: 'recently-stopped', status: effective }
      : null;
  }
  // A course whose period is over has ended whatever its status still says (an order left
  // `active` after its validity or bounds end): stopped at its end, never an order to give.
  if (effective !== null && COURSE_STATUSES.has(effective)) {
    const endMs = instantOf(end, 'end', clock.timeZone);
    if (endMs !== null && endMs <= asOf) {
      return endMs >= asOf - RECENTLY_STOPPED_MS
        ? { state: 'recently-stopped', status: effective }
        : null;
    }
  }
  // A status outside R4's list (or none) is not a status we can act on: verify.
  const state = (effective !== null && LIVE_STATES[effective]) || 'status-unknown';
  return { state, status: effective ?? 'unknown' };
}

function isDispenseOnly(r: Json, instructions: readonly Json[]): boolean {
  if (instructions.length > 0) return false;
  return list(r['category']).some(
    (c) =>
      codings(c).some((x) => x.code !== null && DISPENSE_CATEGORY_CODES.has(x.code)) ||
      DISPENSE_CATEGORY_TEXT.test(conceptText(c) ?? ''),
  );
}

export function mapMedicationRequest(
  r: Json,
  asOf: number,
  tally: ReportTally,
  timeZone: string,
): ClinicalRecord | null {
  const intent = str(r['intent']);
  if (intent !== null && !ORDER_INTENTS.has(intent)) return null;
  const instructions = objects(r['dosageInstruction']);
  if (isDispenseOnly(r, instructions)) return null;

  const modifiers = readModifiers(r);
  const drug = drugOf(r);
  const unknownModifier = modifiers.unknown > 0 || drug.medication?.unknownModifier === true;
  if (unknownModifier) tally.warn('unknown-modifier');
  const request: RequestFacts = {
    drug,
    modifiers: unknownModifier
      ? { ...modifiers, unknown: Math.max(1, modifiers.unknown) }
      : modifiers,
    unknownModifier,
    clock: { asOf, timeZone },
    // Every text the source gives, on every part: each line's (its text, else its patient
    // instruction), the patient instructions beside a text, additional instructions, notes.
    instructions: instructionsOf(r, instructions),
  };
  const orders = partsOf(instructions, instructions.map(doseLineOf)).flatMap((part) => {
    const order = partOrder(r, part, request);
    return order === null ? [] : [{ item: 'order' as const, ...order }];
  });
  return orders.length === 0 ? null : { subject: subjectOf(r), items: orders };
}

/** What every part of one MedicationRequest shares. */
interface RequestFacts {
  readonly drug: ReturnType<typeof drugOf>;
  readonly modifiers: ModifierReading;
  readonly unknownModifier: boolean;
  readonly clock: { readonly asOf: number; readonly timeZone: string };
  readonly instructions: string | null;
}

function instructionsOf(r: Json, instructions: readonly Json[]): string | null {
  const texts = [
    ...instructions.map((d) => first(str(d['text']), str(d['patientInstruction']))),
    ...instructions.map((d) => (str(d['text']) !== null ? str(d['patientInstruction']) : null)),
    ...instructions.flatMap((d) => list(d['additionalInstruction']).map(conceptText)),
    ...objects(r['note']).map((n) => str(n['text'])),
  ].filter((x) => x !== null);
  return texts.length > 0 ? texts.join(' — ') : null;
}

/** One order row: the whole request, or one part of it (`partsOf`), in its state. */
function partOrder(
  r: Json,
  { part, instructions, lines }: OrderPart,
  request: RequestFacts,
): OrderRecord | null {
  const { drug, modifiers, unknownModifier } = request;
  const firstRepeat = obj(obj(obj(instructions[0])?.['timing'])?.['repeat']);
  const bounds = lines.length === 1 ? obj(firstRepeat?.['boundsPeriod']) : null;
  const validity = obj(obj(r['dispenseRequest'])?.['validityPeriod']);
  const national = periodExtension(r);
  const end = earliestEnd(
    [str(bounds?.['end']), str(validity?.['end']), national.end],
    request.clock.timeZone,
  );
  const state = stateOf(str(r['status']), modifiers, end, request.clock);
  if (state === null) return null;

  const severalInstructions = lines.length > 1 && !combinable(lines);
  const notInterpretable: NotInterpretable | null = unknownModifier
    ? 'unknown-modifier'
    : severalInstructions
      ? 'several-instructions'
      : null;
  const own: DoseLine =
    lines.length === 0 ? NO_DOSE : lines.length === 1 ? lines[0]! : summaryOf(lines);
  const requester = obj(r['requester']);
  return {
    ...own,
    part,
    drug: drug.name,
    medicationRef: drug.ref,
    code: drug.code,
    state:
      notInterpretable !== null && state.state === 'active' ? 'not-interpretable' : state.state,
    status: state.status,
    statusReason: first(
      ...list(r['statusReason']).map(conceptText),
      conceptText(r['statusReason']),
    ),
    notInterpretable,
    doNotPerform: r['doNotPerform'] === true || modifiers.effects.includes('do-not-perform'),
    concentration: drug.medication?.concentration ?? null,
    doseLines: lines.length > 1 ? [...lines] : [],
    start: first(
      str(bounds?.['start']),
      str(validity?.['start']),
      national.start,
      str(r['authoredOn']),
    ),
    end,
    prescriberRef: referenceOf(requester, 'Practitioner'),
    prescriberDisplay: str(requester?.['display']),
    instructions: request.instructions,
    highAlert:
      drug.medication?.highAlert === true ||
      isHighAlert({ names: [drug.name], codings: drug.codings }),
  };
}

export function mapMedicationAdministration(
  r: Json,
  _asOf: number,
  tally: ReportTally,
): ClinicalRecord | null {
  const given = str(r['status']);
  if (given === 'entered-in-error') return null;
  // A modifier we cannot read may mean "not given": never count it as a dose given.
  const status = hasUnknownModifier(r, tally) ? 'unknown' : given;
  const drug = drugOf(r);
  const dosage = obj(r['dosage']);
  const performer = obj(objects(r['performer'])[0]?.['actor']);
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'administration',
        requestRef: referenceOf(r['request'], 'MedicationRequest'),
        drug: drug.name,
        medicationRef: drug.ref,
        dose: quantityText(dosage?.['dose']) ?? str(dosage?.['text']),
        route: conceptText(dosage?.['route']),
        routeTerm: routeTermOf(dosage?.['route']),
        routeCode: firstCode(dosage?.['route']),
        at: first(str(r['effectiveDateTime']), str(obj(r['effectivePeriod'])?.['start'])),
        status: status ?? 'unknown',
        performerRef: referenceOf(performer, 'Practitioner'),
        performerDisplay: str(performer?.['display']),
        note: first(
          ...objects(r['note']).map((n) => str(n['text'])),
          ...list(r['statusReason']).map(conceptText),
        ),
      },
    ],
  };
}
