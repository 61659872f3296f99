/**
 * The importer on fixtures written from HL7's own R4 examples (tests/fixtures/fhir-public):
 * NKA, NKDA and NKLA are absences, a non-text document is kept by its description, a room
 * reached through `partOf` is on the bed board.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bedsOfWard } from '../../../electron/core/db/queries.ts';
import { type Resource, asReadonly, importSmallHospital, patient, stay } from './small-hospital.ts';

const PUBLIC = path.resolve('tests/fixtures/fhir-public');
const example = (file: string): Resource[] => {
  const parsed = JSON.parse(fs.readFileSync(path.join(PUBLIC, file), 'utf8')) as
    Resource | Resource[];
  return Array.isArray(parsed) ? parsed : [parsed];
};

const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[]) {
  const imported = await importSmallHospital(extra);
  closes.push(imported.close);
  return imported;
}

const MOM = [
  patient('mom', 'Chalmers', 'Anne', 'MOM1', '1970-01-01'),
  stay('e-mom', 'mom', 'b3b-12b', '2026-11-27T08:00:00+01:00'),
];

describe('HL7 R4 allergyintolerance-nka / -nkda / -nkla', () => {
  it('reads NKA as "none known" and writes no allergy row', async () => {
    const { db } = await load([...MOM, ...example('allergyintolerance-nka.json')]);
    expect(db.prepare("SELECT allergy_state FROM patients WHERE id = 'mom'").pluck().get()).toBe(
      'none-known',
    );
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'mom'").pluck().get(),
    ).toBe(0);
    expect(
      db
        .prepare(
          "SELECT category, text, verification FROM allergy_absences WHERE patient_id = 'mom'",
        )
        .all(),
    ).toEqual([{ category: 'all', text: 'NKA', verification: 'confirmed' }]);
  });

  it('reads NKDA and NKLA as absences for their category only: the state stays unknown', async () => {
    const { db } = await load([
      ...MOM,
      ...example('allergyintolerance-nkda.json'),
      ...example('allergyintolerance-nkla.json'),
    ]);
    expect(db.prepare("SELECT allergy_state FROM patients WHERE id = 'mom'").pluck().get()).toBe(
      'unknown',
    );
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'mom'").pluck().get(),
    ).toBe(0);
    expect(
      db
        .prepare("SELECT category FROM allergy_absences WHERE patient_id = 'mom' ORDER BY category")
        .pluck()
        .all(),
    ).toEqual(['latex', 'medication']);
  });

  it('keeps NKA next to NKDA, and a real allergy next to NKLA', async () => {
    const { db } = await load([
      ...MOM,
      ...example('allergyintolerance-nka.json'),
      ...example('allergyintolerance-nkda.json'),
    ]);
    expect(
      db
        .prepare("SELECT category FROM allergy_absences WHERE patient_id = 'mom' ORDER BY category")
        .pluck()
        .all(),
    ).toEqual(['all', 'medication']);
    const second = await load([
      ...MOM,
      ...example('allergyintolerance-nkla.json'),
      {
        resourceType: 'AllergyIntolerance',
        id: 'a-mom-peni',
        patient: { reference: 'Patient/mom' },
        code: { text: 'Pénicilline' },
      },
    ]);
    expect(
      second.db.prepare("SELECT allergy_state FROM patients WHERE id = 'mom'").pluck().get(),
    ).toBe('present');
    expect(
      second.db.prepare("SELECT substance FROM allergies WHERE patient_id = 'mom'").pluck().all(),
    ).toEqual(['Pénicilline']);
    expect(
      second.db
        .prepare("SELECT category FROM allergy_absences WHERE patient_id = 'mom'")
        .pluck()
        .all(),
    ).toEqual(['latex']);
  });
});

describe('HL7 R4 documentreference-example', () => {
  it('keeps a document whose attachment is not text by its description, and counts it', async () => {
    const { db, report } = await load([
      patient('xcda', 'Doe', 'Xcda', 'X1', '1960-01-01'),
      stay('e-xcda', 'xcda', 'b2a-01', '2026-11-27T08:00:00+01:00'),
      ...example('documentreference-example.json'),
    ]);
    expect(
      db.prepare("SELECT kind, title, text FROM notes WHERE patient_id = 'xcda'").all(),
    ).toEqual([{ kind: 'Outpatient Note', title: 'Physical', text: 'Physical' }]);
    expect(report.warnings['attachment-not-text']).toBe(1);
  });
});

describe('HL7 R4 location-example (a wing) and a room partOf it', () => {
  it('puts the bedless room on the bed board of the wing, which stands for the ward', async () => {
    const { db } = await load(example('location-partof-room.json'));
    const beds = bedsOfWard(asReadonly(db), '1');
    expect(beds).toEqual([
      { id: '2', wardId: '1', room: 'South Wing OR 5', bed: null, patientIds: [] },
    ]);
    expect(db.prepare("SELECT name FROM wards WHERE id = '1'").pluck().get()).toBe(
      'South Wing, second floor',
    );
  });
});
