/**
 * IT's authority over what a laptop trusts (issue 15, H1): the trust, inbox and store folders
 * and retention come only from a file signed by the site key, verified against the trust store
 * shipped with the app; the ward passphrase and the plain settings.json cannot set them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import { type TrustStore } from '../../../electron/core/keys/trust-store.ts';
import {
  checkClinicalChange,
  laptopSettings,
  signItSettings,
  verifyItSettings,
} from '../../../electron/core/settings/it-settings.ts';
import { DEFAULT_SETTINGS, loadSettings } from '../../../electron/core/settings/settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'it-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = generateSiteKey();
const rogue = generateSiteKey();
const trust: TrustStore = {
  signers: [{ fingerprint: site.fingerprint, publicKey: site.publicKey, source: 'site.pub' }],
};
const payload = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  kind: 'downtime-it-settings',
  version: 1,
  issuedAt: '2026-12-01T08:00:00Z',
  settings,
  ...extra,
});

function files(plain: object, signed: string | null) {
  const settingsFile = join(dir, `settings-${Math.random()}.json`);
  const signedFile = join(dir, `settings-${Math.random()}.signed`);
  writeFileSync(settingsFile, JSON.stringify(plain));
  if (signed !== null) writeFileSync(signedFile, signed);
  return laptopSettings(loadSettings(settingsFile), signedFile, () => trust);
}

describe('signed IT settings', () => {
  it('set the IT fields when signed by a trusted site key', () => {
    const signed = signItSettings(payload({ inboxDir: '/media/inbox', keep: 5 }), site);
    expect(verifyItSettings(signed, trust).settings).toEqual({ inboxDir: '/media/inbox', keep: 5 });
    const loaded = files({ language: 'fr' }, signed);
    expect(loaded.settings).toMatchObject({ inboxDir: '/media/inbox', keep: 5, language: 'fr' });
    expect(loaded.problems).toEqual([]);
  });

  it('an IT field in the plain settings.json (the ward could write it) is ignored and reported', () => {
    const loaded = files({ trustDir: '/media/usb/trust', language: 'nl' }, null);
    expect(loaded.settings.trustDir).toBeNull();
    expect(loaded.settings.language).toBe('nl');
    expect(loaded.problems.join(' ')).toMatch(/"trustDir" in settings.json is ignored/);
  });

  it('refuses a file signed by another key, or edited after signing: IT defaults stay', () => {
    const byRogue = signItSettings(payload({ trustDir: '/media/usb/trust' }), rogue);
    expect(() => verifyItSettings(byRogue, trust)).toThrow(/does not trust/);
    const loaded = files({}, byRogue);
    expect(loaded.settings.trustDir).toBe(DEFAULT_SETTINGS.trustDir);
    expect(loaded.problems.join(' ')).toMatch(/does not trust/);

    const genuine = JSON.parse(signItSettings(payload({ keep: 2 }), site)) as { payload: string };
    const edited = JSON.stringify({
      ...genuine,
      payload: genuine.payload.replace('"keep":2', '"keep":0'),
    });
    expect(() => verifyItSettings(edited, trust)).toThrow(/does not match its signature/);
  });

  it('holds only IT fields: a clinical field in a signed file is refused at signing', () => {
    expect(() => signItSettings(payload({ language: 'fr' }), site)).toThrow(/only inboxDir/);
  });

  it('carries the rollback reset IT decides', () => {
    const signed = signItSettings(payload({}, { rollbackReset: 'ticket-4711' }), site);
    expect(files({}, signed).it?.rollbackReset).toBe('ticket-4711');
  });
});

describe('a change through the app (the ward passphrase)', () => {
  it('may change the clinical settings', () => {
    expect(checkClinicalChange(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, paper: 'Letter' })).toEqual(
      ['paper'],
    );
  });

  it('may not change the trust, inbox or store folder, or retention', () => {
    for (const change of [
      { trustDir: '/x' },
      { inboxDir: '/x' },
      { storeDir: '/x' },
      { keep: 9 },
    ]) {
      expect(() =>
        checkClinicalChange(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ...change }),
      ).toThrow(/only by IT/);
    }
  });
});
