/**
 * The importer on the public fixtures in ../shared/fixtures/fhir, as they are: counts,
 * census at chosen instants, the three reference styles, partial dates, doNotPerform.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFhir, type ImportReport } from '../../../electron/core/fhir/import.ts';

const FIXTURES = path.resolve('../shared/fixtures/fhir');
const BULK = path.join(FIXTURES, 'bulk-ndjson-synthea3');
const SYNTHEA = path.join(FIXTURES, 'bundles-synthea2019');
const INFERNO = path.join(FIXTURES, 'inferno-uscore');

async function imported(
  input: string,
  asOf: string,
): Promise<{ db: Database.Database; report: ImportReport }> {
  return importFhir([input], { asOf: new Date(asOf) });
}

const count = (db: Database.Database, table: string, where = '1'): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

const censusNames = (db: Database.Database): string[] =>
  db
    .prepare('SELECT p.name FROM stays s JOIN patients p ON p.id = s.patient_id ORDER BY p.name')
    .pluck()
    .all() as string[];

describe('the whole fixture folder', () => {
  let db: Database.Database;
  let report: ImportReport;
  beforeAll(async () => ({ db, report } = await imported(FIXTURES, '2026-11-28T08:00:00Z')));
  afterAll(() => db.close());

  it('exports every input patient, admitted or not', () => {
    expect(report.patients).toBe(10);
    expect(count(db, 'patients')).toBe(10);
  });

  it('keeps every allergy and observation of the README totals', () => {
    expect(report.resourcesRead['AllergyIntolerance']).toBe(32);
    expect(count(db, 'allergies')).toBe(32);
    expect(report.resourcesRead['Observation']).toBe(307);
    expect(report.resourcesRead['MedicationRequest']).toBe(193);
  });

  it('stores no bare code as a name: the Inferno results coded LOINC 75773-2 and 45473-6 without words have name NULL and keep their code', () => {
    expect(
      db
        .prepare('SELECT DISTINCT code FROM observations WHERE name IS NULL ORDER BY code')
        .pluck()
        .all(),
    ).toEqual(['45473-6', '75773-2']);
    for (const [table, column] of [
      ['observations', 'name'],
      ['problems', 'text'],
      ['allergies', 'substance'],
      ['plan_items', 'text'],
    ] as const)
      expect(count(db, table, `${column} = code`), table).toBe(0);
  });

  it('counts non-clinical resources as read and skips them', () => {
    expect(report.resourcesRead['Claim']).toBe(54);
    expect(report.resourcesRead['ExplanationOfBenefit']).toBe(43);
    expect(report.skippedTypes).toEqual(
      expect.arrayContaining(['Claim', 'ExplanationOfBenefit', 'Immunization']),
    );
    expect(report.skippedTypes).not.toContain('Observation');
  });

  it('has nobody in the census today: the in-progress Inferno stay ended in 2015', () => {
    expect(censusNames(db)).toEqual([]);
  });
});

describe('bulk NDJSON (Synthea 3: plain and conditional references)', () => {
  it('imports the 4 patients with their allergies, active orders and current notes', async () => {
    const { db, report } = await imported(BULK, '2026-11-28T08:00:00Z');
    expect(count(db, 'patients')).toBe(4);
    expect(count(db, 'allergies')).toBe(11);
    expect(count(db, 'problems')).toBe(150);
    // Only active, on-hold or draft orders are orders to give; Synthea stops most of them.
    expect(count(db, 'medication_orders')).toBe(8);
    expect(count(db, 'notes')).toBe(4);
    expect(count(db, 'stays')).toBe(0);
    expect(report.warnings['unresolved-reference']).toBe(0);
    db.close();
  });

  it('places the skilled-nursing stay of 2018 through conditional Location and Practitioner references', async () => {
    const { db } = await imported(BULK, '2018-10-20T12:00:00Z');
    const row = db
      .prepare(
        'SELECT p.name, w.name AS ward, s.attending, s.code_status AS codeStatus FROM stays s JOIN patients p ON p.id = s.patient_id JOIN wards w ON w.id = s.ward_id',
      )
      .all();
    expect(row).toEqual([
      {
        name: 'JOHNSON679, Elisa944 Donetta1',
        ward: 'RECOVER-CARE EMPORIA LLC',
        attending: 'Crissy767 Wilkinson796',
        codeStatus: 'unknown',
      },
    ]);
    db.close();
  });

  it('counts a stay as current from its start up to, not including, its end', async () => {
    // Encounter 8dee71b9: 2022-11-10T16:28:15-05:00 → 2022-11-11T16:28:15-05:00.
    for (const [t, expected] of [
      ['2022-11-10T16:28:14-05:00', 0],
      ['2022-11-10T16:28:15-05:00', 1],
      ['2022-11-11T16:28:14-05:00', 1],
      ['2022-11-11T16:28:15-05:00', 0],
    ] as const) {
      const { db } = await imported(BULK, t);
      expect(count(db, 'stays'), t).toBe(expected);
      db.close();
    }
  });
});

describe('transaction Bundles (Synthea 2019: urn:uuid references, no Encounter.location)', () => {
  it('imports 3 patients and splits panel components into observation rows', async () => {
    const { db, report } = await imported(SYNTHEA, '2026-11-28T08:00:00Z');
    expect(count(db, 'patients')).toBe(3);
    expect(count(db, 'allergies')).toBe(0);
    expect(report.resourcesRead['Observation']).toBe(208);
    expect(count(db, 'observations')).toBe(226);
    expect(count(db, 'observations', "category = 'vital-signs'")).toBeGreaterThan(0);
    expect(count(db, 'medication_orders')).toBe(1);
    db.close();
  });

  it('puts a stay without location on the unassigned ward (no name stored) of its serviceProvider, attending via urn:uuid', async () => {
    const { db } = await imported(SYNTHEA, '2017-03-29T12:00:00Z');
    const rows = db
      .prepare(
        `SELECT p.name, w.name AS ward, si.name AS site, s.attending FROM stays s JOIN patients p ON p.id = s.patient_id
         JOIN wards w ON w.id = s.ward_id JOIN sites si ON si.id = w.site_id`,
      )
      .all() as {
      name: string;
      ward: string | null;
      site: string | null;
      attending: string | null;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toMatch(/^KOEPP/);
    expect(rows[0]?.ward).toBeNull();
    expect(rows[0]?.site).not.toBeNull();
    expect(rows[0]?.attending).not.toBeNull();
    db.close();
  });
});

describe('Inferno US Core (relative references, in-progress stay, partial dates, doNotPerform)', () => {
  let db: Database.Database;
  let report: ImportReport;
  beforeAll(async () => ({ db, report } = await imported(INFERNO, '2015-02-15T15:00:00+01:00')));
  afterAll(() => db.close());

  it('is not current before it starts, in progress or not', async () => {
    const before = await imported(INFERNO, '2015-02-15T14:00:00+01:00');
    expect(before.report.census).toBe(0);
    before.db.close();
  });

  it('has the in-progress stay in the census while it runs, on its ward with its PPRF attending', () => {
    const stay = db
      .prepare('SELECT s.*, w.name AS ward FROM stays s JOIN wards w ON w.id = s.ward_id')
      .all();
    expect(stay).toMatchObject([
      {
        patient_id: 'usqualitycore-patient',
        ward: 'South Wing, second floor',
        attending: 'Adam Careful',
        code_status: 'unknown',
      },
    ]);
    expect(report.census).toBe(1);
  });

  it('exports 3 patients and 21 allergies', () => {
    expect(count(db, 'patients')).toBe(3);
    expect(count(db, 'allergies')).toBe(21);
  });

  it('keeps partial dates as given', () => {
    const order = db
      .prepare(
        "SELECT start, end FROM medication_orders WHERE id = 'usqualitycore-medicationrequest'",
      )
      .get();
    expect(order).toEqual({ start: '2014', end: '2015' });
  });

  it('keeps a doNotPerform order as an order flagged not to give, with no English written into the data', () => {
    const order = db
      .prepare(
        "SELECT drug, do_not_perform AS doNotPerform FROM medication_orders WHERE id = 'usqualitycore-medicationnotrequested'",
      )
      .get();
    expect(order).toEqual({
      drug: 'Not Done Value Set: Low Dose Unfractionated Heparin for VTE Prophylaxis',
      doNotPerform: 1,
    });
    expect(count(db, 'plan_items', "text LIKE 'Do not give%'")).toBe(0);
  });

  it('keeps completed and not-done administrations, linked to their order', () => {
    const rows = db
      .prepare('SELECT order_id AS orderId, status FROM administrations ORDER BY status')
      .all();
    expect(rows).toEqual([
      { orderId: 'usqualitycore-medicationrequest', status: 'completed' },
      { orderId: 'usqualitycore-medicationrequest', status: 'not-done' },
    ]);
  });
});
