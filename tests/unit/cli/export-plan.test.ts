/**
 * `downtime export --plan`: one FHIR import, one sealed export per ward laptop. Each export
 * opens only on its own laptop, holds its ward in full and the rest of the hospital as
 * locator rows; a failed entry is named and the others are still written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import { censusByWard, getChart, listWards } from '../../../electron/core/db/queries.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { decryptExport } from '../../../electron/core/format/dtx.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore, type TrustStore } from '../../../electron/core/keys/trust-store.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import type { Ward } from '../../../electron/core/model.ts';
import { run } from './capture.ts';

const AS_OF = new Date('2026-11-28T07:00:00Z');
const CLOCK = { now: AS_OF, adminTimes: DEFAULT_ADMIN_TIMES, timeZone: 'Europe/Brussels' };

let d: string;
let trust: TrustStore;
let wards: Ward[];
/** The whole hospital imported in one export: what a ward "in full" must match. */
let whole: Buffer;
const laptops: { identity: string; recipient: string }[] = [];

beforeAll(async () => {
  d = mkdtempSync(join(tmpdir(), 'dtv-cli-plan-'));
  writeSiteKeyFiles(generateSiteKey(), join(d, 'site.key'));
  trust = loadTrustStore([join(d, 'site.pub')]);
  await generateDemoHospital({ patients: 90, seed: 11, asOf: AS_OF, outDir: join(d, 'fhir') });
  const { db } = await importFhir([join(d, 'fhir')], { asOf: AS_OF });
  whole = toSqliteImage(db);
  db.close();
  const wholeDb = openReadonlyDb(whole);
  wards = listWards(wholeDb)
    .filter((w) => w.censusCount > 0)
    .slice(0, 3);
  wholeDb.close();
  for (let i = 0; i < 3; i++) laptops.push(await generateDeviceIdentity());
  // Two entries from recipient files, one listed inline: both forms of `to`.
  writeFileSync(join(d, 'ward-0.txt'), `# laptop of ${wards[0]?.name}\n${laptops[0]?.recipient}\n`);
  writeFileSync(join(d, 'ward-1.txt'), `${laptops[1]?.recipient}\n`);
}, 60_000);
afterAll(() => rmSync(d, { recursive: true, force: true }));

function writePlan(name: string, exports: unknown[]): string {
  const file = join(d, name);
  writeFileSync(file, JSON.stringify({ exports }));
  return file;
}

const exportArgs = (plan: string) => [
  'export',
  '--fhir',
  join(d, 'fhir'),
  '--as-of',
  AS_OF.toISOString(),
  '--sign',
  join(d, 'site.key'),
  '--plan',
  plan,
  '--sequence',
  '77',
];

describe('downtime export --plan', () => {
  test('three wards → three exports, each opening only on its own laptop with its ward in full', async () => {
    expect(wards).toHaveLength(3);
    const plan = writePlan('plan.json', [
      { wards: [wards[0]?.id], to: 'ward-0.txt', out: 'out-0.dtx' },
      { wards: [wards[1]?.name], to: 'ward-1.txt', out: 'out-1.dtx' },
      { wards: [wards[2]?.id], to: [laptops[2]?.recipient], out: 'out-2.dtx' },
    ]);
    const r = await run(...exportArgs(plan));
    expect(r.code, r.stderr).toBe(0);
    // One progress line per export, in plan order, each with its own import report.
    const wrote = r.stdout.split('\n').filter((l) => /^\[\d\/3\] Wrote /.test(l));
    expect(wrote).toHaveLength(3);
    wrote.forEach((line, i) => {
      expect(line).toMatch(
        new RegExp(
          `^\\[${i + 1}/3\\] Wrote .*out-${i}\\.dtx: export [0-9a-f-]{36}, sequence 77, 90 patients`,
        ),
      );
    });
    expect(r.stdout.match(/^Import as of /gm)).toHaveLength(3);

    const wholeDb = openReadonlyDb(whole);
    try {
      for (let i = 0; i < 3; i++) {
        const ward = wards[i];
        if (!ward) throw new Error('no ward');
        const bytes = readFileSync(join(d, `out-${i}.dtx`));
        expect(existsSync(join(d, `out-${i}.dtx.part`))).toBe(false);
        // The other laptops cannot open it.
        for (const [j, other] of laptops.entries()) {
          if (j === i) continue;
          await expect(decryptExport(bytes, trust, other.identity)).rejects.toMatchObject({
            kind: 'no-matching-identity',
          });
        }
        const { manifest, sqlite } = await decryptExport(bytes, trust, laptops[i]?.identity ?? '');
        expect(manifest).toMatchObject({ sequence: 77 });
        expect(manifest.scope.wards.map((w) => [w.id, w.name])).toEqual([[ward.id, ward.name]]);
        const db = openReadonlyDb(sqlite);
        try {
          expect(listWards(db).map((w) => [w.id, w.inScope])).toEqual(
            listWards(wholeDb).map((w) => [w.id, w.id === ward.id]),
          );
          // Its own ward in full: every patient and every chart as in the whole-hospital export.
          const own = censusByWard(db, ward.id);
          expect(own).toEqual(censusByWard(wholeDb, ward.id));
          expect(own.length).toBeGreaterThan(0);
          for (const p of own) {
            expect(p.locator).toBe(false);
            expect(getChart(db, p.patientId, CLOCK)).toEqual(getChart(wholeDb, p.patientId, CLOCK));
          }
          // The other wards: where each patient is, nothing more (though the input has more).
          let withheld = 0;
          for (const other of wards.filter((w) => w.id !== ward.id)) {
            const rows = censusByWard(db, other.id);
            expect(rows.map((p) => p.mrn)).toEqual(
              censusByWard(wholeDb, other.id).map((p) => p.mrn),
            );
            for (const p of rows) {
              expect(p.locator).toBe(true);
              const chart = getChart(db, p.patientId, CLOCK);
              expect(chart).toMatchObject({
                locator: true,
                medications: [],
                allergies: [],
                notes: [],
              });
              withheld += getChart(wholeDb, p.patientId, CLOCK)?.medications.length ?? 0;
            }
          }
          expect(withheld).toBeGreaterThan(0);
        } finally {
          db.close();
        }
      }
    } finally {
      wholeDb.close();
    }
  }, 60_000);

  test('a failed entry is named, the others are still written, and the run exits 1', async () => {
    const plan = writePlan('partly-bad.json', [
      { wards: [wards[0]?.id], to: 'ward-0.txt', out: 'ok-0.dtx' },
      { wards: ['no-such-ward'], to: 'ward-1.txt', out: 'bad-ward.dtx' },
      { wards: [wards[1]?.id], to: 'ward-1.txt', out: 'missing-folder/x.dtx' },
      { wards: [wards[2]?.id], to: [laptops[2]?.recipient], out: 'ok-3.dtx' },
    ]);
    const r = await run(...exportArgs(plan));
    expect(r.code).toBe(1);
    expect(existsSync(join(d, 'ok-0.dtx'))).toBe(true);
    expect(existsSync(join(d, 'ok-3.dtx'))).toBe(true);
    expect(existsSync(join(d, 'bad-ward.dtx'))).toBe(false);
    expect(existsSync(join(d, 'bad-ward.dtx.part'))).toBe(false);
    expect(existsSync(join(d, 'missing-folder'))).toBe(false);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[2\/4\] exports\[1\] \(.*bad-ward\.dtx\) failed: .*no ward "no-such-ward"/,
      ),
      expect.stringMatching(
        /^\[3\/4\] exports\[2\] \(.*x\.dtx\) failed: Cannot write .*missing-folder\/x\.dtx \(ENOENT\)/,
      ),
      expect.stringMatching(
        /^downtime export: 2 of 4 plan entries failed \(exports\[1\] .*, exports\[2\] .*\); the other exports were written\.$/,
      ),
    ]);
    expect(r.stdout.match(/^\[\d\/4\] Wrote /gm)).toHaveLength(2);
    // What was written still opens.
    const { manifest } = await decryptExport(
      readFileSync(join(d, 'ok-3.dtx')),
      trust,
      laptops[2]?.identity ?? '',
    );
    expect(manifest.scope.wards.map((w) => w.id)).toEqual([wards[2]?.id]);
  }, 60_000);

  test('a bad plan is refused before the import, naming entry and field', async () => {
    const plan = writePlan('bad.json', [
      { wards: [wards[0]?.id], to: 'ward-0.txt', out: 'never.dtx' },
      { wards: [wards[1]?.id], to: ['age1nope'], out: 'never-2.dtx' },
    ]);
    const r = await run(...exportArgs(plan));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/exports\[1\]\.to\[0\]: "age1nope…" is not an age1… X25519 recipient/);
    expect(existsSync(join(d, 'never.dtx'))).toBe(false);
  });

  test('--plan with --wards, --to or --out is a usage error', async () => {
    const plan = writePlan('one.json', [
      { wards: [wards[0]?.id], to: 'ward-0.txt', out: 'one.dtx' },
    ]);
    expect((await run(...exportArgs(plan), '--out', join(d, 'x.dtx'))).code).toBe(2);
    expect((await run(...exportArgs(plan), '--wards', 'w3b')).code).toBe(2);
  });
});
