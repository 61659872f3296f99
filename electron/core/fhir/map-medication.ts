/** Mappers for MedicationRequest and MedicationAdministration. */
import {
  codings,
  conceptText,
  first,
  type Json,
  list,
  obj,
  objects,
  quantity,
  quantityText,
  str,
} from './json.ts';
import type { ClinicalRecord, OrderRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import { describeTiming } from '../schedule/describe.ts';

const ORDER_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold', 'draft']);
const ORDER_INTENTS: ReadonlySet<string> = new Set([
  'order',
  'plan',
  'original-order',
  'instance-order',
  'reflex-order',
  'filler-order',
]);

/** The ATC code among a concept's codings (how European formularies code drugs), if any. */
function atcOf(concept: unknown): string | null {
  return codings(concept).find((c) => /atc/i.test(c.system ?? ''))?.code ?? null;
}

interface MedicationRef {
  readonly drug: string | null;
  readonly code: string | null;
  readonly atc: string | null;
  readonly ref: string | null;
}

/** The drug of a request or administration: a concept, a contained Medication, or a reference to resolve later. */
function medicationOf(r: Json): MedicationRef {
  const concept = r['medicationCodeableConcept'];
  if (obj(concept))
    return {
      drug: conceptText(concept),
      code: codings(concept)[0]?.code ?? null,
      atc: atcOf(concept),
      ref: null,
    };
  const reference = obj(r['medicationReference']);
  const ref = referenceOf(reference, 'Medication');
  if (ref?.startsWith('#')) {
    const contained = objects(r['contained']).find((c) => `#${str(c['id'])}` === ref);
    if (contained)
      return {
        drug: conceptText(contained['code']),
        code: codings(contained['code'])[0]?.code ?? null,
        atc: atcOf(contained['code']),
        ref: null,
      };
  }
  return {
    drug: str(reference?.['display']),
    code: null,
    atc: null,
    ref: ref?.startsWith('#') ? null : ref,
  };
}

function ratioText(value: unknown): string | null {
  const r = obj(value);
  if (!r) return null;
  const numerator = quantityText(r['numerator']);
  const denominator = quantityText(r['denominator']);
  return numerator && denominator ? `${numerator} / ${denominator}` : numerator;
}

function rangeText(value: unknown): string | null {
  const r = obj(value);
  const low = quantity(r?.['low']);
  const high = quantity(r?.['high']);
  if (low?.value == null && high?.value == null) return null;
  return `${low?.value ?? '?'}–${high?.value ?? '?'}${(high?.unit ?? low?.unit) ? ` ${high?.unit ?? low?.unit}` : ''}`;
}

export function mapMedicationRequest(r: Json): ClinicalRecord | null {
  const status = str(r['status']);
  const intent = str(r['intent']);
  if (
    status === null ||
    !ORDER_STATUSES.has(status) ||
    (intent !== null && !ORDER_INTENTS.has(intent))
  )
    return null;
  const medication = medicationOf(r);
  const dosage = objects(r['dosageInstruction'])[0] ?? {};
  const doseAndRate = objects(dosage['doseAndRate'])[0];
  const dose = quantity(doseAndRate?.['doseQuantity']);
  const timing = obj(dosage['timing']);
  const bounds = obj(obj(timing?.['repeat'])?.['boundsPeriod']);
  const validity = obj(obj(r['dispenseRequest'])?.['validityPeriod']);
  const asNeededConcept = obj(dosage['asNeededCodeableConcept']);
  const requester = obj(r['requester']);
  const instructions = [
    str(dosage['text']),
    str(dosage['patientInstruction']),
    ...objects(r['note']).map((n) => str(n['text'])),
  ]
    .filter((x) => x !== null)
    .join(' — ');
  const order: OrderRecord = {
    drug: medication.drug,
    medicationRef: medication.ref,
    code: medication.code,
    atc: medication.atc,
    dose: dose?.value ?? null,
    doseUnit: dose?.value == null ? null : dose.unit,
    doseText: rangeText(doseAndRate?.['doseRange']),
    route: conceptText(dosage['route']),
    frequency: describeTiming(timing),
    timing: timing ? JSON.stringify(timing) : null,
    prn: dosage['asNeededBoolean'] === true || asNeededConcept !== null,
    prnReason: conceptText(asNeededConcept),
    maxDose: first(
      ...objects(dosage['maxDosePerPeriod']).map(ratioText),
      ratioText(dosage['maxDosePerPeriod']),
      quantityText(dosage['maxDosePerAdministration']),
    ),
    start: first(str(bounds?.['start']), str(validity?.['start']), str(r['authoredOn'])),
    end: first(str(bounds?.['end']), str(validity?.['end'])),
    status,
    prescriberRef: referenceOf(requester, 'Practitioner'),
    prescriberDisplay: str(requester?.['display']),
    instructions: instructions || null,
    doNotPerform: r['doNotPerform'] === true,
  };
  return { subject: subjectOf(r), items: [{ item: 'order', ...order }] };
}

export function mapMedicationAdministration(r: Json): ClinicalRecord | null {
  const status = str(r['status']);
  if (status === 'entered-in-error') return null;
  const medication = medicationOf(r);
  const dosage = obj(r['dosage']);
  const performer = obj(objects(r['performer'])[0]?.['actor']);
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'administration',
        requestRef: referenceOf(r['request'], 'MedicationRequest'),
        drug: medication.drug ?? '',
        medicationRef: medication.ref,
        dose: quantityText(dosage?.['dose']) ?? str(dosage?.['text']),
        route: conceptText(dosage?.['route']),
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
