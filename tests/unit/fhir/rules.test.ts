/**
 * The importer's rules on a small hand-made hospital: census and placement, scope and locator
 * rows, the census rule, code status (never guessed as full code), allergy state, orders and PRN.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importFhir, type ImportReport } from '../../../electron/core/fhir/import.ts';
import {
  AS_OF,
  Z66,
  codeStatusObservation,
  condition,
  patient,
  smallHospital,
  stay,
  writeBundle,
} from './small-hospital.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function importHospital(
  extra: Parameters<typeof smallHospital>[0] = [],
  options: { wards?: string[] } = {},
): Promise<Database.Database> {
  const { file, cleanup } = writeBundle(smallHospital(extra));
  cleanups.push(cleanup);
  return (await importFhir([file], { asOf: AS_OF, ...options })).db;
}

const stayOf = (db: Database.Database, patientId: string) =>
  db.prepare('SELECT * FROM stays WHERE patient_id = ?').get(patientId) as
    Record<string, unknown> | undefined;

describe('census and placement', () => {
  it('places each current stay on its ward, room and bed by walking partOf', async () => {
    const db = await importHospital();
    expect(stayOf(db, 'p-helene')).toMatchObject({ ward_id: 'w3b', room: '12', bed: '12A' });
    expect(stayOf(db, 'p-prudhomme')).toMatchObject({ ward_id: 'w2a', room: null, bed: '01' });
    expect(stayOf(db, 'p-vandenbroeck')).toBeUndefined();
    expect(db.prepare('SELECT name FROM sites').pluck().all()).toEqual(['Site Nord']);
  });

  it('lists empty wards typed as wards, and every bed', async () => {
    const db = await importHospital();
    expect(db.prepare('SELECT id FROM wards ORDER BY id').pluck().all()).toEqual([
      'w-geri',
      'w2a',
      'w3b',
    ]);
    expect(
      db.prepare('SELECT name FROM beds WHERE ward_id = ? ORDER BY name').pluck().all('w3b'),
    ).toEqual(['12A', '12B', '2A']);
  });

  it('exports locator rows only for patients admitted outside --wards', async () => {
    const db = await importHospital([], { wards: ['Médecine interne 3B'] });
    const prudhomme = db.prepare("SELECT locator FROM patients WHERE id = 'p-prudhomme'").get();
    expect(prudhomme).toEqual({ locator: 1 });
    expect(stayOf(db, 'p-prudhomme')).toMatchObject({ ward_id: 'w2a', bed: '01' });
    expect(
      db
        .prepare("SELECT count(*) FROM patient_identifiers WHERE patient_id = 'p-prudhomme'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.prepare("SELECT in_scope FROM wards WHERE id = 'w2a'").pluck().get()).toBe(0);
    // Not admitted, and a scope is set: the patient is findable, nothing more.
    expect(
      db.prepare("SELECT count(*) FROM patients WHERE id = 'p-vandenbroeck'").pluck().get(),
    ).toBe(1);
    expect(
      db
        .prepare("SELECT count(*) FROM patient_identifiers WHERE patient_id = 'p-vandenbroeck'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) FROM medication_orders WHERE patient_id = 'p-helene'")
        .pluck()
        .get(),
    ).toBe(3);
  });

  it('refuses a --wards entry that names no ward, listing the known ids', async () => {
    await expect(importHospital([], { wards: ['9Z'] })).rejects.toThrow(/no ward "9Z".*w2a, w3b/);
  });
});

describe('the census rule', () => {
  async function importWithReport(
    extra: Parameters<typeof smallHospital>[0],
  ): Promise<{ db: Database.Database; report: ImportReport }> {
    const { file, cleanup } = writeBundle(smallHospital(extra));
    cleanups.push(cleanup);
    return importFhir([file], { asOf: AS_OF });
  }
  const OTHER_CLASS = { system: 'http://example.org/encounter-class', code: 'inpatient' };

  it('takes another system’s class as a stay when it has a hospitalization or a ward-level location', async () => {
    const { db } = await importWithReport([
      patient('p-a', 'Aerts', 'An', 'A1', '1960-01-01'),
      {
        ...stay('e-a', 'p-a', 'b3b-2a', '2026-11-27T08:00:00Z'),
        class: OTHER_CLASS,
        location: [],
        hospitalization: {},
        serviceProvider: { reference: 'Organization/chu' },
      },
      patient('p-b', 'Bosmans', 'Bart', 'B1', '1961-01-01'),
      { ...stay('e-b', 'p-b', 'w-geri', '2026-11-27T08:00:00Z'), class: OTHER_CLASS },
      patient('p-c', 'Claes', 'Chloé', 'C1', '1962-01-01'),
      {
        ...stay('e-c', 'p-c', 'w-geri', '2026-11-27T08:00:00Z'),
        class: { ...OTHER_CLASS, code: 'outpatient' },
        location: [],
      },
      patient('p-d', 'Dubois', 'Denis', 'D1', '1963-01-01'),
      {
        ...stay('e-d', 'p-d', 'w-geri', '2026-11-27T08:00:00Z'),
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
        hospitalization: {},
      },
    ]);
    // No location: the "Unassigned" ward of the serviceProvider's site.
    expect(stayOf(db, 'p-a')).toMatchObject({ ward_id: 'chu:unassigned' });
    expect(stayOf(db, 'p-b')).toMatchObject({ ward_id: 'w-geri' });
    expect(stayOf(db, 'p-c')).toBeUndefined();
    expect(stayOf(db, 'p-d')).toBeUndefined();
  });

  it('never counts planned, cancelled or entered-in-error encounters, whatever their period', async () => {
    const { db } = await importWithReport(
      ['planned', 'cancelled', 'entered-in-error'].flatMap((status, i) => [
        patient(`p-${i}`, `Status${i}`, 'X', `S${i}`, '1970-01-01'),
        { ...stay(`e-${i}`, `p-${i}`, 'w-geri', '2026-11-27T08:00:00Z'), status },
      ]),
    );
    expect(db.prepare("SELECT count(*) FROM stays WHERE ward_id = 'w-geri'").pluck().get()).toBe(0);
  });

  it('keeps the latest-starting of two current stays, and counts a warning', async () => {
    const { db, report } = await importWithReport([
      stay('e-zoe-2', 'p-zoe', 'w-geri', '2026-11-27T08:00:00Z'),
    ]);
    expect(stayOf(db, 'p-zoe')).toMatchObject({
      ward_id: 'w-geri',
      admitted_at: '2026-11-27T08:00:00Z',
    });
    expect(report.warnings['multiple-current-stays']).toBe(1);
  });

  it('places a transferred patient at the location whose period spans T', async () => {
    const transferred = {
      ...stay('e-oeuvrard', 'p-oeuvrard', 'b3b-2a', '2026-11-25T08:00:00+01:00'),
      location: [
        {
          location: { reference: 'Location/b3b-2a' },
          period: { start: '2026-11-25T08:00:00+01:00', end: '2026-11-27T10:00:00+01:00' },
        },
        {
          location: { reference: 'Location/b2a-01' },
          period: { start: '2026-11-27T10:00:00+01:00', end: '2026-11-28T09:00:00+01:00' },
        },
        {
          location: { reference: 'Location/w-geri' },
          period: { start: '2026-11-28T09:00:00+01:00' },
        },
      ],
    };
    const { db } = await importWithReport([transferred]);
    expect(stayOf(db, 'p-oeuvrard')).toMatchObject({ ward_id: 'w2a', bed: '01' });
  });

  it('counts references that point at nothing', async () => {
    const { db, report } = await importWithReport([
      patient('p-lost', 'Lost', 'L', 'L1', '1980-01-01'),
      stay('e-lost', 'p-lost', 'no-such-bed', '2026-11-27T08:00:00Z'),
      stay('e-ghost', 'p-ghost', 'b3b-2a', '2026-11-27T08:00:00Z'),
    ]);
    expect(stayOf(db, 'p-lost')).toMatchObject({ ward_id: 'unknown-site:unassigned' });
    expect(report.warnings['unresolved-reference']).toBe(2);
  });
});

describe('code status', () => {
  it('is DNR from an active Z66 condition', async () => {
    const db = await importHospital();
    expect(stayOf(db, 'p-helene')).toMatchObject({
      code_status: 'dnr',
      code_status_text: 'Do not resuscitate',
    });
  });

  it('is unknown — never full code — when nothing says', async () => {
    const db = await importHospital();
    expect(stayOf(db, 'p-oeuvrard')?.['code_status']).toBe('unknown');
  });

  it('ignores a resolved Z66 condition', async () => {
    const db = await importHospital([condition('c-zoe-old-dnr', 'p-zoe', Z66, 'resolved')]);
    expect(stayOf(db, 'p-zoe')?.['code_status']).toBe('unknown');
  });

  it('prefers the latest explicit resuscitation-status observation over a DNR condition', async () => {
    const db = await importHospital([
      codeStatusObservation('o-helene-cs-1', 'p-helene', 'dnr-dni', '2026-11-21T09:00:00+01:00'),
      codeStatusObservation(
        'o-helene-cs-2',
        'p-helene',
        'comfort-care',
        '2026-11-26T09:00:00+01:00',
      ),
    ]);
    expect(stayOf(db, 'p-helene')?.['code_status']).toBe('comfort-care');
  });
});

describe('allergies, orders and ward facts', () => {
  it('tells "no known allergies" from "never assessed"', async () => {
    const db = await importHospital();
    const states = db.prepare('SELECT id, allergy_state FROM patients ORDER BY id').raw().all();
    expect(states).toEqual([
      ['p-helene', 'present'],
      ['p-oeuvrard', 'none-known'],
      ['p-prudhomme', 'unknown'],
      ['p-vandenbroeck', 'unknown'],
      ['p-zoe', 'unknown'],
    ]);
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'p-oeuvrard'").pluck().get(),
    ).toBe(0);
  });

  it('maps dose, route, timing, PRN reason, max dose and the high-alert flag', async () => {
    const db = await importHospital();
    const orders = db
      .prepare(
        "SELECT id, drug, dose, dose_unit, route, frequency, prn, prn_reason, max_dose, high_alert FROM medication_orders WHERE patient_id = 'p-helene' ORDER BY id",
      )
      .all();
    expect(orders).toEqual([
      {
        id: 'm-helene-insulin',
        drug: 'Insuline glargine',
        dose: 12,
        dose_unit: 'U',
        route: 'SC',
        frequency: 'once a day',
        prn: 0,
        prn_reason: null,
        max_dose: null,
        high_alert: 1,
      },
      {
        id: 'm-helene-no-timing',
        drug: 'Furosémide',
        dose: 40,
        dose_unit: 'mg',
        route: null,
        frequency: null,
        prn: 0,
        prn_reason: null,
        max_dose: null,
        high_alert: 0,
      },
      {
        id: 'm-helene-prn',
        drug: 'Paracétamol',
        dose: 1,
        dose_unit: 'g',
        route: null,
        frequency: null,
        prn: 1,
        prn_reason: 'douleur',
        max_dose: '4 g / 1 d',
        high_alert: 0,
      },
    ]);
  });

  it('reads isolation from an active Flag and I-PASS from local-code observations', async () => {
    const WARD = 'https://downtime-viewer.org/fhir/CodeSystem/ward';
    const ipass = (id: string, code: string, value: Record<string, unknown>) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: WARD, code }] },
      subject: { reference: 'Patient/p-zoe' },
      effectiveDateTime: '2026-11-28T06:00:00+01:00',
      ...value,
    });
    const db = await importHospital([
      {
        resourceType: 'Flag',
        id: 'f-zoe',
        status: 'active',
        code: { coding: [{ system: WARD, code: 'isolation' }], text: 'Contact isolation — MRSA' },
        subject: { reference: 'Patient/p-zoe' },
      },
      ipass('i1', 'ipass-severity', {
        valueCodeableConcept: { coding: [{ system: WARD, code: 'watcher' }] },
      }),
      ipass('i2', 'ipass-summary', { valueString: 'Pneumonie, J3 antibiotiques' }),
      ipass('i3', 'ipass-action', { valueString: 'Hémocultures si T° > 38,5' }),
    ]);
    expect(stayOf(db, 'p-zoe')?.['isolation']).toBe('Contact isolation — MRSA');
    expect(
      db.prepare("SELECT severity, summary FROM handover WHERE patient_id = 'p-zoe'").get(),
    ).toEqual({
      severity: 'watcher',
      summary: 'Pneumonie, J3 antibiotiques',
    });
    expect(
      db.prepare("SELECT text FROM handover_actions WHERE patient_id = 'p-zoe'").pluck().all(),
    ).toEqual(['Hémocultures si T° > 38,5']);
  });

  it('drops entered-in-error resources', async () => {
    const db = await importHospital([
      {
        resourceType: 'AllergyIntolerance',
        id: 'a-err',
        patient: { reference: 'Patient/p-zoe' },
        code: { text: 'Latex' },
        verificationStatus: { coding: [{ code: 'entered-in-error' }] },
      },
      {
        ...condition('c-err', 'p-zoe', Z66),
        verificationStatus: { coding: [{ code: 'entered-in-error' }] },
      },
    ]);
    expect(
      db.prepare("SELECT count(*) FROM allergies WHERE patient_id = 'p-zoe'").pluck().get(),
    ).toBe(0);
    expect(stayOf(db, 'p-zoe')?.['code_status']).toBe('unknown');
  });
});
