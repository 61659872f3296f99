/**
 * `downtime inspect`: a real export (the importer over the Inferno US Core fixtures, which
 * have one patient in an in-progress stay) is verified, decrypted with a keygen'd device
 * identity and shown — exact JSON shape, census, `--patient` chart — and every bad input is
 * one line on stderr with exit 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { writeExport } from '../../../electron/core/format/dtx.ts';
import {
  generateDeviceIdentity,
  sealIdentity,
} from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { AS_OF, patient, smallHospital, stay, writeBundle } from '../fhir/small-hospital.ts';
import { manifestInput } from '../format/helpers.ts';
import { expectRefusal, run } from './capture.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/fhir/inferno-uscore');

let d: string;
let dtx: string;
let twinsDtx: string;
let args: string[];
let patientName: string;

beforeAll(async () => {
  d = mkdtempSync(join(tmpdir(), 'dtx-cli-inspect-'));
  // While the Inferno in-progress stay runs (2015-02-15 14:30–16:30 +01:00).
  const { db } = await importFhir([FIXTURES], { asOf: new Date('2015-02-15T15:00:00+01:00') });
  const image = db.serialize();
  db.close();
  const siteKey = generateSiteKey();
  writeSiteKeyFiles(siteKey, join(d, 'site.key'));
  const device = await generateDeviceIdentity();
  writeFileSync(
    join(d, 'device.key'),
    await sealIdentity(device.identity, 'ward passphrase', { workFactor: 10 }),
  );
  writeFileSync(join(d, 'pass.txt'), 'ward passphrase\n');
  writeFileSync(join(d, 'wrong.txt'), 'not the passphrase\n');
  const other = await generateDeviceIdentity();
  writeFileSync(
    join(d, 'other.key'),
    await sealIdentity(other.identity, 'ward passphrase', { workFactor: 10 }),
  );
  dtx = join(d, 'export.dtx');
  writeFileSync(
    dtx,
    await writeExport({
      manifest: manifestInput(),
      sqlite: image,
      recipients: [device.recipient],
      siteKey,
    }),
  );
  // The small hospital with a second patient on MRN0002 (Œuvrard's).
  const bundle = writeBundle(
    smallHospital([
      patient('p-twin', 'Claes', 'Anna', 'MRN0002', '1980-01-01'),
      stay('e-twin', 'p-twin', 'b2a-01', '2026-11-27T08:00:00+01:00'),
    ]),
  );
  const twins = await importFhir([bundle.file], { asOf: AS_OF });
  bundle.cleanup();
  twinsDtx = join(d, 'twins.dtx');
  writeFileSync(
    twinsDtx,
    await writeExport({
      manifest: manifestInput(),
      sqlite: twins.db.serialize(),
      recipients: [device.recipient],
      siteKey,
    }),
  );
  twins.db.close();
  args = [
    '--trust',
    join(d, 'site.pub'),
    '--identity',
    join(d, 'device.key'),
    '--passphrase-file',
    join(d, 'pass.txt'),
  ];
});

describe('downtime inspect', () => {
  test('--json: manifest, the seven counts, wards with their census', async () => {
    const r = await run('inspect', dtx, ...args, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      manifest: Record<string, unknown>;
      counts: Record<string, number>;
      wards: {
        id: string;
        name: string;
        census: { mrn: string; name: string; bed: string | null }[];
      }[];
    };
    expect(Object.keys(json)).toEqual(['manifest', 'counts', 'wards']);
    expect(json.manifest).toMatchObject({
      exportId: 'exp-0001',
      sequence: 7,
      dataAsOf: '2026-11-28T08:55:00Z',
    });
    expect(Object.keys(json.counts).sort()).toEqual(
      [
        'administrations',
        'allergies',
        'census',
        'medicationOrders',
        'notes',
        'observations',
        'patients',
      ].sort(),
    );
    expect(json.counts.census).toBe(1);
    const withPatients = json.wards.filter((w) => w.census.length > 0);
    expect(withPatients).toHaveLength(1);
    const row = withPatients[0]?.census[0];
    expect(Object.keys(row ?? {})).toEqual(['mrn', 'name', 'bed']);
    expect(Object.keys(withPatients[0] ?? {})).toEqual(['id', 'name', 'census']);
    patientName = row?.name ?? '';
    expect(patientName.length).toBeGreaterThan(0);
  });

  test('--patient MRN adds that patient’s chart', async () => {
    const list = JSON.parse((await run('inspect', dtx, ...args, '--json')).stdout) as {
      wards: { census: { mrn: string; name: string }[] }[];
    };
    const row = list.wards.flatMap((w) => w.census)[0];
    const r = await run('inspect', dtx, ...args, '--json', '--patient', row?.mrn ?? '');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      chart: { patient: { mrn: string; name: string }; allergies: unknown[] };
    };
    expect(json.chart.patient.mrn).toBe(row?.mrn);
    expect(json.chart.patient.name).toBe(row?.name);
    expect(Array.isArray(json.chart.allergies)).toBe(true);

    const human = await run('inspect', dtx, ...args, '--patient', row?.mrn ?? '');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`MRN ${row?.mrn}`);
    expect(human.stdout).toContain('medications (');
  });

  test('--charts all prints every chart, one JSON object per line, and nothing else', async () => {
    const r = await run(
      'inspect',
      dtx,
      ...args,
      '--charts',
      'all',
      '--at',
      '2015-02-15T15:00:00+01:00',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const charts = lines.map((l) => JSON.parse(l) as { patient: { id: string }; stay: unknown });
    expect(charts.map((c) => c.patient.id)).toContain('usqualitycore-patient');
    expect(charts.filter((c) => c.stay !== null)).toHaveLength(1);
  });

  test('--at gives the due times as of that instant', async () => {
    const at = async (iso: string) => {
      const r = await run(
        'inspect',
        twinsDtx,
        ...args,
        '--json',
        '--patient',
        'MRN0001',
        '--at',
        iso,
      );
      const json = JSON.parse(r.stdout) as {
        chart: { medications: { id: string; nextDue: { at: string }[] }[] };
      };
      return json.chart.medications
        .find((m) => m.id === 'm-helene-insulin')
        ?.nextDue.map((d) => d.at);
    };
    // Daily at 08:00 Brussels: at 07:30 the next is today's, at 08:30 tomorrow's.
    expect(await at('2026-11-28T07:30:00+01:00')).toEqual(['2026-11-28T07:00:00.000Z']);
    expect(await at('2026-11-28T08:30:00+01:00')).toEqual(['2026-11-29T07:00:00.000Z']);
    expect(expectRefusal(await run('inspect', dtx, ...args, '--at', 'tomorrow'))).toMatch(
      /--at "tomorrow" is not an ISO instant/,
    );
  });

  test('--patient with an MRN two patients share says it is ambiguous and lists them', async () => {
    const refusal = expectRefusal(await run('inspect', twinsDtx, ...args, '--patient', 'MRN0002'));
    expect(refusal).toMatch(/MRN MRN0002 is ambiguous: 2 patients share it/);
    expect(refusal).toContain('p-twin');
    expect(refusal).toContain('p-oeuvrard');
    const one = await run('inspect', twinsDtx, ...args, '--json', '--patient', 'p-twin');
    expect(
      (JSON.parse(one.stdout) as { chart: { patient: { id: string } } }).chart.patient.id,
    ).toBe('p-twin');
  });

  test('the summary names the signer, the counts and the census', async () => {
    const r = await run('inspect', dtx, ...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('verified and decrypted');
    expect(r.stdout).toContain('records:');
    expect(r.stdout).toContain(patientName);
  });

  test('refusals: one line on stderr, exit 1', async () => {
    const trust = ['--trust', join(d, 'site.pub')];
    const pass = ['--passphrase-file', join(d, 'pass.txt')];
    expect(
      expectRefusal(
        await run(
          'inspect',
          dtx,
          ...trust,
          '--identity',
          join(d, 'device.key'),
          '--passphrase-file',
          join(d, 'wrong.txt'),
        ),
      ),
    ).toMatch(/Wrong ward passphrase/);
    expect(
      expectRefusal(
        await run('inspect', dtx, ...trust, '--identity', join(d, 'other.key'), ...pass),
      ),
    ).toMatch(/not encrypted for this laptop \(recipient age1/);
    expect(
      expectRefusal(
        await run('inspect', dtx, ...trust, '--identity', join(d, 'missing.key'), ...pass),
      ),
    ).toContain('missing.key');
    expect(
      expectRefusal(
        await run('inspect', dtx, ...trust, '--identity', join(d, 'pass.txt'), ...pass),
      ),
    ).toMatch(/damaged/);
    expect(expectRefusal(await run('inspect', dtx, ...args, '--patient', 'NO-SUCH-MRN'))).toMatch(
      /No patient with MRN or record id NO-SUCH-MRN/,
    );
    writeSiteKeyFiles(generateSiteKey(), join(d, 'stranger.key'));
    expect(
      expectRefusal(
        await run(
          'inspect',
          dtx,
          '--trust',
          join(d, 'stranger.pub'),
          '--identity',
          join(d, 'device.key'),
          ...pass,
        ),
      ),
    ).toMatch(/does not trust/);
    writeFileSync(
      join(d, 'safe.key'),
      Buffer.concat([Buffer.from('DTXSAFE1\n'), Buffer.alloc(100)]),
    );
    expect(
      expectRefusal(
        await run('inspect', dtx, ...trust, '--identity', join(d, 'safe.key'), ...pass),
      ),
    ).toMatch(/OS account/);
  });

  test('usage errors exit 2', async () => {
    expect((await run('inspect', dtx, '--trust', join(d, 'site.pub'))).code).toBe(2);
    expect(
      (
        await run(
          'inspect',
          dtx,
          '--trust',
          join(d, 'site.pub'),
          '--identity',
          join(d, 'device.key'),
        )
      ).code,
    ).toBe(2);
    expect((await run('inspect', ...args)).code).toBe(2);
    const help = await run('inspect', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--patient MRN');
  });
});
