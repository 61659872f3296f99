/**
 * The compact records the mappers extract from FHIR resources while reading. They keep only
 * what the export needs, with references still as strings: resolution waits until the whole
 * input is read, because real exports list resources in any order.
 */
import type {
  Administration,
  Allergy,
  CodeStatus,
  Contact,
  Note,
  Observation,
  PlanItem,
  Problem,
} from '../model.ts';

export interface PatientRecord {
  readonly id: string;
  readonly mrn: string;
  readonly family: string;
  readonly given: string;
  /** "FAMILY, Given". */
  readonly name: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly language: string | null;
  readonly identifiers: readonly { system: string | null; value: string }[];
  readonly contacts: readonly Contact[];
}

export interface LocationRecord {
  readonly id: string;
  readonly name: string;
  /** v3 location-physical-type code (`wa`, `ro`, `bd`, `si`, `bu` …), null when absent. */
  readonly physicalType: string | null;
  readonly partOf: string | null;
  readonly managingOrganization: string | null;
}

export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
}

export interface MedicationRecord {
  readonly name: string | null;
  readonly code: string | null;
}

export interface EncounterRecord {
  readonly subject: string | null;
  readonly classCode: string | null;
  readonly classSystem: string | null;
  readonly hasHospitalization: boolean;
  readonly status: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly locations: readonly {
    ref: string | null;
    display: string | null;
    start: string | null;
    end: string | null;
  }[];
  readonly participants: readonly {
    type: string | null;
    ref: string | null;
    display: string | null;
  }[];
  readonly reason: string | null;
  readonly reasonRef: string | null;
  readonly type: string | null;
  readonly service: string | null;
  readonly serviceProvider: string | null;
}

/** A fact that lands on the stay or the patient rather than in a table of its own. */
export type FactName =
  | 'isolation'
  | 'fall-risk'
  | 'mobility'
  | 'diet'
  | 'weight'
  | 'height'
  | 'ipass-severity'
  | 'ipass-summary'
  | 'ipass-action'
  | 'ipass-awareness';

/** What one clinical resource contributes to its patient's export rows (`item` says which table). */
export type ClinicalItem =
  | ({ readonly item: 'allergy'; readonly noneKnown: boolean } & Allergy)
  | ({ readonly item: 'problem'; readonly dnr: boolean } & Problem)
  | ({ readonly item: 'order' } & OrderRecord)
  | ({
      readonly item: 'administration';
      readonly requestRef: string | null;
      readonly medicationRef: string | null;
      readonly performerRef: string | null;
      readonly performerDisplay: string | null;
    } & Omit<Administration, 'orderId' | 'performer'>)
  | ({ readonly item: 'observation' } & Observation)
  | ({ readonly item: 'plan' } & PlanItem)
  | ({
      readonly item: 'note';
      readonly authorRef: string | null;
      readonly authorDisplay: string | null;
    } & Omit<Note, 'author'>)
  | {
      readonly item: 'code-status';
      /** Explicit (an Observation of resuscitation status) beats a fallback (Consent, Flag, Condition). */
      readonly explicit: boolean;
      readonly value: CodeStatus;
      readonly text: string | null;
      readonly at: string | null;
    }
  | {
      readonly item: 'fact';
      readonly fact: FactName;
      readonly text: string | null;
      readonly value: number | null;
      readonly at: string | null;
    };

export interface OrderRecord {
  readonly drug: string | null;
  readonly medicationRef: string | null;
  readonly code: string | null;
  /** The ATC code, when the drug is coded with one (for the high-alert check). */
  readonly atc: string | null;
  readonly dose: number | null;
  readonly doseUnit: string | null;
  readonly doseText: string | null;
  readonly route: string | null;
  readonly frequency: string | null;
  readonly timing: string | null;
  readonly prn: boolean;
  readonly prnReason: string | null;
  readonly maxDose: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly status: string;
  readonly prescriberRef: string | null;
  readonly prescriberDisplay: string | null;
  readonly instructions: string | null;
  readonly doNotPerform: boolean;
}

export interface ClinicalRecord {
  readonly subject: string | null;
  readonly items: readonly ClinicalItem[];
}
