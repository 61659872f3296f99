/** `downtime settings sign|verify`: IT signs the laptops' IT settings with the site key. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';
import { verifyItSettings } from '../../../electron/core/settings/it-settings.ts';
import { expectRefusal, run } from './capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { keyPath, pubPath } = writeSiteKeyFiles(generateSiteKey(), join(dir, 'site.key'));

describe('downtime settings', () => {
  it('signs IT settings that a laptop trusting the site key accepts, and verify prints them', async () => {
    const input = join(dir, 'it.json');
    writeFileSync(input, JSON.stringify({ settings: { inboxDir: 'D:/inbox', keep: 4 } }));
    const out = join(dir, 'settings.signed');
    const signed = await run('settings', 'sign', '--sign', keyPath, '--in', input, '--out', out);
    expect(signed).toMatchObject({ code: 0, stderr: '' });
    expect(signed.stdout).toMatch(/IT settings signed by SHA256:/);
    const payload = verifyItSettings(readFileSync(out, 'utf8'), loadTrustStore([pubPath]));
    expect(payload.settings).toEqual({ inboxDir: 'D:/inbox', keep: 4 });
    const shown = await run('settings', 'verify', out, '--trust', pubPath);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ settings: { keep: 4 } });
  });

  it('refuses to sign a clinical setting (the ward keeps those) with one clear line', async () => {
    const input = join(dir, 'clinical.json');
    writeFileSync(input, JSON.stringify({ settings: { lockTimeoutSeconds: 60 } }));
    const line = expectRefusal(
      await run('settings', 'sign', '--sign', keyPath, '--in', input, '--out', join(dir, 'x')),
    );
    expect(line).toMatch(/only inboxDir, trustDir, storeDir, keep/);
  });

  it('verify refuses a file signed by a key the trust store does not hold', async () => {
    const other = writeSiteKeyFiles(generateSiteKey(), join(dir, 'other.key'));
    const input = join(dir, 'it2.json');
    writeFileSync(input, JSON.stringify({ settings: { keep: 1 } }));
    const out = join(dir, 'other.signed');
    await run('settings', 'sign', '--sign', other.keyPath, '--in', input, '--out', out);
    expect(expectRefusal(await run('settings', 'verify', out, '--trust', pubPath))).toMatch(
      /does not trust/,
    );
  });
});
