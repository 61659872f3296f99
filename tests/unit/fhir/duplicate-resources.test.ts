/**
 * A resource listed twice (same type and id) is counted once as a duplicate, and its later copy
 * is the one kept — a later void copy (entered in error) removes it.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importSmallHospital, patient, type Resource } from './small-hospital.ts';

function heartRate(value: number, extra: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Observation',
    id: 'o-hr',
    status: 'final',
    subject: { reference: 'Patient/p-zoe' },
    effectiveDateTime: '2026-11-27T06:00:00+01:00',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    valueQuantity: { value, unit: '/min' },
    ...extra,
  } as Resource;
}

const heartRates = (db: Database.Database) =>
  db.prepare("SELECT value FROM observations WHERE code = '8867-4'").pluck().all();

async function load(extra: readonly Resource[]) {
  const { db, report, close } = await importSmallHospital(extra);
  try {
    return { values: heartRates(db), duplicates: report.warnings['duplicate-resource'] };
  } finally {
    close();
  }
}

describe('a resource listed twice', () => {
  it('once: no duplicate', async () => {
    expect(await load([heartRate(72)])).toEqual({ values: [72], duplicates: 0 });
  });

  it('keeps the later copy of a clinical resource and counts one duplicate', async () => {
    expect(await load([heartRate(72), heartRate(80)])).toEqual({ values: [80], duplicates: 1 });
  });

  it('drops it when the later copy is void, and counts one duplicate', async () => {
    const voided = heartRate(72, { status: 'entered-in-error' });
    expect(await load([heartRate(72), voided])).toEqual({ values: [], duplicates: 1 });
  });

  it('counts no duplicate when a void copy comes first and the valid one after', async () => {
    const voided = heartRate(72, { status: 'entered-in-error' });
    expect(await load([voided, heartRate(80)])).toEqual({ values: [80], duplicates: 0 });
  });

  it('counts a referenced resource (a Patient) listed twice', async () => {
    const again = patient('p-zoe', 'Zoe', 'Ann', 'MRN-9', '1950-01-01');
    expect((await load([heartRate(72), again])).duplicates).toBe(1);
  });
});
