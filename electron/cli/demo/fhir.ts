/**
 * Small builders for the FHIR R4 JSON the demo writes, and the code systems it writes with
 * (standard ones, plus the local ward system of electron/core/fhir/CONVENTIONS.md).
 */

export type Resource = { readonly resourceType: string; readonly id: string } & Record<
  string,
  unknown
>;
export type Emit = (resource: Resource) => void;
export interface Reference {
  readonly reference: string;
}

export const SYSTEMS = {
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRelationship: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  physicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  atc: 'http://www.whocc.no/atc',
  ucum: 'http://unitsofmeasure.org',
  bcp47: 'urn:ietf:bcp:47',
  /** Local codes for ward facts R4 has no home for (CONVENTIONS.md). */
  ward: 'https://downtime-viewer.org/fhir/CodeSystem/ward',
  mrn: 'https://demo.downtime-viewer.org/fhir/NamingSystem/mrn',
} as const;

export const ref = (type: string, id: string): Reference => ({ reference: `${type}/${id}` });

/** An instant as FHIR dateTime, to the second, in UTC. */
export const iso = (ms: number): string =>
  `${new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;

export const concept = (system: string, code: string, display: string, text?: string) =>
  text === undefined
    ? { coding: [{ system, code, display }] }
    : { coding: [{ system, code, display }], text };

export const wardConcept = (code: string, text: string) => ({
  coding: [{ system: SYSTEMS.ward, code }],
  text,
});

export const quantity = (value: number, unit: string, ucum: string) => ({
  value,
  unit,
  system: SYSTEMS.ucum,
  code: ucum,
});
