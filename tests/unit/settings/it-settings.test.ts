/**
 * IT's authority over what a laptop trusts (issue 15, H1): the trust, inbox and store folders
 * and retention come only from a file signed by the site key, verified against the trust store
 * shipped with the app; the ward passphrase and the plain settings.json cannot set them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  return laptopSettings(loadSettings(settingsFile), { file: signedFile, trust: () => trust });
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

describe('the IT settings in use are remembered (an old signed file put back)', () => {
  const NOW = new Date('2026-12-01T12:00:00Z');
  const mark = () => ({ file: join(dir, `mark-${Math.random()}`), key: Buffer.alloc(32, 7) });
  const signedAt = (issuedAt: string, settings: Record<string, unknown>) =>
    signItSettings({ ...payload(settings), issuedAt }, site);
  const load = (m: { file: string; key: Buffer }, text: string | null) => {
    const signedFile = join(dir, `signed-${Math.random()}`);
    if (text !== null) writeFileSync(signedFile, text);
    return laptopSettings(loadSettings(join(dir, 'absent.json')), {
      file: signedFile,
      trust: () => trust,
      mark: m,
      now: () => NOW,
    });
  };

  it('refuses a different file signed at the same instant as the one in use', () => {
    const m = mark();
    expect(load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 })).settings.keep).toBe(5);
    const twin = load(m, signedAt('2026-12-01T08:00:00Z', { keep: 1 }));
    expect(twin.settings.keep).toBe(5);
    expect(twin.problems.join(' ')).toMatch(/not after the IT settings in use/);
    // The very same file again is no problem.
    expect(load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 })).problems).toEqual([]);
  });

  it('refuses a file dated after the laptop clock (plus skew), so one bad date cannot block the next', () => {
    const m = mark();
    const future = load(m, signedAt('2026-12-01T18:00:00Z', { keep: 1 }));
    expect(future.settings.keep).toBe(DEFAULT_SETTINGS.keep);
    expect(future.problems.join(' ')).toMatch(/later than this laptop's clock/);
    expect(load(m, signedAt('2026-12-01T09:00:00Z', { keep: 3 })).settings.keep).toBe(3);
  });

  it('keeps the one in use when settings.signed is garbled or gone', () => {
    const m = mark();
    load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 }));
    expect(load(m, '{not json').settings.keep).toBe(5);
    const gone = load(m, null);
    expect(gone.settings.keep).toBe(5);
    expect(gone.problems.join(' ')).toMatch(/missing; the IT settings issued at .* stay in use/);
  });

  const codes = (loaded: { findings: { level: string; fact: { code: string } }[] }) =>
    loaded.findings.map((f) => `${f.level} ${f.fact.code}`);

  it('says each refusal as a readiness fact: older and same-instant red, future amber, garbled red, deleted amber', () => {
    const m = mark();
    const inUse = load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 }));
    expect(inUse.findings).toEqual([]);
    const older = load(m, signedAt('2026-12-01T07:00:00Z', { keep: 2 }));
    expect(older.findings).toEqual([
      {
        level: 'red',
        fact: {
          code: 'it-settings-older',
          values: { issuedAt: '2026-12-01T07:00:00Z', inUseAt: '2026-12-01T08:00:00Z' },
        },
      },
    ]);
    expect(codes(load(m, signedAt('2026-12-01T08:00:00Z', { keep: 1 })))).toEqual([
      'red it-settings-same-instant',
    ]);
    expect(codes(load(m, signedAt('2026-12-01T18:00:00Z', { keep: 1 })))).toEqual([
      'amber it-settings-future',
    ]);
    expect(codes(load(m, '{not json'))).toEqual(['red it-settings-unusable']);
    expect(codes(load(m, null))).toEqual(['amber it-settings-missing']);
    // Through all of it the file issued at 08:00 stayed in use.
    expect(load(m, null).settings.keep).toBe(5);
  });

  it('an edited record is not "no record": settings.signed is not used until IT signs a newer file', () => {
    const m = mark();
    load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 }));
    const record = JSON.parse(readFileSync(m.file, 'utf8')) as { issuedAt: string };
    writeFileSync(m.file, JSON.stringify({ ...record, issuedAt: '2020-01-01T00:00:00Z' }));
    // The old copy put back with it is refused, and so is the file that was in use: which one
    // was in use can no longer be told, so neither is believed.
    for (const text of [
      signedAt('2026-12-01T07:00:00Z', { keep: 2 }),
      signedAt('2026-12-01T08:00:00Z', { keep: 5 }),
    ]) {
      const loaded = load(m, text);
      expect(loaded.problems.join(' ')).toMatch(/was edited or damaged/);
      expect(loaded.settings.keep).toBe(DEFAULT_SETTINGS.keep);
      expect(loaded.findings).toEqual([
        {
          level: 'red',
          fact: { code: 'it-settings-mark-damaged', values: { floor: NOW.toISOString() } },
        },
      ]);
    }
    // IT's file signed after the moment the damage was found re-arms the record.
    const rearmed = load(m, signedAt('2026-12-01T12:30:00Z', { keep: 4 }));
    expect(rearmed.settings.keep).toBe(4);
    expect(rearmed.findings).toEqual([]);
    expect(load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 })).settings.keep).toBe(4);
  });

  it('a record deleted on a laptop that ran before is refused the same way; on a first start it is written', () => {
    const m = mark();
    const first = load(m, null);
    expect(first.findings).toEqual([]);
    // Written even with no settings.signed, so that its deletion shows later.
    expect(readFileSync(m.file, 'utf8')).toMatch(/"signed":""/);
    rmSync(m.file);
    const signedFile = join(dir, `signed-${Math.random()}`);
    writeFileSync(signedFile, signedAt('2026-12-01T08:00:00Z', { keep: 2 }));
    const loaded = laptopSettings(loadSettings(join(dir, 'absent.json')), {
      file: signedFile,
      trust: () => trust,
      mark: m,
      markExpected: true,
      now: () => NOW,
    });
    expect(loaded.settings.keep).toBe(DEFAULT_SETTINGS.keep);
    expect(codes(loaded)).toEqual(['red it-settings-mark-missing']);
    expect(loaded.problems.join(' ')).toMatch(
      /was deleted \(found at .*\); settings.signed is not used/,
    );
  });

  it('a record deleted while the app runs is rewritten from the one it remembers: the old copy stays refused', () => {
    const m = mark();
    const inUse = load(m, signedAt('2026-12-01T08:00:00Z', { keep: 5 }));
    rmSync(m.file);
    const signedFile = join(dir, `signed-${Math.random()}`);
    writeFileSync(signedFile, signedAt('2026-12-01T07:00:00Z', { keep: 2 }));
    const loaded = laptopSettings(loadSettings(join(dir, 'absent.json')), {
      file: signedFile,
      trust: () => trust,
      mark: m,
      markExpected: true,
      remembered: () => inUse.record,
      now: () => NOW,
    });
    expect(loaded.settings.keep).toBe(5);
    expect(codes(loaded)).toEqual(['red it-settings-mark-restored', 'red it-settings-older']);
    // Rewritten: the next start judges by it again.
    expect(load(m, signedAt('2026-12-01T07:00:00Z', { keep: 2 })).settings.keep).toBe(5);
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
