/**
 * Bad input (issue 11): a malformed date, time, number or code is rejected field by field, with
 * a counted warning naming the resource type, id and field; nothing malformed reaches the export,
 * whatever the input (fast-check).
 */
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { formatImportReport, importFhir } from '../../../electron/core/fhir/import.ts';
import { type Resource, importSmallHospital, patient, stay } from './small-hospital.ts';

const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[]) {
  const imported = await importSmallHospital(extra);
  closes.push(imported.close);
  return imported;
}

const TEMPLATE = '${DATE, T, D, -4}T08:38:45+02:00';

describe('rejecting malformed fields', () => {
  it('drops template text in a date, names it, and keeps the rest of the resource', async () => {
    const { db, report } = await load([
      {
        resourceType: 'Observation',
        id: 'o-bad',
        status: 'final',
        subject: { reference: 'Patient/p-zoe' },
        code: { text: 'Pouls' },
        effectiveDateTime: TEMPLATE,
        valueQuantity: { value: 72, unit: '/min' },
      },
    ]);
    expect(
      db.prepare("SELECT name, value, at FROM observations WHERE patient_id = 'p-zoe'").all(),
    ).toEqual([{ name: 'Pouls', value: 72, at: null }]);
    expect(report.warnings['malformed-date']).toBe(1);
    expect(report.rejectedFields).toEqual([
      {
        kind: 'malformed-date',
        resourceType: 'Observation',
        id: 'o-bad',
        field: 'effectiveDateTime',
      },
    ]);
    const printed = formatImportReport(report);
    expect(printed).toContain('malformed-date');
    expect(printed).toContain('Observation/o-bad effectiveDateTime');
    expect(printed).not.toContain('DATE, T');
  });

  it.each([
    ['a day that does not exist', { birthDate: '2026-02-30' }, 'malformed-date', 'birthDate'],
    [
      'a time with letters',
      { deceasedDateTime: '2026-11-28T8h30' },
      'malformed-date',
      'deceasedDateTime',
    ],
    ['a gender with spaces around it', { gender: ' female ' }, 'malformed-code', 'gender'],
  ])('rejects %s in a Patient', async (_what, field, kind, name) => {
    const { report } = await load([{ ...patient('p-x', 'X', 'Y', 'X1', '1990-01-01'), ...field }]);
    expect(report.rejectedFields).toContainEqual({
      kind,
      resourceType: 'Patient',
      id: 'p-x',
      field: name,
    });
  });

  it('rejects a quantity given as text, a bad time of day, and a coded value with a template', async () => {
    const { report } = await load([
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        subject: { reference: 'Patient/p-zoe' },
        code: { coding: [{ system: 'http://loinc.org', code: '${LOINC}' }] },
        valueQuantity: { value: '7,5', unit: 'mmol/L' },
      },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p-zoe' },
        medicationCodeableConcept: { text: 'Paracétamol' },
        dosageInstruction: [
          { timing: { repeat: { timeOfDay: ['25:00:00'], frequency: 'twice' } } },
        ],
      },
    ]);
    expect(report.rejectedFields).toEqual(
      expect.arrayContaining([
        {
          kind: 'malformed-code',
          resourceType: 'Observation',
          id: 'o1',
          field: 'code.coding[0].code',
        },
        {
          kind: 'malformed-number',
          resourceType: 'Observation',
          id: 'o1',
          field: 'valueQuantity.value',
        },
        {
          kind: 'malformed-time',
          resourceType: 'MedicationRequest',
          id: 'm1',
          field: 'dosageInstruction[0].timing.repeat.timeOfDay[0]',
        },
        {
          kind: 'malformed-number',
          resourceType: 'MedicationRequest',
          id: 'm1',
          field: 'dosageInstruction[0].timing.repeat.frequency',
        },
      ]),
    );
    expect(report.warnings['malformed-time']).toBe(1);
    expect(report.warnings['malformed-number']).toBe(2);
  });

  it('does not start a stay from a malformed start: the stay is not current, and counted', async () => {
    const { db, report } = await load([
      patient('p-x', 'X', 'Y', 'X1', '1990-01-01'),
      { ...stay('e-x', 'p-x', 'b2a-01', TEMPLATE), status: 'finished' },
    ]);
    expect(db.prepare("SELECT count(*) FROM stays WHERE patient_id = 'p-x'").pluck().get()).toBe(0);
    expect(report.warnings['malformed-date']).toBe(1);
    expect(report.warnings['missing-period']).toBe(1);
  });
});

// ─── Property: nothing malformed reaches the export ──────────────────────────────────────────

const FHIR_DATE_TIME =
  /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Export columns that hold a FHIR date or instant copied from the source. */
const DATE_COLUMNS: readonly [table: string, column: string][] = [
  ['patients', 'birth_date'],
  ['stays', 'admitted_at'],
  ['stays', 'expected_discharge'],
  ['allergies', 'recorded_at'],
  ['allergy_absences', 'recorded_at'],
  ['observations', 'at'],
  ['notes', 'at'],
  ['code_status_claims', 'at'],
];

const dateLike = fc.oneof(
  fc.constantFrom(
    TEMPLATE,
    '2026-02-30',
    '2026-13-01',
    '28/11/2026',
    'yesterday',
    '',
    ' 2026-11-28',
    '2026-11-28T25:00:00Z',
    '2026-11-28T08:00:00+02:00',
    '2026-11-28',
    '2026',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const resourceWithDates = fc
  .record({
    kind: fc.constantFrom(
      'Observation',
      'AllergyIntolerance',
      'Encounter',
      'DocumentReference',
      'Condition',
      'Patient',
    ),
    a: dateLike,
    b: dateLike,
    code: fc.oneof(
      fc.constantFrom('final', ' final', '${S}', 'in-progress', 'a  b'),
      fc.string({ maxLength: 6 }),
    ),
    n: fc.oneof(fc.double(), fc.constantFrom('5', '7,5', null)),
  })
  .map(({ kind, a, b, code, n }, i = 0): Resource => {
    const id = `gen-${kind}-${String(a).length}-${String(b).length}-${i}`;
    const subject = { reference: 'Patient/p-zoe' };
    switch (kind) {
      case 'Observation':
        return {
          resourceType: kind,
          id,
          status: code,
          subject,
          code: { text: 'x' },
          effectiveDateTime: a,
          issued: b,
          valueQuantity: { value: n, unit: 'mg' },
        } as unknown as Resource;
      case 'AllergyIntolerance':
        return {
          resourceType: kind,
          id,
          patient: subject,
          code: { text: 'Latex' },
          recordedDate: a,
          onsetDateTime: b,
        } as unknown as Resource;
      case 'Encounter':
        return {
          ...stay(id, 'p-zoe', 'b2a-01', '2026-11-27T08:00:00+01:00'),
          status: code,
          period: { start: a, end: b },
        } as Resource;
      case 'DocumentReference':
        return {
          resourceType: kind,
          id,
          status: code,
          subject,
          date: a,
          description: 'Note',
          content: [{ attachment: { contentType: 'text/plain', data: 'QQ==' } }],
        } as unknown as Resource;
      case 'Condition':
        return {
          resourceType: kind,
          id,
          subject,
          code: { text: 'DNR' },
          recordedDate: a,
          onsetDateTime: b,
        } as unknown as Resource;
      default:
        return { ...patient(id, 'Gen', 'Erated', id, '1990-01-01'), birthDate: a } as Resource;
    }
  });

function malformedInExport(db: Database.Database): string[] {
  const found: string[] = [];
  for (const [table, column] of DATE_COLUMNS) {
    for (const value of db
      .prepare(`SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL`)
      .pluck()
      .all()) {
      if (typeof value !== 'string' || !FHIR_DATE_TIME.test(value))
        found.push(`${table}.${column}=${String(value)}`);
    }
  }
  return found;
}

describe('no input reaches the export malformed', () => {
  it('keeps every exported date well-formed and every import alive, whatever the dates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(resourceWithDates, { maxLength: 8 }), async (generated) => {
        const unique = generated.map((r, i) => ({ ...r, id: `${r.id}-${i}` }));
        const { db, report, close } = await importSmallHospital(unique);
        try {
          expect(malformedInExport(db)).toEqual([]);
          expect(report.warnings['malformed-resource']).toBe(0);
          const templated = db
            .prepare("SELECT count(*) FROM observations WHERE at LIKE '%${%'")
            .pluck()
            .get();
          expect(templated).toBe(0);
        } finally {
          close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('an unknown time zone', () => {
  it('stops the import before reading, saying which zone and what to give', async () => {
    await expect(
      importFhir(['.'], { asOf: new Date('2026-11-28T07:00:00Z'), timeZone: 'Mars/Olympus_Mons' }),
    ).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(
        /"Mars\/Olympus_Mons" is not a known IANA time zone; give one such as Europe\/Brussels/,
      ),
    });
  });
});
