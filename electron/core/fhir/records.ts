/**
 * The compact records the mappers extract from FHIR resources while reading. They keep only
 * what the export needs, with references still as strings: resolution waits until the whole
 * input is read, because real exports list resources in any order.
 */
import type {
  Administration,
  Allergy,
  AllergyAbsence,
  CodeStatusClaim,
  Contact,
  Device,
  MedicationOrder,
  Note,
  Observation,
  PlanItem,
  Problem,
} from '../model.ts';

export interface PatientRecord {
  readonly id: string;
  readonly mrn: string;
  readonly family: string | null;
  readonly given: string | null;
  /** "FAMILY, Given"; null when the source records no name. */
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly language: string | null;
  readonly identifiers: readonly { system: string | null; value: string }[];
  readonly contacts: readonly Contact[];
  /** `inactive` (active = false) or `replaced` (a `replaced-by` link): not a live record. */
  readonly recordStatus: 'active' | 'inactive' | 'replaced';
}

export interface LocationRecord {
  readonly id: string;
  /** Null when the Location has no name or alias: an id is never shown as a name. */
  readonly name: string | null;
  /** v3 location-physical-type code (`wa`, `ro`, `bd`, `si`, `bu` …), null when absent. */
  readonly physicalType: string | null;
  readonly partOf: string | null;
  readonly managingOrganization: string | null;
}

/** What a Device resource says of itself: its kind and name, and whether it can be read. */
export interface DeviceRecord {
  readonly kind: string | null;
  readonly name: string | null;
  readonly unknownModifier: boolean;
}

export interface OrganizationRecord {
  readonly id: string;
  /** Null when the Organization has no name (the display says "site unknown"). */
  readonly name: string | null;
}

export interface MedicationRecord {
  /** Its code's text or display, else its ingredients with their strengths; null if nothing names it. */
  readonly name: string | null;
  readonly code: string | null;
  /** The drug's amount per volume when the source states both ("4 mg / 50 mL"; concentration.ts). */
  readonly concentration: string | null;
  /** Its codes, names or ingredients are a high-alert medicine's (high-alert.ts). */
  readonly highAlert: boolean;
  /** It carries a modifierExtension we do not understand (modifiers.ts). */
  readonly unknownModifier: boolean;
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
    /** `planned | active | reserved | completed`, null when absent. */
    status: string | null;
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
  | ({ readonly item: 'allergy' } & Allergy)
  | ({ readonly item: 'allergy-absence' } & AllergyAbsence)
  | ({ readonly item: 'problem' } & Problem)
  | ({ readonly item: 'order' } & OrderRecord)
  | ({
      readonly item: 'administration';
      readonly requestRef: string | null;
      readonly medicationRef: string | null;
      readonly performerRef: string | null;
      readonly performerDisplay: string | null;
    } & Omit<Administration, 'orderId' | 'performer'>)
  | ObservationItem
  | ({ readonly item: 'plan' } & PlanItem)
  | ({
      readonly item: 'device';
      /** The Device the statement is about, resolved at write time (contained: read here). */
      readonly deviceRef: string | null;
      readonly deviceDisplay: string | null;
      /** A contained Device, read with its statement. */
      readonly device: DeviceRecord | null;
    } & Omit<Device, 'kind' | 'name'>)
  | ({
      readonly item: 'note';
      readonly authorRef: string | null;
      readonly authorDisplay: string | null;
      /** Null while the text is still in a Binary (`binaryRefs`, read at write time). */
      readonly text: string | null;
      readonly binaryRefs: readonly string[];
      /** Shown when no attachment is text: the title or an attachment's title. */
      readonly fallbackText: string | null;
    } & Omit<Note, 'author' | 'text'>)
  | ({
      readonly item: 'code-status';
      /** Explicit (an Observation of resuscitation status) or a fallback (Consent, Flag, Condition). */
      readonly explicit: boolean;
      /** The stay (`encounter`) it was recorded on, as referenced; null when not given. */
      readonly encounterRef: string | null;
    } & CodeStatusClaim)
  | {
      readonly item: 'fact';
      readonly fact: FactName;
      readonly text: string | null;
      readonly value: number | null;
      readonly at: string | null;
    };

/** A `referenceRange` as read, before the patient's one is chosen. */
export interface ReferenceRange {
  readonly low: number | null;
  readonly high: number | null;
  readonly text: string | null;
  /** `appliesTo` codes (male, female, SNOMED 248153007 …). */
  readonly appliesTo: readonly string[];
  readonly label: string | null;
  readonly ageLowYears: number | null;
  readonly ageHighYears: number | null;
  readonly hasAge: boolean;
}

/** An observation row; `ranges` holds several reference ranges until the patient chooses one. */
export type ObservationItem = { readonly item: 'observation' } & Observation & {
    readonly ranges: readonly ReferenceRange[];
  };

/** A medication order as mapped, before its references are resolved (write-export.ts). */
export interface OrderRecord extends Omit<MedicationOrder, 'id' | 'prescriber'> {
  /**
   * `prn`: the as-needed part of an order that also has scheduled dose lines, written as a row
   * of its own (id `<order id>:prn`) so it is never scheduled; null: the order (or its
   * scheduled part, under the order's own id).
   */
  readonly part: 'prn' | null;
  /** A Medication resource to name the drug (and check it for high alert) at write time. */
  readonly medicationRef: string | null;
  readonly prescriberRef: string | null;
  readonly prescriberDisplay: string | null;
}

export interface ClinicalRecord {
  readonly subject: string | null;
  readonly items: readonly ClinicalItem[];
}
