/**
 * The first phase of an import: every resource read is mapped at once into a compact record
 * (the parsed JSON is dropped right away) and registered with the reference resolver. What
 * is kept is what the export needs, so memory follows the export, not the input.
 */
import { rejectMalformedFields } from './field-check.ts';
import { type Json, objects, str } from './json.ts';
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
import { mapDevice, mapDeviceUseStatement } from './map-device.ts';
import {
  mapEncounter,
  mapLocation,
  mapOrganization,
  mapPatient,
  mapPractitionerName,
  mapPractitionerRole,
} from './map-directory.ts';
import {
  mapMedication,
  mapMedicationAdministration,
  mapMedicationRequest,
} from './map-medication.ts';
import { mapObservation } from './map-observation.ts';
import type { ResourceSink } from './read-input.ts';
import type {
  ClinicalRecord,
  DeviceRecord,
  EncounterRecord,
  LocationRecord,
  MedicationRecord,
  OrganizationRecord,
  PatientRecord,
} from './records.ts';
import { ReferenceIndex, idOfKey, resourceKey } from './references.ts';
import {
  type ClinicalOutcome,
  type ClinicalRecords,
  ClinicalStore,
  UNCHANGED,
  keyHash,
} from './clinical-store.ts';
import type { ReportTally } from './report.ts';
import { decodedText } from './text-content.ts';
import { Interner } from './interner.ts';

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
  readonly devices: Map<string, DeviceRecord>;
  readonly encounters: Map<string, EncounterRecord>;
  /** Every clinical resource's contribution, in input order, by resource key. */
  readonly clinical: ClinicalRecords;
  /** Binary key → its content as text (only text types are kept: notes point at them). */
  readonly binaries: Map<string, string>;
}

/** When the importer is reading for: the census instant T and the site's time zone. */
export interface Clock {
  readonly asOf: number;
  readonly timeZone: string;
}

/** What a handler reads with: the import's clock, tally and string interner. */
interface Reading {
  readonly clock: Clock;
  readonly tally: ReportTally;
  readonly strings: Interner;
}

/**
 * Keeps what a directory resource contributes (a reference target: a patient, place, person,
 * medication …).
 */
type Handler = (c: Collected, r: Json, key: string, tally: ReportTally) => void;

/** A clinical resource's record for its patient, or null when it is void (entered in error …). */
type ClinicalMapper = (r: Json, reading: Reading) => ClinicalRecord | null;

/** A reference to a contained resource (`#id`) made global: the container's key + `#id`. */
function localRef(ref: string | null, containerKey: string): string | null {
  return ref !== null && ref.startsWith('#') ? `${containerKey}${ref}` : ref;
}

/** A Location whose contained-resource references (`partOf: #ward`) point into its container. */
function locationIn(r: Json, key: string, containerKey: string) {
  const loc = mapLocation(r, idOfKey(key));
  return { ...loc, partOf: localRef(loc.partOf, containerKey) };
}

/** The Locations contained in a resource, registered under `container#id`. */
function collectContainedLocations(c: Collected, r: Json, containerKey: string): void {
  for (const inner of objects(r['contained'])) {
    const id = str(inner['id']);
    if (inner['resourceType'] !== 'Location' || id === null) continue;
    const key = `${containerKey}#${id}`;
    c.index.registerLocal(key);
    c.locations.set(key, locationIn(inner, key, containerKey));
  }
}

/**
 * Resource type → what to keep of it; types in neither table are counted and skipped. Maps,
 * not objects: every line asks with a type string fresh from the input, and a property lookup
 * by a string not yet internalized costs a string-table probe (0.6 s over 30,000 patients).
 */
const DIRECTORY: ReadonlyMap<string, Handler> = new Map<string, Handler>(
  Object.entries({
    Patient: (c, r, key) => {
      c.patients.set(key, mapPatient(r, idOfKey(key)));
    },
    Location: (c, r, key) => {
      collectContainedLocations(c, r, key);
      c.locations.set(key, locationIn(r, key, key));
    },
    Organization: (c, r, key) => {
      c.organizations.set(key, mapOrganization(r, idOfKey(key)));
    },
    Practitioner: (c, r, key) => {
      c.practitioners.set(key, mapPractitionerName(r));
    },
    PractitionerRole: (c, r, key) => {
      c.roles.set(key, mapPractitionerRole(r));
    },
    Medication: (c, r, key, tally) => {
      const medication = mapMedication(r);
      if (medication.unknownModifier) tally.warn('unknown-modifier');
      c.medications.set(key, medication);
    },
    Device: (c, r, key, tally) => {
      const device = mapDevice(r);
      if (device.unknownModifier) tally.warn('unknown-modifier');
      c.devices.set(key, device);
    },
    Encounter: (c, r, key) => {
      collectContainedLocations(c, r, key);
      const e = mapEncounter(r);
      c.encounters.set(key, {
        ...e,
        locations: e.locations.map((l) => ({ ...l, ref: localRef(l.ref, key) })),
      });
    },
    Binary: (c, r, key) => {
      const text = decodedText(str(r['contentType']), str(r['data']));
      if (text !== null) c.binaries.set(key, text);
    },
  } satisfies Record<string, Handler>),
);

/** The clinical mappers' common arguments, from what the import reads with. */
function clinical(
  map: (
    r: Json,
    asOf: number,
    tally: ReportTally,
    timeZone: string,
    strings: Interner,
  ) => ClinicalRecord | null,
): ClinicalMapper {
  return (r, { clock, tally, strings }) => map(r, clock.asOf, tally, clock.timeZone, strings);
}

const CLINICAL: ReadonlyMap<string, ClinicalMapper> = new Map<string, ClinicalMapper>(
  Object.entries({
    AllergyIntolerance: clinical(mapAllergy),
    Condition: clinical(mapCondition),
    DocumentReference: clinical(mapDocumentReference),
    MedicationRequest: clinical(mapMedicationRequest),
    MedicationAdministration: clinical(mapMedicationAdministration),
    Observation: (r, { tally, strings }) => mapObservation(r, tally, strings),
    CarePlan: clinical(mapCarePlan),
    Goal: clinical(mapGoal),
    ServiceRequest: clinical(mapServiceRequest),
    Task: clinical(mapTask),
    Procedure: clinical(mapProcedure),
    NutritionOrder: clinical(mapNutritionOrder),
    Flag: clinical(mapFlag),
    Consent: clinical(mapConsent),
    DeviceUseStatement: clinical(mapDeviceUseStatement),
  } satisfies Record<string, ClinicalMapper>),
);

export class Collector implements ResourceSink {
  private readonly store = new ClinicalStore();
  private readonly gathered: Collected = {
    index: new ReferenceIndex(),
    patients: new Map(),
    locations: new Map(),
    organizations: new Map(),
    practitioners: new Map(),
    roles: new Map(),
    medications: new Map(),
    devices: new Map(),
    encounters: new Map(),
    clinical: this.store,
    binaries: new Map(),
  };
  private anonymous = 0;
  private readonly reading: Reading;

  constructor(clock: Clock, tally: ReportTally) {
    this.reading = { clock, tally, strings: new Interner() };
  }

  /** What was read; reading ends with the first call (later copies of a key are settled). */
  get collected(): Collected {
    this.store.seal(this.reading.tally);
    return this.gathered;
  }

  wants(type: string): boolean {
    return CLINICAL.has(type) || DIRECTORY.has(type);
  }

  accept(resource: Json, type: string, fullUrl: string | null): void {
    const map = CLINICAL.get(type);
    const handler = DIRECTORY.get(type);
    if (!map && !handler) return;
    const { tally } = this.reading;
    rejectMalformedFields(resource, type, tally);
    // A resource nobody can reference is still imported (it may reference others).
    const key = resourceKey(resource, type, fullUrl) ?? `${type}/#${++this.anonymous}`;
    const target = ReferenceIndex.isTarget(type);
    if (target && !this.gathered.index.register(key, type, resource, fullUrl))
      tally.warn('duplicate-resource');
    // The mappers read defensively; the catches are the last guard that keeps one odd
    // resource from failing a whole hospital's export.
    if (map) {
      let outcome: ClinicalOutcome;
      try {
        outcome = map(resource, this.reading);
      } catch {
        outcome = UNCHANGED;
        tally.warn('malformed-resource');
      }
      this.store.add(key, keyHash(type, str(resource['id']), fullUrl), outcome, target);
    } else if (handler) {
      try {
        handler(this.gathered, resource, key, tally);
      } catch {
        tally.warn('malformed-resource');
      }
    }
  }
}
