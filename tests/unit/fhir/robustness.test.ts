/**
 * Bad input never crashes an import: malformed JSON lines, wrong types and missing fields
 * become counted warnings or missing facts (fast-check property tests).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createExportDatabase } from '../../../electron/core/db/schema.ts';
import { Collector } from '../../../electron/core/fhir/collect.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { ReportTally } from '../../../electron/core/fhir/report.ts';
import { writeRows } from '../../../electron/core/fhir/write-rows.ts';
import { AS_OF, smallHospital } from './small-hospital.ts';

const HANDLED = [
  'Patient',
  'Encounter',
  'Location',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Medication',
  'AllergyIntolerance',
  'Condition',
  'MedicationRequest',
  'MedicationAdministration',
  'Observation',
  'CarePlan',
  'Goal',
  'ServiceRequest',
  'Task',
  'Procedure',
  'NutritionOrder',
  'Flag',
  'Consent',
  'DocumentReference',
  'Binary',
];

/** Any JSON-ish value, biased towards the field names the mappers read. */
const FIELDS = [
  'id',
  'subject',
  'patient',
  'status',
  'code',
  'class',
  'period',
  'location',
  'participant',
  'identifier',
  'name',
  'valueQuantity',
  'valueCodeableConcept',
  'component',
  'dosageInstruction',
  'medicationReference',
  'reaction',
  'partOf',
  'physicalType',
  'content',
  'activity',
  'category',
  'clinicalStatus',
  'verificationStatus',
  'doNotPerform',
  'reference',
  'referenceRange',
  'interpretation',
  'appliesTo',
  'age',
  'contained',
  'enteralFormula',
  'supplement',
  'modifierExtension',
  'text',
  'div',
  'link',
  'active',
  'contentType',
  'data',
  'url',
  'effectiveDateTime',
  'recordedDate',
  'start',
  'end',
];
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1e308,
      '',
      'Patient/p-helene',
      'urn:uuid:x',
      '2014',
      'in-progress',
      'active',
      'IMP',
    ),
    fc.string(),
    fc.double(),
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('any'), { maxKeys: 5 }),
  ),
})).any;

const resource = fc.record({
  resourceType: fc.constantFrom(...HANDLED),
  fields: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }),
});

describe('mapping arbitrary resources', () => {
  it('never throws, whatever the shape of each field (and the mappers need no safety net)', () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 12 }), (resources) => {
        const tally = new ReportTally();
        const collector = new Collector(
          { asOf: AS_OF.getTime(), timeZone: 'Europe/Brussels' },
          tally,
        );
        for (const r of [
          ...smallHospital(),
          ...resources.map((x) => ({ ...x.fields, resourceType: x.resourceType })),
        ]) {
          collector.accept(r, r.resourceType, null);
        }
        // The collector catches a throwing mapper as 'malformed-resource'; none may need it.
        expect(tally.warnings.get('malformed-resource') ?? 0).toBe(0);
        const db = createExportDatabase();
        try {
          const summary = writeRows(
            db,
            collector.collected,
            { asOf: AS_OF, timeZone: 'Europe/Brussels' },
            tally,
          );
          expect(summary.patients).toBeGreaterThanOrEqual(5);
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('reading damaged NDJSON', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-ndjson-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const goodLine = JSON.stringify({
    resourceType: 'Patient',
    id: 'ok',
    name: [{ family: 'Peeters', given: ['An'] }],
  });

  it('imports the good lines and counts every bad one as malformed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ minLength: 1 }).map((s) => `{${s}`),
            fc.constant('{"resourceType":"Patient",'),
            fc.constant('[1,2'),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        async (badLines) => {
          const file = path.join(dir, 'Patient.ndjson');
          fs.writeFileSync(
            file,
            [goodLine, ...badLines, goodLine.replace('"ok"', '"ok2"')].join('\r\n'),
          );
          const { db, report } = await importFhir([file], { asOf: AS_OF });
          expect(db.prepare('SELECT id FROM patients ORDER BY id').pluck().all()).toEqual([
            'ok',
            'ok2',
          ]);
          expect(report.warnings['malformed-line'] + report.warnings['malformed-resource']).toBe(
            badLines.length,
          );
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts valid JSON that is not a resource as malformed, and a resource without subject as such', async () => {
    const file = path.join(dir, 'mixed.ndjson');
    fs.writeFileSync(
      file,
      [
        '42',
        '"text"',
        '{"resourceType": 7}',
        '{"resourceType":"Observation","status":"final","valueString":"x"}',
        '',
      ].join('\n'),
    );
    const { db, report } = await importFhir([file], { asOf: AS_OF });
    expect(report.warnings['malformed-resource']).toBe(3);
    expect(report.warnings['missing-subject']).toBe(1);
    db.close();
  });

  it('skips an unwanted type on a peek, without parsing the line', async () => {
    const file = path.join(dir, 'Claim.ndjson');
    // Not valid JSON past the type: had it been parsed, it would count as malformed.
    fs.writeFileSync(file, '{"resourceType":"Claim","id":"c1", broken\n{"resourceType":"Claim"}\n');
    const { db, report } = await importFhir([file], { asOf: AS_OF });
    expect(report.resourcesRead['Claim']).toBe(2);
    expect(report.warnings['malformed-line']).toBe(0);
    db.close();
  });

  it('streams gzipped NDJSON, and a line split across read chunks', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'gz-'));
    const long = JSON.stringify({
      resourceType: 'Patient',
      id: 'long',
      name: [{ family: 'X'.repeat(3 << 20) }],
    });
    fs.writeFileSync(path.join(sub, 'Patient.ndjson.gz'), gzipSync(`${goodLine}\n${long}\n`));
    const { db } = await importFhir([sub], { asOf: AS_OF });
    expect(db.prepare('SELECT id, length(family) AS n FROM patients ORDER BY id').all()).toEqual([
      { id: 'long', n: 3 << 20 },
      { id: 'ok', n: 7 },
    ]);
    db.close();
  });

  it('refuses a path that does not exist, naming it', async () => {
    await expect(importFhir([path.join(dir, 'nope')], { asOf: AS_OF })).rejects.toThrow(
      /nope" does not exist/,
    );
  });
});
