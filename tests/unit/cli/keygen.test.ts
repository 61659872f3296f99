/**
 * `downtime keygen site|device` (DESIGN.md §5): files, permissions, printed values, and the
 * refusals (exit 1, one line) and usage errors (exit 2).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDeviceIdentity, recipientOf } from '../../../electron/core/keys/device-identity.ts';
import { loadSiteKey } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';
import { expectRefusal, run } from './capture.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'dtx-cli-keygen-'));
const unix = process.platform !== 'win32';

describe('downtime keygen site', () => {
  test('writes site.key (0600) and site.pub, prints the fingerprint', async () => {
    const d = dir();
    const r = await run('keygen', 'site', '--out', join(d, 'site.key'));
    expect(r.code).toBe(0);
    const fingerprint = r.stdout.trim();
    expect(fingerprint).toMatch(/^SHA256:[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(r.stderr).toContain('site.pub');
    expect(loadSiteKey(join(d, 'site.key')).fingerprint).toBe(fingerprint);
    expect(loadTrustStore([join(d, 'site.pub')]).signers[0]?.fingerprint).toBe(fingerprint);
    if (unix) expect(statSync(join(d, 'site.key')).mode & 0o777).toBe(0o600);
  });

  test('refuses to overwrite an existing key (exit 1, one line naming it)', async () => {
    const d = dir();
    const path = join(d, 'site.key');
    expect((await run('keygen', 'site', '--out', path)).code).toBe(0);
    const before = readFileSync(path, 'utf8');
    expect(expectRefusal(await run('keygen', 'site', '--out', path))).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  test('usage errors exit 2', async () => {
    expect((await run('keygen', 'site')).code).toBe(2);
    expect((await run('keygen')).code).toBe(2);
    expect((await run('keygen', 'laptop', '--out', 'x')).code).toBe(2);
    expect((await run('keygen', 'site', '--out', 'x', '--passphrase-file', 'p')).code).toBe(2);
    expect((await run('keygen', 'site', '--out', 'x', '--bogus')).code).toBe(2);
    const help = await run('keygen', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('keygen device --out device.key --passphrase-file F');
  });
});

describe('downtime keygen device', () => {
  test('writes the sealed identity (0600) and its recipient file, prints the recipient', async () => {
    const d = dir();
    writeFileSync(join(d, 'pass.txt'), 'ward 4 night shift\n');
    const out = join(d, 'device.key');
    const r = await run('keygen', 'device', '--out', out, '--passphrase-file', join(d, 'pass.txt'));
    expect(r.code).toBe(0);
    const recipient = r.stdout.trim();
    expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(readFileSync(`${out}.recipient.txt`, 'utf8')).toBe(`${recipient}\n`);
    if (unix) expect(statSync(out).mode & 0o777).toBe(0o600);
    const identity = await loadDeviceIdentity(out, 'ward 4 night shift');
    expect(recipientOf(identity)).toBe(recipient);
    expect(readFileSync(out).includes(Buffer.from(identity))).toBe(false);
  });

  test('refusals: missing or empty passphrase file, existing identity', async () => {
    const d = dir();
    const out = join(d, 'device.key');
    expect(
      expectRefusal(
        await run('keygen', 'device', '--out', out, '--passphrase-file', join(d, 'nope')),
      ),
    ).toContain('nope');
    writeFileSync(join(d, 'empty'), '');
    expect(
      expectRefusal(
        await run('keygen', 'device', '--out', out, '--passphrase-file', join(d, 'empty')),
      ),
    ).toContain('empty');
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, 'precious');
    writeFileSync(join(d, 'pass'), 'p');
    expect(
      expectRefusal(
        await run('keygen', 'device', '--out', out, '--passphrase-file', join(d, 'pass')),
      ),
    ).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });

  test('usage: --passphrase-file is required', async () => {
    expect((await run('keygen', 'device', '--out', join(dir(), 'device.key'))).code).toBe(2);
  });
});
