/**
 * Lines read on other threads (fhir/reader-pool.ts) give the export the
 * importer writes alone: the same rows in the same order and the same report — warnings,
 * duplicates and the rejected fields in input order — on the public fixtures, a demo hospital
 * and an input made of what goes wrong: copies of a key (later wins, void removes), malformed
 * lines and fields, observations with components, several ranges, ward facts, no id, and a
 * line whose first `resourceType` is not its real one. A thread that stops has its lines read
 * by the importer, with the same outcomes at the same places.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import type { ParallelReading } from '../../../electron/core/fhir/read-input.ts';
import { ReaderPool, type RemoteSink } from '../../../electron/core/fhir/reader-pool.ts';
import { pathToFileURL } from 'node:url';
import { AS_OF, codeStatusObservation, smallHospital, type Resource } from './small-hospital.ts';
import { contentOf } from './table-content.ts';

const FIXTURES = path.resolve('../shared/fixtures/fhir');
const LOINC = 'http://loinc.org';

const ALONE: ParallelReading = { workers: 0, fromBytes: 0 };
const ONE_THREAD: ParallelReading = { workers: 1, fromBytes: 0 };
const THREE_THREADS: ParallelReading = { workers: 3, fromBytes: 0 };
/** A thread always behind: the importer reads most lines itself, between the thread's. */
const BEHIND: ParallelReading = { workers: 1, fromBytes: 0, inFlight: 1 };

async function imported(input: string, parallel: ParallelReading) {
  const { db, report } = await importFhir([input], { asOf: AS_OF, demo: true, parallel });
  try {
    return { content: contentOf(db), report };
  } finally {
    db.close();
  }
}

function vital(n: number, patientId: string, extra: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Observation',
    id: `o-${n}`,
    status: 'final',
    category: [{ coding: [{ code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: `2026-11-27T${String(n % 24).padStart(2, '0')}:00:00+01:00`,
    valueQuantity: { value: 60 + (n % 40), unit: '/min', system: 'http://unitsofmeasure.org' },
    ...extra,
  } as Resource;
}

/** What goes wrong in real files, spread over several batches of lines. */
function awkwardLines(): { observations: string[]; mixed: string[]; mixedRejects: string[] } {
  const patients = ['p-helene', 'p-oeuvrard', 'p-zoe', 'p-prudhomme'];
  const lines: string[] = [];
  for (let n = 0; n < 1_200; n++) lines.push(JSON.stringify(vital(n, patients[n % 4]!)));
  // Later copies: one replaces in place, one is void, one comes back after being void.
  lines.push(JSON.stringify(vital(3, 'p-helene', { valueQuantity: { value: 200, unit: '/min' } })));
  lines.push(JSON.stringify(vital(5, 'p-zoe', { status: 'entered-in-error' })));
  lines.push(JSON.stringify(vital(5, 'p-zoe', { valueQuantity: { value: 99, unit: '/min' } })));
  lines.push('{"resourceType":"Observation","id":"broken",');
  lines.push(JSON.stringify(vital(9_001, 'p-zoe', { effectiveDateTime: '${DATE, T, D, -4}' })));
  lines.push(JSON.stringify({ ...vital(9_002, 'p-helene'), id: undefined }));
  lines.push(JSON.stringify({ ...vital(9_003, 'p-helene'), id: undefined }));
  lines.push(
    JSON.stringify({
      ...vital(9_004, 'p-oeuvrard'),
      valueQuantity: undefined,
      component: [
        { code: { text: 'Systolic' }, valueQuantity: { value: 130, unit: 'mm[Hg]' } },
        { code: { text: 'Diastolic' }, valueQuantity: { value: 80, unit: 'mm[Hg]' } },
      ],
    }),
  );
  lines.push(
    JSON.stringify({
      ...vital(9_005, 'p-prudhomme'),
      referenceRange: [
        { low: { value: 50 }, high: { value: 90 }, appliesTo: [{ text: 'Women' }] },
        { low: { value: 55 }, high: { value: 95 }, appliesTo: [{ text: 'Men' }] },
      ],
    }),
  );
  lines.push(
    JSON.stringify({
      ...vital(9_006, 'p-zoe'),
      code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
      valueQuantity: { value: 61.5, unit: 'kg' },
    }),
  );
  // Words beyond ASCII, and a line ended by CR LF.
  lines.push(
    JSON.stringify({
      ...vital(9_007, 'p-helene'),
      valueQuantity: undefined,
      valueString: 'Œdème des chevilles — « modéré », 2ᵉ jour',
    }),
  );
  lines.push(`${JSON.stringify(vital(9_008, 'p-helene'))}\r`);
  lines.push(
    JSON.stringify(codeStatusObservation('o-cs', 'p-zoe', 'dnr', '2026-11-26T10:00:00+01:00')),
  );
  // Its first resourceType says Observation, its real one (JSON keeps the last) says Patient.
  lines.push(
    '{"resourceType":"Observation","id":"p-late","resourceType":"Patient","name":[{"family":"Tard","given":["Léa"]}],"identifier":[{"system":"urn:mrn","value":"MRN0099"}]}',
  );
  // A file of two types, where the importer's own rejected fields sit between the others'.
  const mixed: string[] = [];
  const mixedRejects: string[] = [];
  for (let n = 0; n < 400; n++) {
    const malformed = n % 50 === 0;
    mixed.push(
      JSON.stringify(vital(20_000 + n, 'p-helene', malformed ? { issued: 'not a date' } : {})),
    );
    if (malformed) mixedRejects.push(`Observation/o-${20_000 + n} issued`);
    if (n % 80 === 0) {
      mixedRejects.push(`AllergyIntolerance/a-mixed-${n} recordedDate`);
      mixed.push(
        JSON.stringify({
          resourceType: 'AllergyIntolerance',
          id: `a-mixed-${n}`,
          patient: { reference: 'Patient/p-zoe' },
          code: { text: `Allergène ${n}` },
          recordedDate: 'yesterday',
        }),
      );
    }
  }
  return { observations: lines, mixed, mixedRejects };
}

describe('Observation lines read on other threads', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'parallel-reading-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(['bulk-ndjson-synthea3', 'bundles-synthea2019', 'inferno-uscore'])(
    'give the export read alone, for the public fixtures %s',
    async (set) => {
      const input = path.join(FIXTURES, set);
      const alone = await imported(input, ALONE);
      expect(await imported(input, THREE_THREADS)).toEqual(alone);
    },
    60_000,
  );

  it('give the export read alone, for a demo hospital of 60 patients', async () => {
    const dir = path.join(scratch, 'demo');
    await generateDemoHospital({ patients: 60, seed: 3, asOf: AS_OF, outDir: dir });
    const alone = await imported(dir, ALONE);
    expect(alone.report.resourcesRead['Observation']).toBeGreaterThan(1_000);
    expect(await imported(dir, ONE_THREAD)).toEqual(alone);
    expect(await imported(dir, THREE_THREADS)).toEqual(alone);
    expect(await imported(dir, BEHIND)).toEqual(alone);
  }, 60_000);

  it('give the export read alone, for copies, malformed lines and fields, and odd observations', async () => {
    const dir = path.join(scratch, 'awkward');
    const { observations, mixed, mixedRejects } = awkwardLines();
    const ndjson = (lines: readonly string[]) => `${lines.join('\n')}\n`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'A-directory.ndjson'),
      ndjson(smallHospital().map((r) => JSON.stringify(r))),
    );
    writeFileSync(path.join(dir, 'B-Observation.ndjson'), ndjson(observations));
    writeFileSync(path.join(dir, 'C-mixed.ndjson'), ndjson(mixed));
    const alone = await imported(dir, ALONE);
    // The input does what it says: each case reached the report.
    // o-3 replaced, o-5 removed (its return after removal is no duplicate).
    expect(alone.report.warnings['duplicate-resource']).toBe(2);
    expect(alone.report.warnings['malformed-line']).toBe(1);
    expect(alone.report.rejectedFields.map((f) => `${f.resourceType}/${f.id} ${f.field}`)).toEqual([
      'Observation/o-9001 effectiveDateTime',
      ...mixedRejects,
    ]);
    expect(alone.report.resourcesRead['Patient']).toBe(6);
    expect(await imported(dir, ONE_THREAD)).toEqual(alone);
    expect(await imported(dir, THREE_THREADS)).toEqual(alone);
    expect(await imported(dir, BEHIND)).toEqual(alone);
  }, 60_000);
});

describe('a reader thread that stops', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'parallel-stop-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Everything the pool tells the importer, by the place of the line it is about. */
  async function settled(lines: readonly string[], script?: URL) {
    const events: string[] = [];
    let position = 0;
    const sink: RemoteSink = {
      reserve: () => ({ position: position, slot: position++ }),
      settle: (at, read) =>
        events.push(
          read === 'vacant'
            ? `${at.position} vacant`
            : `${at.position} ${read.type}/${read.id} ${typeof read.outcome === 'symbol' ? 'unchanged' : JSON.stringify(read.outcome)}`,
        ),
      failed: () => events.push('failed'),
      malformedLine: () => events.push('malformed line'),
      readHere: (line) => events.push(`here ${line}`),
      warn: (kind, n) => events.push(`warn ${kind} ${n}`),
      reject: (field, at) => events.push(`reject ${at} ${field.field}`),
    };
    const clock = { asOf: AS_OF.getTime(), timeZone: 'Europe/Brussels' };
    const pool = new ReaderPool(sink, clock, 1, 2, script);
    try {
      for (const line of lines) pool.add(Buffer.from(line));
      await pool.drain();
    } finally {
      await pool.close();
    }
    return events.sort();
  }

  const lines = [
    ...Array.from({ length: 700 }, (_, n) => JSON.stringify(vital(n, 'p-zoe'))),
    JSON.stringify({
      resourceType: 'MedicationAdministration',
      id: 'ma-1',
      status: 'completed',
      subject: { reference: 'Patient/p-zoe' },
      medicationCodeableConcept: { text: 'Paracétamol 1 g' },
      effectiveDateTime: '2026-11-27T08:00:00+01:00',
    }),
    '{"resourceType":"Observation",',
    JSON.stringify(vital(7_000, 'p-zoe', { issued: 'never' })),
  ];

  it('has its batches read by the importer: the same outcomes, at the same places', async () => {
    const expected = await settled(lines);
    expect(expected.filter((e) => e.startsWith('reject'))).toEqual(['reject 702 issued']);
    expect(expected.some((e) => e.startsWith('700 MedicationAdministration/ma-1 {'))).toBe(true);
    const crashes = path.join(scratch, 'crashes.mjs');
    writeFileSync(
      crashes,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('out of memory'); });\n",
    );
    expect(await settled(lines, pathToFileURL(crashes))).toEqual(expected);
    const exits = path.join(scratch, 'exits.mjs');
    writeFileSync(
      exits,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    expect(await settled(lines, pathToFileURL(exits))).toEqual(expected);
    expect(await settled(lines, pathToFileURL(path.join(scratch, 'missing.mjs')))).toEqual(
      expected,
    );
  }, 60_000);
});
