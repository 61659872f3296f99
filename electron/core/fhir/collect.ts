/**
 * The first phase of an import: every resource read is mapped at once into a compact record
 * (the parsed JSON is dropped right away) and registered with the reference resolver. What
 * is kept is what the export needs, so memory follows the export, not the input.
 */
import { type Json } from './json.ts';
import {
  mapCarePlan,
  mapConsent,
  mapFlag,
  mapGoal,
  mapNutritionOrder,
  mapProcedure,
  mapServiceRequest,
  mapTask,
} from './map-plan.ts';
import { mapAllergy, mapCondition, mapDocumentReference } from './map-clinical.ts';
import {
  mapEncounter,
  mapLocation,
  mapMedication,
  mapOrganization,
  mapPatient,
  mapPractitionerName,
  mapPractitionerRole,
} from './map-directory.ts';
import { mapMedicationAdministration, mapMedicationRequest } from './map-medication.ts';
import { mapObservation } from './map-observation.ts';
import type { ResourceSink } from './read-input.ts';
import type {
  ClinicalRecord,
  EncounterRecord,
  LocationRecord,
  MedicationRecord,
  OrganizationRecord,
  PatientRecord,
} from './records.ts';
import { ReferenceIndex, idOfKey, resourceKey } from './references.ts';
import type { ReportTally } from './report.ts';

export interface Collected {
  readonly index: ReferenceIndex;
  readonly patients: Map<string, PatientRecord>;
  readonly locations: Map<string, LocationRecord>;
  readonly organizations: Map<string, OrganizationRecord>;
  /** Practitioner key → display name. */
  readonly practitioners: Map<string, string | null>;
  /** PractitionerRole key → its practitioner reference. */
  readonly roles: Map<string, string | null>;
  readonly medications: Map<string, MedicationRecord>;
  readonly encounters: Map<string, EncounterRecord>;
  /** Every clinical resource's contribution, by resource key. */
  readonly clinical: Map<string, ClinicalRecord>;
}

type Handler = (c: Collected, r: Json, key: string, asOf: number, tally: ReportTally) => void;

function clinical(
  map: (r: Json, asOf: number, tally: ReportTally) => ClinicalRecord | null,
): Handler {
  return (c, r, key, asOf, tally) => {
    const record = map(r, asOf, tally);
    if (record) c.clinical.set(key, record);
    else c.clinical.delete(key); // a later copy that is void replaces an earlier one
  };
}

/** Resource type → what to keep of it. Types not listed are counted and skipped. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  Patient: (c, r, key) => c.patients.set(key, mapPatient(r, idOfKey(key))),
  Location: (c, r, key) => c.locations.set(key, mapLocation(r, idOfKey(key))),
  Organization: (c, r, key) => c.organizations.set(key, mapOrganization(r, idOfKey(key))),
  Practitioner: (c, r, key) => c.practitioners.set(key, mapPractitionerName(r)),
  PractitionerRole: (c, r, key) => c.roles.set(key, mapPractitionerRole(r)),
  Medication: (c, r, key) => c.medications.set(key, mapMedication(r)),
  Encounter: (c, r, key) => c.encounters.set(key, mapEncounter(r)),
  AllergyIntolerance: clinical(mapAllergy),
  Condition: clinical(mapCondition),
  DocumentReference: clinical(mapDocumentReference),
  MedicationRequest: clinical(mapMedicationRequest),
  MedicationAdministration: clinical(mapMedicationAdministration),
  Observation: clinical((r, _asOf, tally) => mapObservation(r, tally)),
  CarePlan: clinical(mapCarePlan),
  Goal: clinical(mapGoal),
  ServiceRequest: clinical(mapServiceRequest),
  Task: clinical(mapTask),
  Procedure: clinical(mapProcedure),
  NutritionOrder: clinical(mapNutritionOrder),
  Flag: clinical(mapFlag),
  Consent: clinical(mapConsent),
};

export class Collector implements ResourceSink {
  readonly collected: Collected = {
    index: new ReferenceIndex(),
    patients: new Map(),
    locations: new Map(),
    organizations: new Map(),
    practitioners: new Map(),
    roles: new Map(),
    medications: new Map(),
    encounters: new Map(),
    clinical: new Map(),
  };
  private anonymous = 0;
  private readonly asOf: number;
  private readonly tally: ReportTally;

  constructor(asOf: number, tally: ReportTally) {
    this.asOf = asOf;
    this.tally = tally;
  }

  wants(type: string): boolean {
    return Object.hasOwn(HANDLERS, type);
  }

  accept(resource: Json, type: string, fullUrl: string | null): void {
    const handler = HANDLERS[type];
    if (!handler) return;
    // A resource nobody can reference is still imported (it may reference others).
    const key = resourceKey(resource, type, fullUrl) ?? `${type}/#${++this.anonymous}`;
    const fresh = ReferenceIndex.isTarget(type)
      ? this.collected.index.register(key, type, resource, fullUrl)
      : !this.collected.clinical.has(key);
    if (!fresh) this.tally.warn('duplicate-resource');
    try {
      handler(this.collected, resource, key, this.asOf, this.tally);
    } catch {
      // The mappers read defensively; this is the last guard that keeps one odd resource
      // from failing a whole hospital's export.
      this.tally.warn('malformed-resource');
    }
  }
}
