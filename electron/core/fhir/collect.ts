/**
 * The first phase of an import: every resource read is mapped at once into a compact record
 * (the parsed JSON is dropped right away) and registered with the reference resolver. What
 * is kept is what the export needs, so memory follows the export, not the input.
 */
import { rejectMalformedFields } from './field-check.ts';
import { type Json, objects, str } from './json.ts';
import { CLINICAL, type Clock, type Reading } from './clinical-mappers.ts';
import { mapDevice } from './map-device.ts';
import {
  mapEncounter,
  mapLocation,
  mapOrganization,
  mapPatient,
  mapPractitionerName,
  mapPractitionerRole,
} from './map-directory.ts';
import { mapMedication } from './map-medication.ts';
import type { ResourceSink } from './read-input.ts';
import type { ReadElsewhere, Reserved } from './reader-pool.ts';
import type {
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

/** Keeps what a directory resource (a reference target: patient, place, person, medication) contributes. */
type Handler = (c: Collected, r: Json, key: string, tally: ReportTally) => void;

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
  /** Resources without id or fullUrl so far, per type: their keys are numbered. */
  private readonly anonymous = new Map<string, number>();
  /** The place in the input of the next resource read (report.ts `position`). */
  private position = 0;
  private readonly reading: Reading;
  /** Lines read on other threads (reader-pool.ts): their places, then their outcomes. */
  readonly remote: NonNullable<ResourceSink['remote']>;

  constructor(clock: Clock, tally: ReportTally) {
    this.reading = { clock, tally, strings: new Interner() };
    this.remote = {
      clock,
      reserve: () => ({ position: this.position++, slot: this.store.reserve() }),
      settle: (at, read) => this.settleRemote(at, read),
    };
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
    const handler = map ? undefined : DIRECTORY.get(type);
    if (!map && !handler) return;
    const { tally } = this.reading;
    tally.position = this.position++;
    rejectMalformedFields(resource, type, tally);
    const key = resourceKey(resource, type, fullUrl) ?? this.anonymousKey(type);
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
      return;
    }
    try {
      handler!(this.gathered, resource, key, tally);
    } catch {
      tally.warn('malformed-resource');
    }
  }

  /**
   * The key of a resource nobody can reference (no id, no fullUrl), numbered in its type: it
   * is still imported, as it may reference others. Per type, so Observations read on other
   * threads (in whatever order their batches return) number none of the others.
   */
  private anonymousKey(type: string): string {
    const n = (this.anonymous.get(type) ?? 0) + 1;
    this.anonymous.set(type, n);
    return `${type}/#${n}`;
  }

  /** A line read on another thread: its outcome at the place reserved for it. */
  private settleRemote(at: Reserved, read: ReadElsewhere | 'vacant'): void {
    if (read === 'vacant') {
      this.store.fill(at.slot, '', null, null, false);
      return;
    }
    const { type, id, outcome } = read;
    this.reading.tally.read(type, true);
    const key = id ? `${type}/${id}` : this.anonymousKey(type);
    // Read elsewhere only when no resource can reference it (clinical-mappers.ts READ_ANYWHERE).
    this.store.fill(at.slot, key, keyHash(type, id, null), outcome, false);
  }
}
