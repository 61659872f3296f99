/**
 * Mappers for the resources other resources point at: Patient, Location, Organization,
 * Practitioner, PractitionerRole, Medication, Encounter.
 */
import { ACT_CODE_SYSTEMS, SYSTEM } from './codes.ts';
import { periodOf } from './dates.ts';
import {
  type Json,
  codings,
  conceptText,
  first,
  firstCode,
  firstConceptText,
  hasCoding,
  humanName,
  list,
  obj,
  objects,
  personName,
  str,
} from './json.ts';
import type {
  EncounterRecord,
  LocationRecord,
  OrganizationRecord,
  PatientRecord,
} from './records.ts';
import { referenceOf } from './references.ts';

/** MRN: the identifier typed `MR`, else the first identifier, else the resource id. */
function medicalRecordNumber(identifiers: readonly Json[], id: string): string {
  const mr = identifiers.find(
    (i) => hasCoding(i['type'], [SYSTEM.v2IdentifierType], 'MR') && str(i['value']),
  );
  return first(str(mr?.['value']), ...identifiers.map((i) => str(i['value']))) ?? id;
}

export function mapPatient(r: Json, id: string): PatientRecord {
  const identifiers = objects(r['identifier']);
  const names = objects(r['name']);
  const n = humanName(names.find((x) => x['use'] === 'official') ?? names[0]);
  // No name at all is stored as null (the display says "no name recorded"), never as ''.
  const family = n?.family || null;
  const given = n?.given || null;
  const name = family
    ? given
      ? `${family.toUpperCase()}, ${given}`
      : family.toUpperCase()
    : given || n?.text || null;
  const communication = objects(r['communication']);
  const spoken = (communication.find((c) => c['preferred'] === true) ?? communication[0])?.[
    'language'
  ];
  // A language coded without words keeps its BCP-47 tag: the display says it in the reader's
  // language (common/language.ts spokenLanguage), so the tag is the source's meaning, not noise.
  const language = first(conceptText(spoken), firstCode(spoken));
  const replaced = objects(r['link']).some((l) => l['type'] === 'replaced-by');
  return {
    id,
    recordStatus: replaced ? 'replaced' : r['active'] === false ? 'inactive' : 'active',
    mrn: medicalRecordNumber(identifiers, id),
    family,
    given,
    name,
    birthDate: str(r['birthDate']),
    sex: str(r['gender']),
    language,
    identifiers: identifiers.flatMap((i) => {
      const value = str(i['value']);
      return value ? [{ system: str(i['system']), value }] : [];
    }),
    contacts: objects(r['contact']).flatMap((c) => {
      const cn = humanName(c['name']);
      const contactName = cn ? [cn.given, cn.family].filter(Boolean).join(' ') || cn.text : null;
      if (!contactName) return [];
      const phone = objects(c['telecom']).find((t) => t['system'] === 'phone');
      return [
        {
          name: contactName,
          relationship: firstConceptText(c['relationship']),
          phone: str(phone?.['value']),
        },
      ];
    }),
  };
}

export function mapLocation(r: Json, id: string): LocationRecord {
  const physical = codings(r['physicalType']).find((c) => c.code !== null);
  return {
    id,
    // A resource id ("ward-namur-3B") is not a name: a nameless ward says the placeholder.
    name: first(str(r['name']), ...list(r['alias']).map(str)),
    physicalType: physical?.code ?? null,
    partOf: referenceOf(r['partOf'], 'Location'),
    managingOrganization: referenceOf(r['managingOrganization'], 'Organization'),
  };
}

export function mapOrganization(r: Json, id: string): OrganizationRecord {
  return { id, name: str(r['name']) };
}

export function mapPractitionerName(r: Json): string | null {
  return personName(r['name']);
}

export function mapPractitionerRole(r: Json): string | null {
  return referenceOf(r['practitioner'], 'Practitioner');
}

export function mapEncounter(r: Json): EncounterRecord {
  // R4 has a single `class` Coding; some exports send R5's list of CodeableConcepts.
  const cls = obj(r['class']) ?? codings(list(r['class'])[0])[0] ?? null;
  const period = periodOf(r['period']);
  return {
    subject: referenceOf(r['subject'], 'Patient') ?? referenceOf(r['patient'], 'Patient'),
    classCode: str(cls?.['code']),
    classSystem: str(cls?.['system']),
    hasHospitalization: obj(r['hospitalization']) !== null,
    status: str(r['status']),
    start: period.start,
    end: period.end,
    locations: objects(r['location']).map((l) => ({
      ref: referenceOf(l['location'], 'Location'),
      display: str(obj(l['location'])?.['display']),
      status: str(l['status']),
      ...periodOf(l['period']),
    })),
    participants: objects(r['participant']).map((p) => ({
      type: first(...list(p['type']).flatMap((t) => codings(t).map((c) => c.code))),
      ref: referenceOf(p['individual'], 'Practitioner'),
      display: str(obj(p['individual'])?.['display']),
    })),
    reason: firstConceptText(r['reasonCode']),
    reasonRef: referenceOf(list(r['reasonReference'])[0], 'Condition'),
    type: firstConceptText(r['type']),
    service: conceptText(r['serviceType']),
    serviceProvider: referenceOf(r['serviceProvider'], 'Organization'),
  };
}

/** Whether the encounter class is v3 ActCode (or has no system, read as ActCode). */
export function isActCodeClass(e: EncounterRecord): boolean {
  return e.classSystem === null || ACT_CODE_SYSTEMS.includes(e.classSystem);
}
