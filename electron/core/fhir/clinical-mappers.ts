/**
 * The clinical resource types the importer keeps and how each becomes its patient's record:
 * one table, read by the importer's thread (collect.ts) and by the reader threads
 * (read-batch.ts) alike.
 */
import type { Json } from './json.ts';
import type { Interner } from './interner.ts';
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
import { mapDeviceUseStatement } from './map-device.ts';
import { mapMedicationAdministration, mapMedicationRequest } from './map-medication.ts';
import { mapObservation } from './map-observation.ts';
import type { ClinicalRecord } from './records.ts';
import { ReferenceIndex } from './references.ts';
import type { ReportTally } from './report.ts';

/** When the importer is reading for: the census instant T and the site's time zone. */
export interface Clock {
  readonly asOf: number;
  readonly timeZone: string;
}

/** What a mapper reads with: the import's clock, tally and string interner. */
export interface Reading {
  readonly clock: Clock;
  readonly tally: ReportTally;
  readonly strings: Interner;
}

/** A clinical resource's record for its patient, or null when it is void (entered in error …). */
export type ClinicalMapper = (r: Json, reading: Reading) => ClinicalRecord | null;

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

export const CLINICAL: ReadonlyMap<string, ClinicalMapper> = new Map<string, ClinicalMapper>(
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

/**
 * The clinical types a reader thread may read: those no other resource references (a
 * reference target is registered with the importer's reference index as it is read).
 */
export const READ_ANYWHERE: ReadonlySet<string> = new Set(
  [...CLINICAL.keys()].filter((type) => !ReferenceIndex.isTarget(type)),
);
