/**
 * Lines, drains and devices in use (issue 13's handover): FHIR R4 `DeviceUseStatement` — the
 * resource that states a patient is using a device — with its `Device`. A Procedure that
 * inserted a line is an event, not a statement that the line is still in: it stays a recent
 * procedure of the plan (CONVENTIONS.md).
 */
import { instantOf, periodOf } from './dates.ts';
import { type Json, conceptText, first, list, obj, objects, str } from './json.ts';
import { hasUnknownModifier, readModifiers } from './modifiers.ts';
import type { ClinicalRecord, DeviceRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';

/** R4 `Device.deviceName.type` preference: the name a user reads first. */
const NAME_TYPES = ['user-friendly-name', 'patient-reported-name', 'manufacturer-name'];

export function mapDevice(r: Json): DeviceRecord {
  const names = objects(r['deviceName']);
  const byType = NAME_TYPES.map((type) => names.find((n) => n['type'] === type));
  return {
    kind: conceptText(r['type']),
    name: first(...[...byType, ...names].map((n) => str(n?.['name']))),
    unknownModifier: readModifiers(r).unknown > 0,
  };
}

export function mapDeviceUseStatement(
  r: Json,
  asOf: number,
  tally: ReportTally,
  timeZone: string,
): ClinicalRecord | null {
  // Only a device in use now: not intended, stopped, completed, on hold or in error.
  if (str(r['status']) !== 'active') return null;
  const period = periodOf(r['timingPeriod']);
  const end = instantOf(period.end, 'end', timeZone);
  if (end !== null && end <= asOf) return null;
  const reference = obj(r['device']);
  const ref = referenceOf(reference, 'Device');
  const contained = ref?.startsWith('#')
    ? objects(r['contained']).find((c) => `#${str(c['id'])}` === ref)
    : undefined;
  const device = contained ? mapDevice(contained) : null;
  const unverified = hasUnknownModifier(r, tally) || device?.unknownModifier === true;
  if (device?.unknownModifier) tally.warn('unknown-modifier');
  const notes = [
    ...list(r['reasonCode']).map(conceptText),
    ...objects(r['note']).map((n) => str(n['text'])),
  ].filter((n) => n !== null);
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'device',
        deviceRef: contained ? null : ref,
        deviceDisplay: str(reference?.['display']),
        device,
        site: conceptText(r['bodySite']),
        placedAt: first(period.start, str(r['timingDateTime'])),
        note: notes.length > 0 ? notes.join(' — ') : null,
        unverified,
      },
    ],
  };
}
