/**
 * A fleet plan's exports are written from one read of the input, sharing what no ward scope
 * changes (the hospital as locator rows is written once); each must equal, row for row and
 * report for report, the export written on its own for the same options.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import type { WritableDb } from '../../../electron/core/db/handle.ts';
import {
  type FhirInput,
  type WriteImportOptions,
  planWriter,
  readFhir,
  writeImport,
} from '../../../electron/core/fhir/import.ts';
import { AS_OF, type Resource, smallHospital, writeBundle } from '../fhir/small-hospital.ts';

/** Per table (the search index included): its row count and a digest of its rows with their rowids. */
function rowsOf(db: WritableDb): Record<string, string> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'patient_search_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const digest = createHash('sha256');
      let rows = 0;
      for (const row of db.prepare(`SELECT rowid, * FROM "${table}"`).raw().iterate()) {
        digest.update(JSON.stringify(row));
        rows++;
      }
      return [table, `${rows} rows ${digest.digest('hex').slice(0, 16)}`];
    }),
  );
}

/** Each entry written through one plan writer, in order, against `writeImport` alone. */
function expectPlanEqualsOneByOne(input: FhirInput, entries: readonly WriteImportOptions[]): void {
  const writer = planWriter(input);
  try {
    for (const options of entries) {
      const alone = writeImport(input, options);
      const planned = writer.write(options);
      try {
        expect(rowsOf(planned.db), JSON.stringify(options)).toEqual(rowsOf(alone.db));
        expect(planned.report, JSON.stringify(options)).toEqual(alone.report);
      } finally {
        alone.db.close();
        planned.db.close();
      }
    }
  } finally {
    writer.close();
  }
}

/** References the importer cannot resolve, in and out of ward 3B: each counted in a report. */
const LOOSE_ENDS: Resource[] = [
  {
    resourceType: 'Encounter',
    id: 'e-loose',
    status: 'in-progress',
    class: { code: 'IMP' },
    subject: { reference: 'Patient/p-loose' },
    period: { start: '2026-11-26T09:00:00+01:00' },
    location: [{ location: { reference: 'Location/b2a-01' } }],
    participant: [{ individual: { reference: 'Practitioner/nobody' } }],
    reasonReference: [{ reference: 'Condition/nothing' }],
  },
  {
    resourceType: 'Patient',
    id: 'p-loose',
    identifier: [{ value: 'MRN-L' }],
    name: [{ family: 'Loose' }],
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'ma-helene',
    status: 'completed',
    subject: { reference: 'Patient/p-helene' },
    medicationCodeableConcept: { text: 'Paracétamol' },
    effectiveDateTime: '2026-11-27T08:00:00+01:00',
    request: { reference: 'MedicationRequest/gone' },
    performer: [{ actor: { reference: 'Practitioner/nobody' } }],
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'a-stray',
    patient: { reference: 'Patient/no-such-patient' },
    code: { text: 'Latex' },
  },
];

describe('a fleet plan’s exports', () => {
  let cleanup = (): void => {};
  let small: FhirInput;
  beforeAll(async () => {
    const bundle = writeBundle([...smallHospital(), ...LOOSE_ENDS]);
    cleanup = bundle.cleanup;
    small = await readFhir([bundle.file], { asOf: AS_OF });
  });
  afterAll(() => cleanup());

  it('each equal the export written alone, whole or scoped, in any order', () => {
    expectPlanEqualsOneByOne(small, [
      { wards: ['w3b'], demo: true },
      { wards: ['Chirurgie 2A', 'w-geri'] },
      {},
      { wards: ['w3b'], site: { id: 'chu-nord', name: 'CHU Nord' } },
      { wards: [] },
    ]);
  });

  it('count what the input leaves unresolved in every report, as written alone', () => {
    const writer = planWriter(small);
    try {
      const scoped = writer.write({ wards: ['w2a'] });
      scoped.db.close();
      // The encounter's practitioner and reason and the stray allergy's patient, in any scope.
      expect(scoped.report.warnings['unresolved-reference']).toBeGreaterThanOrEqual(3);
      const whole = writer.write({});
      whole.db.close();
      // Ward 3B's administration adds its order and performer.
      expect(whole.report.warnings['unresolved-reference']).toBe(
        scoped.report.warnings['unresolved-reference'] + 2,
      );
    } finally {
      writer.close();
    }
  });

  it('refuse a ward the input does not have as the export alone does', () => {
    const writer = planWriter(small);
    try {
      expect(() => writeImport(small, { wards: ['w9z'] })).toThrow(/--wards: no ward "w9z"/);
      expect(() => writer.write({ wards: ['w9z'] })).toThrow(/--wards: no ward "w9z"/);
      // And the next entry is still written.
      const next = writer.write({ wards: ['w3b'] });
      next.db.close();
      expect(next.report.census).toBeGreaterThan(0);
    } finally {
      writer.close();
    }
  });

  describe('of a demo hospital', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'fleet-'));
    let demo: FhirInput;
    let wardIds: string[];
    beforeAll(async () => {
      await generateDemoHospital({ patients: 300, seed: 5, asOf: AS_OF, outDir: scratch });
      demo = await readFhir([scratch], { asOf: AS_OF });
      const { db } = writeImport(demo, {});
      wardIds = db.prepare('SELECT id FROM wards ORDER BY id').pluck().all() as string[];
      db.close();
    }, 60_000);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('each equal the export written alone, a ward, several, or every ward named', () => {
      expect(wardIds.length).toBeGreaterThan(3);
      // Every ward named: more patients in full than a batch of rows, each over its locator row.
      expectPlanEqualsOneByOne(demo, [
        { wards: [wardIds[0] ?? ''], demo: true },
        { wards: wardIds.slice(1, 4), demo: true },
        { wards: wardIds, demo: true },
        { demo: true },
      ]);
    }, 60_000);
  });
});
