import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { writeExport } from '../../../electron/core/format/dtx.ts';
import {
  generateDeviceIdentity,
  sealIdentity,
} from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { expectRefusal, run } from '../cli/capture.ts';
import { AS_OF, smallHospital, writeBundle } from '../fhir/small-hospital.ts';
import { pageTexts } from './fixtures.ts';

let dir: string;
let common: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-cli-print-'));
  const bundle = writeBundle(smallHospital());
  const { db } = await importFhir([bundle.file], { asOf: AS_OF, wards: ['w3b'] });
  bundle.cleanup();
  const sqlite = toSqliteImage(db);
  db.close();
  const siteKey = generateSiteKey();
  const { pubPath } = writeSiteKeyFiles(siteKey, path.join(dir, 'site.key'));
  const { identity, recipient } = await generateDeviceIdentity();
  // A low scrypt cost keeps the test fast; the format is the same as enrolment's.
  fs.writeFileSync(
    path.join(dir, 'device.key'),
    await sealIdentity(identity, 'ward 3B passphrase', { workFactor: 10 }),
  );
  fs.writeFileSync(path.join(dir, 'pass.txt'), 'ward 3B passphrase\n');
  const dtx = await writeExport({
    manifest: {
      site: { id: 'chu', name: 'CHU Démo' },
      exportId: 'exp-cli',
      sequence: 1,
      createdAt: AS_OF.toISOString(),
      dataAsOf: AS_OF.toISOString(),
      scope: { wards: ['w3b'] },
      counts: {},
      demo: true,
    },
    sqlite,
    recipients: [recipient],
    siteKey,
  });
  fs.writeFileSync(path.join(dir, 'x.dtx'), dtx);
  common = [
    path.join(dir, 'x.dtx'),
    '--trust',
    pubPath,
    '--identity',
    path.join(dir, 'device.key'),
    '--passphrase-file',
    path.join(dir, 'pass.txt'),
  ];
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const outFile = (name: string): string => path.join(dir, name);

describe('downtime print', () => {
  it('writes the handover of a ward to a PDF and says how many pages', async () => {
    const out = outFile('handover.pdf');
    const r = await run(
      'print',
      ...common,
      '--report',
      'handover',
      '--ward',
      'w3b',
      '--user',
      'IT night shift',
      '--out',
      out,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/handover\.pdf: \d+ pages? \(handover\)/);
    const texts = await pageTexts(fs.readFileSync(out));
    expect(texts[0]).toContain('MRN MRN0001');
    expect(texts[0]).toMatch(/by IT night shift — page 1\/\d+/);
    expect(texts[0]).toContain('DEMO DATA — not real patients');
    expect(fs.existsSync(`${out}.part`)).toBe(false);
  });

  it('finds a patient by MRN and a ward by name, in the language asked for, on Letter paper', async () => {
    const summary = outFile('summary.pdf');
    expect(
      (
        await run(
          'print',
          ...common,
          '--report',
          'summary',
          '--patient',
          'MRN0001',
          '--lang',
          'nl',
          '--out',
          summary,
        )
      ).code,
    ).toBe(0);
    expect((await pageTexts(fs.readFileSync(summary)))[0]).toContain(
      'Samenvatting patiëntendossier',
    );
    const mar = outFile('mar.pdf');
    const r = await run(
      'print',
      ...common,
      '--report',
      'mar',
      '--ward',
      'Médecine interne 3B',
      '--paper',
      'Letter',
      '--start',
      '2026-11-28T07:00:00+01:00',
      '--out',
      mar,
    );
    expect(r.code).toBe(0);
    expect((await pageTexts(fs.readFileSync(mar))).join('\n')).toContain(
      'From 2026-11-28 07:00 to 2026-11-29 07:00',
    );
  });

  it('refuses with one line, and leaves no file, when the ward, patient, passphrase or folder is wrong', async () => {
    const out = outFile('refused.pdf');
    expect(
      expectRefusal(
        await run('print', ...common, '--report', 'census', '--ward', 'nowhere', '--out', out),
      ),
    ).toMatch(/no ward "nowhere"/);
    expect(
      expectRefusal(
        await run('print', ...common, '--report', 'summary', '--patient', 'MRN9999', '--out', out),
      ),
    ).toMatch(/MRN/);
    const wrongPass = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrongPass, 'not it\n');
    const withWrongPass = common.map((arg) => (arg.endsWith('pass.txt') ? wrongPass : arg));
    expectRefusal(await run('print', ...withWrongPass, '--report', 'census', '--out', out));
    expect(
      expectRefusal(
        await run(
          'print',
          ...common,
          '--report',
          'census',
          '--out',
          path.join(dir, 'missing', 'x.pdf'),
        ),
      ),
    ).toMatch(/Cannot write/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('answers wrong usage with exit 2 and the usage text', async () => {
    const noOut = await run('print', ...common, '--report', 'census');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out');
    const badReport = await run(
      'print',
      ...common,
      '--report',
      'letter',
      '--out',
      outFile('x.pdf'),
    );
    expect(badReport.code).toBe(2);
    expect(badReport.stderr).toContain('--report must be one of handover, mar, census, summary');
    expect(
      (
        await run(
          'print',
          ...common,
          '--report',
          'mar',
          '--start',
          'tomorrow',
          '--out',
          outFile('x.pdf'),
        )
      ).code,
    ).toBe(2);
    expect((await run('print', '--help')).stdout).toContain('--report KIND');
  });
});
