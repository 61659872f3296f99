/**
 * `downtime export` end to end: FHIR in, a signed and encrypted .dtx out that verifies,
 * decrypts with a listed device and opens with the imported census; clear refusals otherwise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import { censusByWard, exportInfo } from '../../../electron/core/db/queries.ts';
import { decryptExport } from '../../../electron/core/format/dtx.ts';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import {
  generateDeviceIdentity,
  sealIdentity,
} from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';
import { smallHospital, writeBundle } from '../fhir/small-hospital.ts';
import { expectRefusal, run } from './capture.ts';

let d: string;
let bundle: { file: string; cleanup: () => void };
let device: { identity: string; recipient: string };
let other: { identity: string; recipient: string };

beforeAll(async () => {
  d = mkdtempSync(join(tmpdir(), 'dtv-cli-export-'));
  writeSiteKeyFiles(generateSiteKey(), join(d, 'site.key'));
  device = await generateDeviceIdentity();
  other = await generateDeviceIdentity();
  writeFileSync(join(d, 'recipients.txt'), `# ward 3B laptops\n${other.recipient}  # spare\n\n`);
  bundle = writeBundle(smallHospital());
});
afterAll(() => {
  bundle.cleanup();
  rmSync(d, { recursive: true, force: true });
});

const baseArgs = () => [
  'export',
  '--fhir',
  bundle.file,
  '--sign',
  join(d, 'site.key'),
  '--as-of',
  '2026-11-28T08:00:00+01:00',
];

describe('downtime export', () => {
  test('writes an export that verifies, opens for every listed device, and holds the census', async () => {
    const out = join(d, 'ward.dtx');
    const r = await run(
      ...baseArgs(),
      '--to',
      device.recipient,
      '--to',
      join(d, 'recipients.txt'),
      '--out',
      out,
      '--wards',
      'w3b,Chirurgie 2A',
      '--site-id',
      'chu-nord',
      '--site-name',
      'CHU Nord',
      '--sequence',
      '42',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Import as of 2026-11-28T07:00:00.000Z: 5 patients, 4 in the census/);
    expect(r.stdout).toMatch(
      /Wrote .*ward\.dtx: export [0-9a-f-]{36}, sequence 42, 5 patients \(4 in the census\), for 2 device\(s\)/,
    );
    expect(existsSync(`${out}.part`)).toBe(false);

    const bytes = readFileSync(out);
    const trust = loadTrustStore([join(d, 'site.pub')]);
    for (const identity of [device.identity, other.identity]) {
      const { manifest, sqlite } = await decryptExport(bytes, trust, identity);
      expect(manifest).toMatchObject({
        site: { id: 'chu-nord', name: 'CHU Nord' },
        sequence: 42,
        dataAsOf: '2026-11-28T07:00:00.000Z',
        // Ward names and their site in the signed header: the unlock screen names them.
        scope: {
          wards: [
            { id: 'w2a', name: 'Chirurgie 2A', siteId: 'site-nord', siteName: 'Site Nord' },
            { id: 'w3b', name: 'Médecine interne 3B', siteId: 'site-nord', siteName: 'Site Nord' },
          ],
        },
        counts: {
          patients: 5,
          census: 4,
          allergies: 1,
          medicationOrders: 3,
          administrations: 0,
          observations: 0,
          notes: 0,
        },
        demo: false,
      });
      const db = openReadonlyDb(sqlite);
      expect(exportInfo(db)).toMatchObject({ siteId: 'chu-nord', demo: false });
      expect(censusByWard(db, 'w3b').map((p) => p.bed)).toEqual(['2A', '12A', '12B']);
      db.close();
    }
  });

  test('defaults the sequence to the creation time in epoch seconds and marks --demo', async () => {
    const out = join(d, 'demo.dtx');
    const before = Math.floor(Date.now() / 1000);
    const r = await run(...baseArgs(), '--to', device.recipient, '--out', out, '--demo');
    expect(r.code, r.stderr).toBe(0);
    const { manifest } = await decryptExport(
      readFileSync(out),
      loadTrustStore([join(d, 'site.pub')]),
      device.identity,
    );
    expect(manifest.sequence).toBeGreaterThanOrEqual(before);
    expect(manifest.sequence).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(manifest.demo).toBe(true);
    expect(manifest.site).toEqual({ id: 'site-nord', name: 'Site Nord' });
  });

  test('refuses usage errors with exit 2', async () => {
    expect((await run('export', '--sign', 'x', '--to', device.recipient, '--out', 'x')).code).toBe(
      2,
    );
    expect((await run(...baseArgs(), '--out', join(d, 'x.dtx'))).code).toBe(2);
    expect(
      (
        await run(
          ...baseArgs(),
          '--to',
          device.recipient,
          '--out',
          join(d, 'x.dtx'),
          '--as-of',
          'yesterday',
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          ...baseArgs(),
          '--to',
          device.recipient,
          '--out',
          join(d, 'x.dtx'),
          '--sequence',
          '-3',
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          ...baseArgs(),
          '--to',
          device.recipient,
          '--out',
          join(d, 'x.dtx'),
          '--wards',
          ' , ',
        )
      ).code,
    ).toBe(2);
  });

  test('refuses bad keys, recipients and wards with one line naming the cause', async () => {
    const out = join(d, 'never.dtx');
    expect(
      expectRefusal(await run(...baseArgs(), '--to', join(d, 'missing.txt'), '--out', out)),
    ).toMatch(/recipients file/);
    expect(expectRefusal(await run(...baseArgs(), '--to', 'age1notreally', '--out', out))).toMatch(
      /age1/,
    );
    expect(
      expectRefusal(
        await run(...baseArgs(), '--to', device.recipient, '--out', out, '--wards', 'ICU'),
      ),
    ).toMatch(/no ward "ICU"/);
    expect(
      expectRefusal(
        await run(...baseArgs(), '--to', device.recipient, '--out', out, '--fhir', join(d, 'nope')),
      ),
    ).toMatch(/does not exist/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('demo → export → inspect --json', () => {
  test('round-trips with the shape of DESIGN.md section 5', async () => {
    const asOf = '2026-11-28T07:00:00.000Z';
    await generateDemoHospital({
      patients: 25,
      seed: 7,
      asOf: new Date(asOf),
      outDir: join(d, 'demo'),
    });
    // A cheap scrypt work factor: this test is about the data, not the key sealing.
    writeFileSync(
      join(d, 'device.key'),
      await sealIdentity(device.identity, 'ward 3B', { workFactor: 10 }),
    );
    writeFileSync(join(d, 'pass.txt'), 'ward 3B\n');
    const out = join(d, 'demo.dtx');
    const exported = await run(
      'export',
      '--fhir',
      join(d, 'demo'),
      '--as-of',
      asOf,
      '--sign',
      join(d, 'site.key'),
      '--to',
      device.recipient,
      '--out',
      out,
      '--demo',
      '--sequence',
      '9',
    );
    expect(exported.code, exported.stderr).toBe(0);

    const r = await run(
      'inspect',
      out,
      '--trust',
      join(d, 'site.pub'),
      '--identity',
      join(d, 'device.key'),
      '--passphrase-file',
      join(d, 'pass.txt'),
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      manifest: Record<string, unknown>;
      counts: Record<string, number>;
      wards: {
        id: string;
        name: string;
        census: { mrn: string; name: string; bed: string | null }[];
      }[];
    };
    expect(json.manifest).toMatchObject({
      sequence: 9,
      dataAsOf: asOf,
      demo: true,
      exportId: expect.any(String) as string,
    });
    expect(Object.keys(json.counts).sort()).toEqual([
      'administrations',
      'allergies',
      'census',
      'medicationOrders',
      'notes',
      'observations',
      'patients',
    ]);
    expect(json.counts['patients']).toBe(25);
    const census = json.wards.flatMap((w) => w.census);
    expect(census).toHaveLength(json.counts['census'] ?? -1);
    expect(census.every((p) => p.mrn && p.name && 'bed' in p)).toBe(true);
    // Admitted in the emergency ward and still waiting for a bed: listed, with bed null.
    expect(census.filter((p) => p.bed).length).toBeGreaterThan(census.length / 2);
  });
});
