/**
 * Patients and identifiers (issue 11): inactive or replaced records are not live patients; an
 * MRN two patients share is warned at export and a scan of it lists both, never one silently.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  findPatientByMrn,
  findPatientsByMrn,
  searchPatients,
} from '../../../electron/core/db/queries.ts';
import { type Resource, asReadonly, importSmallHospital, patient, stay } from './small-hospital.ts';

const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[]) {
  const imported = await importSmallHospital(extra);
  closes.push(imported.close);
  return { ...imported, ro: asReadonly(imported.db) };
}

describe('records that are not live patients', () => {
  it('does not find an inactive patient by name, MRN or scan', async () => {
    const { ro, db } = await load([
      { ...patient('p-old', 'Oudeman', 'Olaf', '7000001', '1930-01-01'), active: false },
    ]);
    expect(searchPatients(ro, 'oudeman')).toEqual([]);
    expect(searchPatients(ro, '7000001')).toEqual([]);
    expect(findPatientsByMrn(ro, '7000001')).toEqual([]);
    expect(db.prepare("SELECT record_status FROM patients WHERE id = 'p-old'").pluck().get()).toBe(
      'inactive',
    );
  });

  it('finds the surviving record, not the one replaced by it', async () => {
    const { ro } = await load([
      {
        ...patient('p-dup', 'Janssens', 'Jan', '7000002', '1950-01-01'),
        link: [{ other: { reference: 'Patient/p-keep' }, type: 'replaced-by' }],
      },
      patient('p-keep', 'Janssens', 'Jan', '7000003', '1950-01-01'),
      stay('e-keep', 'p-keep', 'b2a-01', '2026-11-27T08:00:00+01:00'),
    ]);
    expect(searchPatients(ro, 'janssens').map((h) => h.patientId)).toEqual(['p-keep']);
    expect(findPatientByMrn(ro, '7000002')).toBeNull();
  });
});

describe('an MRN shared by two patients', () => {
  const twins: Resource[] = [
    patient('p-a', 'Claes', 'Anna', 'MRN0002', '1980-01-01'),
    stay('e-a', 'p-a', 'b3b-12b', '2026-11-27T08:00:00+01:00'),
  ];

  it('is warned at export', async () => {
    const { report } = await load(twins);
    expect(report.warnings['duplicate-mrn']).toBe(1);
  });

  it('lists every match on a scan, and is never resolved to one of them', async () => {
    const { ro } = await load(twins);
    expect(
      findPatientsByMrn(ro, 'MRN0002')
        .map((h) => h.patientId)
        .sort(),
    ).toEqual(['p-a', 'p-oeuvrard']);
    expect(findPatientByMrn(ro, 'MRN0002')).toBeNull();
    expect(findPatientByMrn(ro, 'MRN0001')?.patientId).toBe('p-helene');
  });
});
