/**
 * Allergies say what is known and what is not; code status is never guessed and never hides a
 * disagreement (issue 11: Allergies, Code status).
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { getChart } from '../../../electron/core/db/queries.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import {
  type Resource,
  asReadonly,
  codeStatusObservation,
  condition,
  importSmallHospital,
  stay,
} from './small-hospital.ts';

const SNOMED = 'http://snomed.info/sct';
const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[]) {
  const imported = await importSmallHospital(extra);
  closes.push(imported.close);
  return imported;
}

function allergy(id: string, code: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: { reference: 'Patient/p-zoe' },
    code,
    ...extra,
  } as Resource;
}
const verification = (code: string) => ({
  coding: [
    { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code },
  ],
});

describe('allergy absences', () => {
  it.each([
    ['429625007', 'food'],
    ['428607008', 'environment'],
    ['716184000', 'latex'],
    ['409137002', 'medication'],
    ['716220001', 'animal'], // in the Belgian BeNoAllergy value set
    ['428197003', 'insect'],
  ])('reads SNOMED %s as no known %s allergy, never an allergy', async (code, category) => {
    const { db } = await load([allergy('a', { coding: [{ system: SNOMED, code }] })]);
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'p-zoe'").pluck().get(),
    ).toBe(0);
    expect(
      db.prepare("SELECT category FROM allergy_absences WHERE patient_id = 'p-zoe'").pluck().all(),
    ).toEqual([category]);
  });

  it.each([
    ['No known contrast allergy', 'contrast'],
    ['NKDA', 'medication'],
    ['Pas d’allergie médicamenteuse connue', 'medication'],
    ['Geen gekende allergieën', 'all'],
    ['Keine bekannten Allergien', 'all'],
    ['NKA', 'all'],
  ])('reads the text "%s" as an absence (%s)', async (text, category) => {
    const { db } = await load([allergy('a', { text: text.replace('’', "'") })]);
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'p-zoe'").pluck().get(),
    ).toBe(0);
    expect(
      db.prepare("SELECT category FROM allergy_absences WHERE patient_id = 'p-zoe'").pluck().all(),
    ).toEqual([category]);
  });

  it('keeps unconfirmed and refuted allergies with their verification; refuted is not "present"', async () => {
    const { db } = await load([
      allergy('a1', { text: 'Latex' }, { verificationStatus: verification('refuted') }),
      allergy('a2', { text: 'Iode' }, { verificationStatus: verification('unconfirmed') }),
    ]);
    expect(
      db
        .prepare(
          "SELECT substance, verification FROM allergies WHERE patient_id = 'p-zoe' ORDER BY substance",
        )
        .all(),
    ).toEqual([
      { substance: 'Iode', verification: 'unconfirmed' },
      { substance: 'Latex', verification: 'refuted' },
    ]);
    expect(db.prepare("SELECT allergy_state FROM patients WHERE id = 'p-zoe'").pluck().get()).toBe(
      'present',
    );
    const onlyRefuted = await load([
      allergy('a1', { text: 'Latex' }, { verificationStatus: verification('refuted') }),
    ]);
    expect(
      onlyRefuted.db.prepare("SELECT allergy_state FROM patients WHERE id = 'p-zoe'").pluck().get(),
    ).toBe('unknown');
  });

  it('marks an allergy with an unknown modifierExtension not interpretable, and counts it', async () => {
    const { db, report } = await load([
      allergy(
        'a',
        { text: 'Latex' },
        { modifierExtension: [{ url: 'http://x.org/m', valueBoolean: true }] },
      ),
    ]);
    expect(
      db.prepare("SELECT verification FROM allergies WHERE patient_id = 'p-zoe'").pluck().get(),
    ).toBe('not-interpretable');
    expect(report.warnings['unknown-modifier']).toBe(1);
  });

  it('gives the chart its absences', async () => {
    const { db } = await load([allergy('a', { coding: [{ system: SNOMED, code: '409137002' }] })]);
    const chart = getChart(asReadonly(db), 'p-zoe', {
      now: new Date('2026-11-28T08:00:00Z'),
      adminTimes: DEFAULT_ADMIN_TIMES,
      timeZone: 'Europe/Brussels',
    });
    expect(chart?.allergyState).toBe('unknown');
    expect(chart?.allergyAbsences).toEqual([
      { category: 'medication', text: null, verification: null, recordedAt: null },
    ]);
  });
});

const codeStatusOf = (db: Database.Database, id = 'p-zoe') =>
  db
    .prepare('SELECT code_status, code_status_from_text FROM stays WHERE patient_id = ?')
    .get(id) as { code_status: string; code_status_from_text: number };

describe('code status from diagnoses', () => {
  it.each([
    ['http://hl7.org/fhir/sid/icd-10-cm', 'Z66'],
    ['http://fhir.mimic.mit.edu/CodeSystem/diagnosis-icd10', 'Z66'],
    ['http://fhir.mimic.mit.edu/CodeSystem/diagnosis-icd9', 'V4986'],
    ['http://hl7.org/fhir/sid/icd-9-cm', 'V49.86'],
    ['http://fhir.de/CodeSystem/bfarm/icd-10-gm', 'Z66'],
    [SNOMED, '304253006'],
    [SNOMED, '450476008'],
  ])('reads DNR from %s %s', async (system, code) => {
    const { db } = await load([condition('c', 'p-zoe', { system, code, display: 'x' })]);
    expect(codeStatusOf(db)).toEqual({ code_status: 'dnr', code_status_from_text: 0 });
  });

  it.each([
    'Do not resuscitate',
    'DNR',
    'NTBR',
    'Ne pas réanimer',
    'Niet reanimeren',
    'Nicht reanimieren',
  ])('reads DNR from the text "%s" alone, flagged to verify', async (text) => {
    const { db } = await load([
      {
        resourceType: 'Condition',
        id: 'c',
        code: { text },
        subject: { reference: 'Patient/p-zoe' },
      },
    ]);
    expect(codeStatusOf(db)).toEqual({ code_status: 'dnr', code_status_from_text: 1 });
  });

  it('does not read DNR into an unrelated code of an ICD system', async () => {
    const { db } = await load([
      condition('c', 'p-zoe', {
        system: 'http://hl7.org/fhir/sid/icd-10',
        code: 'Z67',
        display: 'Blood type',
      }),
    ]);
    expect(codeStatusOf(db).code_status).toBe('unknown');
  });
});

describe('conflicting code status', () => {
  it('is conflicting when a DNR diagnosis is newer than an explicit full code, with both claims', async () => {
    const { db } = await load([
      codeStatusObservation('o', 'p-zoe', 'full-code', '2026-11-22T09:00:00+01:00'),
      {
        ...condition('c', 'p-zoe', {
          system: 'http://hl7.org/fhir/sid/icd-10',
          code: 'Z66',
          display: 'Do not resuscitate',
        }),
        recordedDate: '2026-11-26T10:00:00+01:00',
      },
    ]);
    expect(codeStatusOf(db).code_status).toBe('conflicting');
    expect(
      db
        .prepare(
          "SELECT value, source, text FROM code_status_claims WHERE patient_id = 'p-zoe' ORDER BY seq",
        )
        .all(),
    ).toEqual([
      { value: 'full-code', source: 'observation', text: null },
      { value: 'dnr', source: 'condition', text: 'Do not resuscitate' },
    ]);
    const chart = getChart(asReadonly(db), 'p-zoe', {
      now: new Date('2026-11-28T08:00:00Z'),
      adminTimes: DEFAULT_ADMIN_TIMES,
      timeZone: 'Europe/Brussels',
    });
    expect(chart?.stay?.codeStatusClaims.map((c) => c.value)).toEqual(['full-code', 'dnr']);
  });

  it('keeps an explicit full code made after the DNR diagnosis (the status was reviewed)', async () => {
    const { db } = await load([
      {
        ...condition('c', 'p-zoe', {
          system: 'http://hl7.org/fhir/sid/icd-10',
          code: 'Z66',
          display: 'DNR',
        }),
        recordedDate: '2026-11-20T10:00:00+01:00',
      },
      codeStatusObservation('o', 'p-zoe', 'full-code', '2026-11-22T09:00:00+01:00'),
    ]);
    expect(codeStatusOf(db).code_status).toBe('full-code');
  });

  it('is conflicting when two explicit statuses of the same instant disagree', async () => {
    const { db } = await load([
      codeStatusObservation('o1', 'p-zoe', 'full-code', '2026-11-22T09:00:00+01:00'),
      codeStatusObservation('o2', 'p-zoe', 'dnr', '2026-11-22T09:00:00+01:00'),
    ]);
    expect(codeStatusOf(db).code_status).toBe('conflicting');
  });

  const onStay = (resource: Resource, encounter: string): Resource => ({
    ...resource,
    encounter: { reference: `Encounter/${encounter}` },
  });
  const previousStay = stay(
    'e-zoe-2025',
    'p-zoe',
    'b3b-12b',
    '2025-03-01T10:00:00+01:00',
    '2025-03-09T12:00:00+01:00',
  );
  const olderStay = stay(
    'e-zoe-2024',
    'p-zoe',
    'b3b-12b',
    '2024-06-01T10:00:00+01:00',
    '2024-06-05T12:00:00+01:00',
  );
  const claims = (db: Database.Database) =>
    db
      .prepare(
        "SELECT value, source, at FROM code_status_claims WHERE patient_id = 'p-zoe' ORDER BY seq",
      )
      .all();

  it('is conflicting when the latest status is from an earlier stay and another stay said otherwise, with both claims', async () => {
    const { db } = await load([
      previousStay,
      olderStay,
      onStay(
        codeStatusObservation('o-2024', 'p-zoe', 'dnr', '2024-06-02T09:00:00+02:00'),
        'e-zoe-2024',
      ),
      onStay(
        codeStatusObservation('o-2025', 'p-zoe', 'full-code', '2025-03-02T09:00:00+01:00'),
        'e-zoe-2025',
      ),
    ]);
    // Nothing on the current stay: neither earlier stay's decision is picked silently.
    expect(codeStatusOf(db).code_status).toBe('conflicting');
    expect(claims(db)).toEqual([
      { value: 'full-code', source: 'observation', at: '2025-03-02T09:00:00+01:00' },
      { value: 'dnr', source: 'observation', at: '2024-06-02T09:00:00+02:00' },
    ]);
  });

  it('keeps a status reassessed on the current stay over an earlier stay that said otherwise', async () => {
    const { db } = await load([
      previousStay,
      onStay(
        codeStatusObservation('o-2025', 'p-zoe', 'dnr', '2025-03-02T09:00:00+01:00'),
        'e-zoe-2025',
      ),
      onStay(
        codeStatusObservation('o-now', 'p-zoe', 'full-code', '2026-11-22T09:00:00+01:00'),
        'e-zoe',
      ),
    ]);
    expect(codeStatusOf(db).code_status).toBe('full-code');
    expect(claims(db)).toEqual([]);
  });

  it('is conflicting when a DNR diagnosis on another stay is newer than the current stay’s full code', async () => {
    const { db } = await load([
      previousStay,
      onStay(
        codeStatusObservation('o-now', 'p-zoe', 'full-code', '2026-11-22T09:00:00+01:00'),
        'e-zoe',
      ),
      onStay(
        {
          ...condition('c', 'p-zoe', {
            system: 'http://hl7.org/fhir/sid/icd-10',
            code: 'Z66',
            display: 'Do not resuscitate',
          }),
          recordedDate: '2026-11-25T10:00:00+01:00',
        },
        'e-zoe-2025',
      ),
    ]);
    expect(codeStatusOf(db).code_status).toBe('conflicting');
    expect(claims(db)).toEqual([
      { value: 'full-code', source: 'observation', at: '2026-11-22T09:00:00+01:00' },
      { value: 'dnr', source: 'condition', at: '2026-11-25T10:00:00+01:00' },
    ]);
  });

  it('is not a conflict when the earlier stays agree', async () => {
    const { db } = await load([
      previousStay,
      olderStay,
      onStay(
        codeStatusObservation('o-2024', 'p-zoe', 'dnr', '2024-06-02T09:00:00+02:00'),
        'e-zoe-2024',
      ),
      onStay(
        codeStatusObservation('o-2025', 'p-zoe', 'dnr', '2025-03-02T09:00:00+01:00'),
        'e-zoe-2025',
      ),
    ]);
    expect(codeStatusOf(db).code_status).toBe('dnr');
  });

  it('agrees when the explicit status already says DNR', async () => {
    const { db } = await load([
      codeStatusObservation('o', 'p-zoe', 'dnr-dni', '2026-11-22T09:00:00+01:00'),
      condition('c', 'p-zoe', {
        system: 'http://hl7.org/fhir/sid/icd-10',
        code: 'Z66',
        display: 'DNR',
      }),
    ]);
    expect(codeStatusOf(db).code_status).toBe('dnr-dni');
  });
});
