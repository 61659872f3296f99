/**
 * The API as the renderer sees it, end to end: createApi over the real store, engine worker,
 * keys and audit, called through the same gate as IPC (invokeApi). Enrolment, unlock, census,
 * search, chart, printing, lock — and the audit trail that records them.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, ValueOf } from '../../../electron/core/api/contract.ts';
import { invokeApi } from '../../../electron/core/api/invoke.ts';
import type { HostServices } from '../../../electron/core/app/create-api.ts';
import { startApp, type RunningApp } from '../../../electron/core/app/start-app.ts';
import { openStore } from '../../../electron/core/store/store.ts';
import { installInto } from '../../fixtures/install-into.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { loadSiteKey } from '../../../electron/core/keys/site-key.ts';
import { signItSettings } from '../../../electron/core/settings/it-settings.ts';
import type { Result } from '../../../electron/core/result.ts';
import { makeTestSite, SITE_PASSPHRASE, type TestSite } from '../../fixtures/test-site.ts';

const saved: string[] = [];
const printed: Uint8Array[] = [];
const host: HostServices = {
  saveFile: async (name, bytes) => {
    const path = join(tmpdir(), `downtime-api-test-${process.pid}-${name}`);
    writeFileSync(path, bytes);
    saved.push(path);
    return path;
  },
  printPdf: async (pdf) => {
    printed.push(pdf);
    return { via: 'spooler', jobId: 'Ward-printer-7' };
  },
  listPrinters: async () => ['Ward printer'],
  atRest: null,
};

async function start(dataDir: string, trustDir: string): Promise<RunningApp> {
  return startApp({
    dataDir,
    bundledTrustDir: trustDir,
    host,
    device: 'test-laptop',
    log: { warn: () => {}, error: () => {} },
  });
}

function call<M extends MethodName>(
  app: RunningApp,
  method: M,
  args: unknown,
): Promise<Result<ValueOf<M>>> {
  return invokeApi(app.api, method, args) as Promise<Result<ValueOf<M>>>;
}

async function value<M extends MethodName>(
  app: RunningApp,
  method: M,
  args: unknown,
): Promise<ValueOf<M>> {
  const result = await call(app, method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.kind} ${result.error.message}`);
  return result.value;
}

describe('first run: enrolment', () => {
  let dataDir: string;
  let app: RunningApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'downtime-enrol-'));
    const trustDir = join(dataDir, 'trust');
    mkdirSync(trustDir);
    app = await start(join(dataDir, 'app'), trustDir);
  });
  afterAll(async () => {
    await app[Symbol.asyncDispose]();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports no identity and no export before enrolment', async () => {
    const status = await value(app, 'getStatus', {});
    expect(status).toMatchObject({ identity: 'absent', unlocked: false, current: null, kept: [] });
  });

  it('refuses a short ward passphrase', async () => {
    const result = await call(app, 'enrol', { passphrase: 'short' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
  });

  it('creates the sealed identity, writes the recipient for IT and shows it as a QR code', async () => {
    const enrolled = await value(app, 'enrol', { passphrase: 'a long ward passphrase' });
    expect(enrolled.recipient).toMatch(/^age1[0-9a-z]+$/);
    expect(enrolled.qrSvg).toMatch(/^<svg|<\?xml/);
    expect(readFileSync(enrolled.savedTo ?? '', 'utf8').trim()).toBe(enrolled.recipient);
    const sealed = readFileSync(join(dataDir, 'app', 'device.key'));
    expect(sealed.includes(Buffer.from('AGE-SECRET-KEY'))).toBe(false);
    expect((await value(app, 'getStatus', {})).identity).toBe('present');
  });

  it('never enrols twice over an existing identity', async () => {
    const again = await call(app, 'enrol', { passphrase: 'another long passphrase' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'invalid-config' } });
  });
});

describe('a ward laptop with an installed export', () => {
  let site: TestSite;
  let dataDir: string;
  let app: RunningApp;
  let exportId: string;

  beforeAll(async () => {
    site = await makeTestSite();
    dataDir = mkdtempSync(join(tmpdir(), 'downtime-api-'));
    copyFileSync(site.identityFile, join(dataDir, 'device.key'));
    app = await start(dataDir, site.trustDir);
    const file = await site.exportFile('current.dtx', { sequence: 10, forThisLaptop: true });
    const outcome = await installInto(app, file, [site.trustDir], 'test-laptop', site.recipient);
    expect(outcome.outcome).toBe('installed');
    exportId = outcome.exportId ?? '';
  }, 120_000);
  afterAll(async () => {
    await app[Symbol.asyncDispose]();
    site.remove();
    rmSync(dataDir, { recursive: true, force: true });
    for (const file of saved) rmSync(file, { force: true });
  });

  it('shows the installed export before unlocking, without any key', async () => {
    const status = await value(app, 'getStatus', {});
    expect(status.unlocked).toBe(false);
    expect(status.current).toMatchObject({ exportId, sequence: 10, current: true });
    expect(status.current?.signer).toMatch(/\S/);
  });

  it('keeps patient data behind the lock', async () => {
    for (const [method, args] of [
      ['listWards', {}],
      ['census', { wardId: 'x' }],
      ['search', { query: 'a' }],
      ['chart', { patientId: 'x' }],
    ] as const) {
      expect(await call(app, method, args)).toMatchObject({ ok: false, error: { kind: 'locked' } });
    }
  });

  it('refuses a wrong passphrase and audits the attempt', async () => {
    const result = await call(app, 'unlock', { passphrase: 'not the passphrase', user: 'Nurse A' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    expect(readFileSync(app.store.current().auditFile, 'utf8')).toMatch(/"unlock-failed"/);
  });

  it('unlocks, then answers census, search and chart', async () => {
    const { wards } = await value(app, 'unlock', { passphrase: SITE_PASSPHRASE, user: 'Nurse A' });
    const ward = wards.find((w) => w.inScope && w.censusCount > 0);
    expect(ward).toBeDefined();
    const census = await value(app, 'census', { wardId: ward?.id ?? '' });
    expect(census).toHaveLength(ward?.censusCount ?? -1);
    const first = census[0];
    expect(first).toBeDefined();
    const hits = await value(app, 'search', { query: first?.mrn ?? '' });
    expect(hits.map((h) => h.patientId)).toContain(first?.patientId);
    const chart = await value(app, 'chart', { patientId: first?.patientId ?? '' });
    expect(chart.patient.mrn).toBe(first?.mrn);
    expect(['present', 'none-known', 'unknown']).toContain(chart.allergyState);
  });

  it('renders, prints and saves reports as PDF', async () => {
    const wards = await value(app, 'listWards', {});
    const wardId = wards.find((w) => w.inScope && w.censusCount > 0)?.id ?? '';
    const preview = await value(app, 'renderReport', {
      report: 'handover',
      wardId,
      paper: 'A4',
      language: 'fr',
    });
    expect(Buffer.from(preview.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(preview.pages).toBeGreaterThan(0);
    const census = await value(app, 'renderReport', {
      report: 'census',
      wardId,
      paper: 'Letter',
      language: 'nl',
    });
    const printedReport = await value(app, 'printReport', { jobId: census.jobId });
    expect(printedReport.via).toBe('spooler');
    expect(
      Buffer.from(printed.at(-1) ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const mar = await value(app, 'renderReport', {
      report: 'mar',
      wardId,
      paper: 'A4',
      language: 'de',
    });
    const savedReport = await value(app, 'saveReport', { jobId: mar.jobId });
    expect(existsSync(savedReport.savedTo ?? '')).toBe(true);
  });

  it('lets IT change settings only with the ward passphrase again', async () => {
    const current = await value(app, 'getSettings', {});
    const next = { ...current, lockTimeoutSeconds: 120 };
    const refused = await call(app, 'updateSettings', { passphrase: 'wrong one', settings: next });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    const bad = await call(app, 'updateSettings', {
      passphrase: SITE_PASSPHRASE,
      settings: { ...current, staleAmberHours: 'two' },
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
    const done = await value(app, 'updateSettings', {
      passphrase: SITE_PASSPHRASE,
      settings: next,
    });
    expect(done.changed).toEqual(['lockTimeoutSeconds']);
    expect((await value(app, 'getStatus', {})).settings.lockTimeoutSeconds).toBe(120);
    expect(readFileSync(app.store.current().auditFile, 'utf8')).toMatch(
      /"settings-changed".*lockTimeoutSeconds/,
    );
  });

  it('refuses a change of the trust folder (or inbox, store, retention) with the ward passphrase (H1)', async () => {
    const current = await value(app, 'getSettings', {});
    const rogueTrust = mkdtempSync(join(tmpdir(), 'rogue-trust-'));
    for (const change of [
      { trustDir: rogueTrust },
      { inboxDir: rogueTrust },
      { storeDir: rogueTrust },
      { keep: 0 },
    ]) {
      const refused = await call(app, 'updateSettings', {
        passphrase: SITE_PASSPHRASE,
        settings: { ...current, ...change },
      });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-config' } });
      if (!refused.ok)
        expect(refused.error.message).toMatch(/only by IT, with a settings file signed/);
    }
    expect(await value(app, 'getSettings', {})).toEqual(current);
    // Nor is an IT field written into the plain settings.json.
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).not.toHaveProperty(
      'trustDir',
    );
    rmSync(rogueTrust, { recursive: true, force: true });
  });

  it('locks: the data is gone until the next unlock', async () => {
    await value(app, 'lock', {});
    expect(await call(app, 'listWards', {})).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect((await value(app, 'getStatus', {})).unlocked).toBe(false);
  });

  it('keeps a verifiable audit trail of who did what, with identifiers but no clinical content', async () => {
    const verdict = verifyAudit(app.store.current().auditFile);
    expect(verdict.ok).toBe(true);
    const events = readFileSync(app.store.current().auditFile, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            event: string;
            user: string | null;
            detail: Record<string, unknown>;
          },
      );
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'unlock-failed',
        'unlock',
        'patient-opened',
        'print',
        'search',
        'lock',
      ]),
    );
    expect(events.find((e) => e.event === 'patient-opened')).toMatchObject({
      user: 'Nurse A',
      detail: { mrn: expect.any(String) },
    });
  });

  it('reports readiness line by line', async () => {
    const checks = await value(app, 'readiness', {});
    expect(checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'data-age',
        'signature',
        'device-identity',
        'store',
        'disk',
        'printers',
      ]),
    );
    expect(checks.find((c) => c.id === 'device-identity')?.level).toBe('green');
  });
});

describe('exports arriving in the inbox folder', () => {
  let site: TestSite;
  let dataDir: string;
  let inboxDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    site = await makeTestSite();
    dataDir = mkdtempSync(join(tmpdir(), 'downtime-inbox-app-'));
    inboxDir = join(dataDir, 'inbox');
    mkdirSync(inboxDir);
    copyFileSync(site.identityFile, join(dataDir, 'device.key'));
    // Which laptop this is (written at enrolment): the inbox installs only exports for it.
    writeFileSync(join(dataDir, 'device-recipient.txt'), `${site.recipient}\n`);
    // IT's settings come signed by the site key (downtime settings sign), not in settings.json.
    writeFileSync(
      join(dataDir, 'settings.signed'),
      signItSettings(
        {
          kind: 'downtime-it-settings',
          version: 1,
          issuedAt: new Date().toISOString(),
          settings: { inboxDir, trustDir: site.trustDir },
        },
        loadSiteKey(join(site.trustDir, 'site.key')),
      ),
    );
    // An enrolled laptop: its store knows the recipient arrivals must be addressed to.
    openStore(join(dataDir, 'store')).enrolRecipient(site.recipient);
    app = await start(dataDir, site.trustDir);
  }, 120_000);
  afterAll(async () => {
    await app[Symbol.asyncDispose]();
    site.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function statusWhen(
    predicate: (s: ValueOf<'getStatus'>) => boolean,
  ): Promise<ValueOf<'getStatus'>> {
    for (let i = 0; i < 200; i++) {
      const status = await value(app, 'getStatus', {});
      if (predicate(status)) return status;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the inbox did not decide in time');
  }

  it('installs a good export off the main thread and shows it as current', async () => {
    const file = await site.exportFile('arrival.dtx.part', { sequence: 5, forThisLaptop: true });
    renameSync(file, join(inboxDir, 'arrival.dtx'));
    const status = await statusWhen((s) => s.recentInbox.length > 0);
    expect(status.recentInbox[0]).toMatchObject({ file: 'arrival.dtx', outcome: 'installed' });
    expect(status.current).toMatchObject({ sequence: 5, current: true });
    expect(existsSync(join(inboxDir, 'arrival.dtx'))).toBe(false);
  });

  it('refuses an older export, says why, and keeps the current one', async () => {
    const file = await site.exportFile('older.dtx.part', { sequence: 3, forThisLaptop: true });
    renameSync(file, join(inboxDir, 'older.dtx'));
    const status = await statusWhen((s) => s.recentInbox.length > 1);
    expect(status.recentInbox[0]).toMatchObject({
      file: 'older.dtx',
      outcome: 'refused',
      kind: 'older-than-installed',
    });
    expect(status.current?.sequence).toBe(5);
  });
});
