/**
 * `downtime verify X.dtx --trust site.pub… [--json]`: the summary, the exact JSON shape, and
 * one clear line (exit 1) for every bad input.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeExport } from '../../../electron/core/format/dtx.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { manifestInput, sqliteImage } from '../format/helpers.ts';
import { expectRefusal, run } from './capture.ts';
import { MANIFEST_FORMAT } from '../../../electron/core/model.ts';

let d: string;
let good: string;
let fingerprint: string;
let bytes: Uint8Array;

beforeAll(async () => {
  d = mkdtempSync(join(tmpdir(), 'dtx-cli-verify-'));
  const siteKey = generateSiteKey();
  fingerprint = siteKey.fingerprint;
  writeSiteKeyFiles(siteKey, join(d, 'site.key'));
  mkdirSync(join(d, 'trust'));
  writeSiteKeyFiles(generateSiteKey(), join(d, 'trust', 'other.key'));
  writeSiteKeyFiles(generateSiteKey(), join(d, 'stranger.key'));
  const device = await generateDeviceIdentity();
  bytes = await writeExport({
    manifest: manifestInput({ demo: true }),
    sqlite: sqliteImage(),
    recipients: [device.recipient],
    siteKey,
  });
  good = join(d, 'export.dtx');
  writeFileSync(good, bytes);
});

describe('downtime verify', () => {
  test('--json prints exactly {"manifest": {...}}', async () => {
    const r = await run('verify', good, '--trust', join(d, 'site.pub'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['manifest']);
    expect(json.manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      exportId: 'exp-0001',
      sequence: 7,
      dataAsOf: '2026-11-28T08:55:00Z',
      site: { id: 'site-1', name: 'St Elsewhere General' },
      demo: true,
      payload: {
        size: expect.any(Number) as number,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      },
    });
  });

  test('the summary names the signer, the export and DEMO DATA', async () => {
    const r = await run('verify', good, '--trust', join(d, 'site.pub'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('verified');
    expect(r.stdout).toContain(fingerprint);
    expect(r.stdout).toContain('exp-0001, sequence 7');
    expect(r.stdout).toContain('DEMO DATA');
  });

  test('several trust paths: repeated --trust, folders, and *.pub arguments as a glob gives them', async () => {
    expect(
      (await run('verify', good, '--trust', join(d, 'trust'), '--trust', join(d, 'site.pub'))).code,
    ).toBe(0);
    expect(
      (await run('verify', good, '--trust', join(d, 'trust', 'other.pub'), join(d, 'site.pub')))
        .code,
    ).toBe(0);
    expect((await run('verify', '--trust', join(d, 'site.pub'), good)).code).toBe(0);
  });

  test('refusals: one line on stderr, exit 1', async () => {
    const trust = ['--trust', join(d, 'site.pub')];
    expect(expectRefusal(await run('verify', good, '--trust', join(d, 'stranger.pub')))).toMatch(
      /not trust.*site\.pub/,
    );
    expect(expectRefusal(await run('verify', join(d, 'missing.dtx'), ...trust))).toContain(
      'missing.dtx',
    );
    expect(expectRefusal(await run('verify', good, '--trust', join(d, 'missing.pub')))).toContain(
      'missing.pub',
    );

    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated.dtx', bytes.subarray(0, bytes.length - 10), /incomplete/],
      ['junk.dtx', Buffer.concat([bytes, Buffer.from('junk')]), /do not match its signed manifest/],
      ['text.dtx', Buffer.from('hello, world\n'), /not a downtime export/],
      ['empty.dtx', Buffer.alloc(0), /incomplete/],
    ];
    const tampered = Buffer.from(bytes);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    cases.push(['tampered.dtx', tampered, /signature/]);
    for (const [name, content, message] of cases) {
      writeFileSync(join(d, name), content);
      expect(expectRefusal(await run('verify', join(d, name), ...trust))).toMatch(message);
      expect(expectRefusal(await run('verify', join(d, name), ...trust, '--json'))).toMatch(
        message,
      );
    }
  });

  test('usage errors exit 2', async () => {
    expect((await run('verify', good)).code).toBe(2);
    expect((await run('verify', '--trust', join(d, 'site.pub'))).code).toBe(2);
    expect((await run('verify', good, good, '--trust', join(d, 'site.pub'))).code).toBe(2);
    expect((await run('verify', good, '--trust', join(d, 'site.pub'), '--bogus')).code).toBe(2);
    const help = await run('verify', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('downtime verify X.dtx --trust site.pub… [--json]');
  });
});
