import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReadinessCheck } from '../../../electron/core/api/contract.ts';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { MANIFEST_FORMAT } from '../../../electron/core/model.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';
import { checkReadiness, type ReadinessInput } from '../../../electron/core/readiness/readiness.ts';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings.ts';
import { openStore, type Store } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit } from '../store/make-exports.ts';

const GiB = 1024 ** 3;
const DATA_AS_OF = '2026-11-28T20:00:00Z';

let root: string;
let kit: ExportKit;
let store: Store;
let sources: string;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'readiness-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  store = openStore(join(root, `store-${testNo}`));
  store.enrolRecipient(kit.recipient);
  sources = join(root, `sources-${testNo}`);
  mkdirSync(sources);
});

const hoursAfterData = (hours: number) => new Date(Date.parse(DATA_AS_OF) + hours * 3600 * 1000);

function run(
  overrides: Partial<ReadinessInput> = {},
): Record<ReadinessCheck['id'], ReadinessCheck> {
  const checks = checkReadiness({
    now: hoursAfterData(1),
    store,
    settings: DEFAULT_SETTINGS,
    identityPresent: true,
    trust: kit.trust,
    freeDiskBytes: 50 * GiB,
    printers: ['Ward 3 HP'],
    ...overrides,
  });
  return Object.fromEntries(checks.map((c) => [c.id, c])) as Record<
    ReadinessCheck['id'],
    ReadinessCheck
  >;
}

const levels = (checks: Record<string, ReadinessCheck>) =>
  Object.fromEntries(Object.entries(checks).map(([id, c]) => [id, c.level]));

async function installExport(sequence: number) {
  return store.install(await kit.writeExportFile(sources, sequence), {
    trust: kit.trust,
    device: 'd',
  });
}

describe('checkReadiness', () => {
  it('a laptop with a fresh export, an identity, room and a printer is all green, one line per check', async () => {
    await installExport(1);
    const checks = checkReadiness({
      now: hoursAfterData(1),
      store,
      settings: DEFAULT_SETTINGS,
      identityPresent: true,
      trust: kit.trust,
      freeDiskBytes: 50 * GiB,
      printers: ['Ward 3 HP'],
    });
    expect(checks.map((c) => c.id)).toEqual([
      'data-age',
      'signature',
      'device-identity',
      'store',
      'disk',
      'printers',
      'last-install',
      'last-refusal',
      'version',
    ]);
    expect(checks.every((c) => c.level === 'green')).toBe(true);
    expect(run().signature.detail).toContain(kit.siteKey.fingerprint);
    // The build's identity, as `downtime --version` gives it: app · commit · format · schema.
    expect(run().version.detail).toMatch(
      new RegExp(
        `^\\d+\\.\\d+\\.\\d+ · [0-9a-f]{12}(-modified)? · ${MANIFEST_FORMAT} · ${SCHEMA_VERSION}$`,
      ),
    );
  });

  it('a new laptop with nothing installed and no identity is red where it would fail', () => {
    expect(levels(run({ identityPresent: false }))).toMatchObject({
      'data-age': 'red',
      signature: 'red',
      'device-identity': 'red',
      store: 'green',
      'last-install': 'amber',
    });
  });

  it('data age turns amber and red at the configured thresholds', async () => {
    await installExport(1);
    expect(run({ now: hoursAfterData(1.9) })['data-age'].level).toBe('green');
    expect(run({ now: hoursAfterData(2) })['data-age']).toMatchObject({
      level: 'amber',
      detail: `${DATA_AS_OF} (2.0 h)`,
    });
    expect(run({ now: hoursAfterData(8) })['data-age'].level).toBe('red');
    const lenient = { ...DEFAULT_SETTINGS, staleAmberHours: 12, staleRedHours: 24 };
    expect(run({ now: hoursAfterData(8), settings: lenient })['data-age'].level).toBe('green');
  });

  it('the signature turns red when the signing key is no longer trusted', async () => {
    await installExport(1);
    const otherTrust = join(root, `other-trust-${testNo}`);
    mkdirSync(otherTrust);
    writeFileSync(
      join(otherTrust, 'other.pub'),
      generateSiteKey().publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    );
    expect(run({ trust: loadTrustStore([otherTrust]) }).signature).toMatchObject({
      level: 'red',
      detail: expect.stringContaining('signed by a key this laptop does not trust'),
    });
  });

  it('a damaged store is red with the problem', async () => {
    await installExport(1);
    rmSync(store.current()?.file ?? '');
    expect(run().store).toMatchObject({ level: 'red', detail: expect.stringContaining('missing') });
  });

  it('free disk: red below what the next export needs, amber below 1 GiB, amber when unknown', async () => {
    await installExport(1);
    expect(run({ freeDiskBytes: 100 * 1024 ** 2 }).disk.level).toBe('red');
    expect(run({ freeDiskBytes: 0.5 * GiB }).disk.level).toBe('amber');
    expect(run({ freeDiskBytes: null }).disk.level).toBe('amber');
  });

  it('printers: red when none, amber when the default printer is missing or they cannot be listed', () => {
    expect(run({ printers: [] }).printers.level).toBe('red');
    expect(run({ printers: null }).printers.level).toBe('amber');
    const settings = { ...DEFAULT_SETTINGS, defaultPrinter: 'Ward 3 HP' };
    expect(run({ settings, printers: ['Pharmacy Canon'] }).printers).toMatchObject({
      level: 'amber',
      detail: expect.stringContaining('Ward 3 HP'),
    });
    expect(run({ settings, printers: ['Ward 3 HP', 'Pharmacy Canon'] }).printers.level).toBe(
      'green',
    );
  });

  it('the last refusal is amber until a later export installs', async () => {
    await installExport(2);
    await installExport(1);
    expect(run()['last-refusal']).toMatchObject({
      level: 'amber',
      detail: expect.stringContaining(
        'export-1.dtx — This export is older than the one already installed',
      ),
    });
    expect(run()['last-install'].detail).toContain('export-2.dtx');
    await installExport(3);
    expect(run()['last-refusal'].level).toBe('green');
  });
});

describe('the audit trail and the keys at rest (issue 15)', () => {
  it('a trail cut short under its seal is red; an intact one green', () => {
    expect(run({ audit: { ok: true, lines: 12, sealed: 12 } }).audit).toMatchObject({
      id: 'audit',
      level: 'green',
      fact: { code: 'audit-ok', values: { lines: 12, sealed: 12 } },
      detail: '12 / 12',
    });
    expect(run({ audit: { ok: false, line: 4, problem: 'is missing lines' } }).audit).toMatchObject(
      { level: 'red' },
    );
  });

  it('says when no OS secure storage seals the keys (Linux basic_text or none)', () => {
    expect(run({ secureStorage: 'none' })['secure-storage']).toMatchObject({ level: 'amber' });
    expect(run({ secureStorage: 'os' })['secure-storage']).toMatchObject({ level: 'green' });
  });
});
