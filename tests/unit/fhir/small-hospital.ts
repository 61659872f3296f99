/**
 * A small hand-made hospital as one FHIR R4 transaction Bundle, for tests that need exact,
 * known content: two wards with rooms and beds, patients with accents, ligatures, apostrophes
 * and hyphens, and the code-status, allergy and order situations the rules distinguish.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ReadonlyDb, openReadonlyDb } from '../../../electron/core/db/open.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir, type ImportReport } from '../../../electron/core/fhir/import.ts';

const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const PHYSICAL = 'http://terminology.hl7.org/CodeSystem/location-physical-type';
const WARD = 'https://downtime-viewer.org/fhir/CodeSystem/ward';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

function location(id: string, name: string, type: string, partOf?: string): Resource {
  return {
    resourceType: 'Location',
    id,
    name,
    physicalType: { coding: [{ system: PHYSICAL, code: type }] },
    ...(partOf ? { partOf: { reference: `Location/${partOf}` } } : {}),
  };
}

export function patient(
  id: string,
  family: string,
  given: string,
  mrn: string,
  birthDate: string,
): Resource {
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      { system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: `NN-${id}` },
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        system: 'urn:demo:mrn',
        value: mrn,
      },
    ],
    name: [{ use: 'official', family, given: given.split(' ') }],
    birthDate,
    gender: 'female',
  };
}

export function stay(
  id: string,
  patientId: string,
  bedId: string,
  start: string,
  end?: string,
): Resource {
  return {
    resourceType: 'Encounter',
    id,
    status: end ? 'finished' : 'in-progress',
    class: { system: ACT, code: 'IMP' },
    subject: { reference: `Patient/${patientId}` },
    period: end ? { start, end } : { start },
    location: [{ location: { reference: `Location/${bedId}` } }],
  };
}

export function condition(
  id: string,
  patientId: string,
  code: { system: string; code: string; display: string },
  clinicalStatus = 'active',
): Resource {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ code: clinicalStatus }] },
    code: { coding: [code] },
    subject: { reference: `Patient/${patientId}` },
  };
}

export const Z66 = { system: ICD10, code: 'Z66', display: 'Do not resuscitate' };

export function codeStatusObservation(
  id: string,
  patientId: string,
  value: string,
  at: string,
): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: SNOMED, code: '304251008', display: 'Resuscitation status' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    valueCodeableConcept: { coding: [{ system: WARD, code: value }] },
  };
}

export function medicationRequest(
  id: string,
  patientId: string,
  drug: string,
  dosage: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: drug },
    subject: { reference: `Patient/${patientId}` },
    dosageInstruction: [dosage],
    ...extra,
  };
}

/**
 * A loading dose then a maintenance dose for Zoë, after the HL7 Belgium medication IG's example
 * `example-02-hukyndra` (github.com/hl7-be/medication, input/fsh/instances; no licence found in
 * the stored copy, so the pattern only, JSON written anew): adalimumab 80 mg in week 1, 40 mg in
 * week 2 — each a `boundsDuration` of one week without a frequency — then 40 mg every 2 weeks,
 * valid from `validity.start` (to `validity.end` when given).
 */
export function adalimumabLoading(validity: { start: string; end?: string }): Resource {
  const week = { value: 1, unit: 'week', system: 'http://unitsofmeasure.org', code: 'wk' };
  const mg = (value: number) => ({
    doseAndRate: [{ doseQuantity: { value, system: 'http://unitsofmeasure.org', code: 'mg' } }],
  });
  return medicationRequest(
    'm-zoe-adalimumab',
    'p-zoe',
    'Hukyndra 40 mg',
    {},
    {
      dosageInstruction: [
        { sequence: 1, timing: { repeat: { boundsDuration: week } }, ...mg(80) },
        { sequence: 2, timing: { repeat: { boundsDuration: week } }, ...mg(40) },
        {
          sequence: 3,
          timing: { repeat: { frequency: 1, period: 2, periodUnit: 'wk' } },
          ...mg(40),
        },
      ],
      dispenseRequest: { validityPeriod: validity },
    },
  );
}

/** The default small hospital; `extra` resources are added to it. */
export function smallHospital(extra: readonly Resource[] = []): Resource[] {
  return [
    { resourceType: 'Organization', id: 'chu', name: 'CHU Démo' },
    {
      ...location('site-nord', 'Site Nord', 'si'),
      managingOrganization: { reference: 'Organization/chu' },
    },
    location('w3b', 'Médecine interne 3B', 'wa', 'site-nord'),
    location('r3b-12', '12', 'ro', 'w3b'),
    location('b3b-12a', '12A', 'bd', 'r3b-12'),
    location('b3b-12b', '12B', 'bd', 'r3b-12'),
    location('r3b-2', '2', 'ro', 'w3b'),
    location('b3b-2a', '2A', 'bd', 'r3b-2'),
    location('w2a', 'Chirurgie 2A', 'wa', 'site-nord'),
    location('b2a-01', '01', 'bd', 'w2a'),
    location('w-geri', 'Gériatrie', 'wa', 'site-nord'),

    patient('p-helene', 'Lefèvre-Dupont', 'Hélène', 'MRN0001', '1950-03-14'),
    stay('e-helene', 'p-helene', 'b3b-12a', '2026-11-20T10:00:00+01:00'),
    condition('c-helene-dnr', 'p-helene', Z66),
    {
      resourceType: 'AllergyIntolerance',
      id: 'a-helene',
      patient: { reference: 'Patient/p-helene' },
      code: { text: 'Pénicilline' },
      criticality: 'high',
      reaction: [{ manifestation: [{ text: 'Urticaire' }], severity: 'moderate' }],
    },
    medicationRequest('m-helene-insulin', 'p-helene', 'Insuline glargine', {
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: 12, unit: 'U' } }],
      route: { text: 'SC' },
    }),
    medicationRequest('m-helene-prn', 'p-helene', 'Paracétamol', {
      asNeededCodeableConcept: { text: 'douleur' },
      doseAndRate: [{ doseQuantity: { value: 1, unit: 'g' } }],
      maxDosePerPeriod: {
        numerator: { value: 4, unit: 'g' },
        denominator: { value: 1, unit: 'd' },
      },
    }),
    medicationRequest('m-helene-no-timing', 'p-helene', 'Furosémide', {
      doseAndRate: [{ doseQuantity: { value: 40, unit: 'mg' } }],
    }),

    patient('p-oeuvrard', 'Œuvrard', 'Jean', 'MRN0002', '1941-07-02'),
    stay('e-oeuvrard', 'p-oeuvrard', 'b3b-2a', '2026-11-25T08:00:00+01:00'),
    {
      resourceType: 'AllergyIntolerance',
      id: 'a-oeuvrard-nka',
      patient: { reference: 'Patient/p-oeuvrard' },
      code: { coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }] },
    },

    patient('p-prudhomme', "Prud'homme", 'Marie', 'MRN0003', '1988-12-01'),
    stay('e-prudhomme', 'p-prudhomme', 'b2a-01', '2026-11-27T14:00:00+01:00'),

    patient('p-vandenbroeck', 'Van den Broeck', 'Jan', 'MRN0004', '1975-05-05'),
    stay(
      'e-vandenbroeck',
      'p-vandenbroeck',
      'b2a-01',
      '2026-10-01T09:00:00+02:00',
      '2026-10-09T11:00:00+02:00',
    ),

    patient('p-zoe', "D'Hondt", 'Zoë', 'MRN0005', '2001-01-31'),
    stay('e-zoe', 'p-zoe', 'b3b-12b', '2026-11-21T10:00:00+01:00'),
    ...extra,
  ];
}

export const AS_OF = new Date('2026-11-28T07:00:00Z');

/** Writes resources as a transaction Bundle in a fresh temp folder; returns the file and a cleanup. */
export function writeBundle(resources: readonly Resource[]): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-fhir-'));
  const file = path.join(dir, 'bundle.json');
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  };
  fs.writeFileSync(file, JSON.stringify(bundle));
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Imports the small hospital plus `extra` at T (default AS_OF) through a Bundle file; the
 * returned `close` closes the database and removes the file.
 */
export async function importSmallHospital(
  extra: readonly Resource[] = [],
  options: { asOf?: Date; wards?: string[]; timeZone?: string; base?: readonly Resource[] } = {},
): Promise<{ db: Database.Database; report: ImportReport; close: () => void }> {
  const { file, cleanup } = writeBundle([...(options.base ?? smallHospital()), ...extra]);
  try {
    const { db, report } = await importFhir([file], {
      asOf: options.asOf ?? AS_OF,
      ...(options.wards ? { wards: options.wards } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    return {
      db,
      report,
      close: () => {
        db.close();
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}

export type { Resource };

/** The imported database as the viewer opens it (read-only image), for the named queries. */
export function asReadonly(db: Database.Database): ReadonlyDb {
  return openReadonlyDb(toSqliteImage(db));
}
