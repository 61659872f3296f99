/**
 * The app's services as a ward laptop lives with them: settings that move the inbox at once,
 * a preview that is what prints, a quit that keeps the audit, an audit that fails closed, unlock
 * throttling, and the idle deadline kept by the main process.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { invokeApi } from '../../../electron/core/api/invoke.ts';
import type { ArgsOf, MethodName, ValueOf } from '../../../electron/core/api/contract.ts';
import type { RemoteEngine } from '../../../electron/core/engine/engine-protocol.ts';
import type { ReportRequest } from '../../../electron/core/model.ts';
import type { renderReport } from '../../../electron/core/print/render.ts';
import { startApp, type RunningApp } from '../../../electron/core/app/start-app.ts';
import type { HostServices } from '../../../electron/core/app/create-api.ts';
import {
  FREE_ATTEMPTS,
  openUnlockThrottle,
  remainingWait,
  waitAfter,
} from '../../../electron/core/app/unlock-throttle.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { openStore, STALE_TEMPORARY_MS } from '../../../electron/core/store/store.ts';
import { installInto } from '../../fixtures/install-into.ts';
import { loadSiteKey } from '../../../electron/core/keys/site-key.ts';
import { signItSettings } from '../../../electron/core/settings/it-settings.ts';
import { makeTestSite, SITE_PASSPHRASE, type TestSite } from '../../fixtures/test-site.ts';

const NURSE = 'Nurse Services';
const printed: Uint8Array[] = [];
const host: HostServices = {
  saveFile: async () => null,
  printPdf: async (pdf) => {
    printed.push(pdf);
    return { via: 'spooler', jobId: null };
  },
  listPrinters: async () => [],
  atRest: null,
};

/** A clock the test moves. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

let site: TestSite;
let root: string;
beforeAll(async () => {
  site = await makeTestSite();
  root = mkdtempSync(join(tmpdir(), 'downtime-services-'));
}, 120_000);
afterAll(() => {
  site.remove();
  rmSync(root, { recursive: true, force: true });
});

async function laptop(name: string): Promise<RunningApp> {
  const dataDir = join(root, name);
  mkdirSync(dataDir);
  copyFileSync(site.identityFile, join(dataDir, 'device.key'));
  const app = await startApp({
    dataDir,
    bundledTrustDir: site.trustDir,
    host,
    device: 'services-laptop',
    clock,
    log: { warn: () => {}, error: () => {} },
    inboxTiming: { pollMs: 50, stableMs: 50 },
  });
  openStore(app.store.current().dir).enrolRecipient(site.recipient);
  const file = await site.exportFile(`${name}.dtx`, { sequence: 10, forThisLaptop: true });
  expect((await installInto(app, file, [site.trustDir])).outcome).toBe('installed');
  return app;
}

/** IT signs `inboxDir` into the laptop's settings.signed (issued `secondsAgo`); applied live. */
async function signInbox(
  app: RunningApp,
  dataDir: string,
  inboxDir: string | null,
  secondsAgo: number,
): Promise<void> {
  writeFileSync(
    join(dataDir, 'settings.signed'),
    signItSettings(
      {
        kind: 'downtime-it-settings',
        version: 1,
        issuedAt: new Date(clock().getTime() - secondsAgo * 1000).toISOString(),
        settings: { inboxDir },
      },
      loadSiteKey(join(site.trustDir, 'site.key')),
    ),
  );
  await app.settings.reloadSigned();
}

async function call<M extends MethodName>(app: RunningApp, method: M, args: unknown) {
  return invokeApi(app.api, method, args) as Promise<
    { ok: true; value: ValueOf<M> } | { ok: false; error: { kind: string; message: string } }
  >;
}
async function value<M extends MethodName>(app: RunningApp, method: M, args: unknown) {
  const result = await call(app, method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.kind} ${result.error.message}`);
  return result.value;
}
const unlock = (app: RunningApp) =>
  value(app, 'unlock', { passphrase: SITE_PASSPHRASE, user: NURSE });

function auditLines(app: RunningApp): { event: string; detail: Record<string, unknown> }[] {
  return readFileSync(app.store.current().auditFile, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { event: string; detail: Record<string, unknown> });
}

describe('the inbox service', () => {
  it('moves where arrivals land when IT signs a new inboxDir, without a restart', async () => {
    const app = await laptop('inbox');
    try {
      const first = join(root, 'inbox-a');
      const second = join(root, 'inbox-b');
      mkdirSync(first);
      mkdirSync(second);
      // The inbox is IT's to set: a settings.signed, picked up while the app runs. (Set through
      // the ward's settings it would be refused: settings.update takes no IT field.)
      await signInbox(app, join(root, 'inbox'), first, 2);
      expect(app.inbox.watching()).toBe(first);
      await signInbox(app, join(root, 'inbox'), second, 1);
      expect(app.inbox.watching()).toBe(second);

      const made = await site.exportFile('arrival.dtx', { sequence: 11, forThisLaptop: true });
      copyFileSync(made, join(second, 'arrival.dtx.part'));
      renameSync(join(second, 'arrival.dtx.part'), join(second, 'arrival.dtx'));
      await expect
        .poll(() => app.store.current().current()?.sequence, { timeout: 20_000 })
        .toBe(11);
      expect(readdirSync(second)).toEqual([]);
      expect(app.inbox.watching()).toBe(second);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('the settings service', () => {
  it('refuses an IT field from anyone but settings.signed, and changes nothing', async () => {
    const app = await laptop('it-fields');
    try {
      const elsewhere = join(root, 'it-fields-elsewhere');
      mkdirSync(elsewhere);
      const before = app.settings.current();
      for (const change of [
        { inboxDir: elsewhere },
        { trustDir: elsewhere },
        { storeDir: elsewhere },
        { keep: before.keep + 1 },
      ]) {
        await expect(app.settings.update({ ...before, ...change })).rejects.toMatchObject({
          kind: 'invalid-config',
          message: expect.stringContaining('only by IT'),
        });
      }
      expect(app.settings.current()).toEqual(before);
      expect(app.inbox.watching()).toBeNull();
      // A clinical change still goes through, and IT's inbox from a signed file too.
      expect(
        await app.settings.update({
          ...before,
          lockTimeoutSeconds: before.lockTimeoutSeconds + 60,
        }),
      ).toEqual(['lockTimeoutSeconds']);
      await signInbox(app, join(root, 'it-fields'), elsewhere, 1);
      expect(app.inbox.watching()).toBe(elsewhere);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('the store service', () => {
  /** A temporary as a crashed write leaves it, last touched `ageMs` ago. */
  const leftover = (path: string, ageMs: number): string => {
    writeFileSync(path, 'cut short');
    const at = new Date(Date.now() - ageMs);
    utimesSync(path, at, at);
    return path;
  };

  it('sweeps what crashed writes left when no inbox worker runs, sparing a write in progress', async () => {
    const dataDir = join(root, 'leftovers');
    const exportsDir = join(dataDir, 'store', 'exports');
    mkdirSync(exportsDir, { recursive: true });
    const hour = 60 * 60 * 1000;
    const crashedInstall = leftover(join(exportsDir, '.incoming-10-abc.dtx'), hour);
    const crashedIndex = leftover(join(dataDir, 'store', '.incoming-1f2e-index.json'), hour);
    const beingWritten = leftover(join(exportsDir, '.incoming-11-def.dtx'), 1_000);
    copyFileSync(site.identityFile, join(dataDir, 'device.key'));
    const app = await startApp({
      dataDir,
      bundledTrustDir: site.trustDir,
      host,
      device: 'services-laptop',
      clock,
      log: { warn: () => {}, error: () => {} },
    });
    try {
      expect(app.settings.current().inboxDir).toBeNull();
      expect(existsSync(crashedInstall)).toBe(false);
      expect(existsSync(crashedIndex)).toBe(false);
      expect(existsSync(beingWritten)).toBe(true);

      // With an inbox the worker is the one writer (and sweeps at its own open); when the
      // inbox is taken away again, the service sweeps what is stale by then.
      const inbox = join(root, 'leftovers-inbox');
      mkdirSync(inbox);
      await signInbox(app, dataDir, inbox, 2);
      const laterCrash = leftover(join(exportsDir, '.incoming-12-0a1.dtx'), STALE_TEMPORARY_MS);
      await signInbox(app, dataDir, null, 1);
      expect(existsSync(laterCrash)).toBe(false);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('reports', () => {
  it('prints the bytes that were previewed, even when the clock moved on', async () => {
    const app = await laptop('reports');
    try {
      const { wards } = await unlock(app);
      const wardId = wards[0]!.id;
      const preview = await value(app, 'renderReport', {
        report: 'mar',
        wardId,
        paper: 'A4',
        language: 'fr',
      });
      offsetMs += 60_000; // a re-render would print another time and start the MAR's window later
      printed.length = 0;
      await value(app, 'printReport', { jobId: preview.jobId });
      expect(printed).toHaveLength(1);
      expect(Buffer.from(printed[0]!).equals(Buffer.from(preview.pdfBase64, 'base64'))).toBe(true);
      const audited = auditLines(app).filter((l) => l.detail.job === preview.jobId);
      expect(audited.map((l) => l.event)).toEqual(['report-previewed', 'print']);
      expect(await call(app, 'printReport', { jobId: 'no-such-job' })).toMatchObject({
        ok: false,
        error: { kind: 'not-found' },
      });
    } finally {
      offsetMs = 0;
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('one report request', () => {
  it('is the same type from the API through the engine to the printer', () => {
    expectTypeOf<ArgsOf<'renderReport'>>().toEqualTypeOf<ReportRequest>();
    expectTypeOf<Parameters<RemoteEngine['renderReport']>[0]>().toEqualTypeOf<ReportRequest>();
    expectTypeOf<Parameters<typeof renderReport>[1]>().toEqualTypeOf<ReportRequest>();
  });

  it('reaches the printer as sent: its instants are read there, a bad one refused by name', async () => {
    const app = await laptop('one-request');
    try {
      const { wards } = await unlock(app);
      const request = {
        report: 'mar',
        wardId: wards[0]!.id,
        paper: 'A4',
        language: 'nl',
        start: '2026-11-28T06:00:00Z',
        days: 3,
      } as const;
      const job = await value(app, 'renderReport', request);
      expect(job.pages).toBeGreaterThan(0);
      expect(await call(app, 'renderReport', { ...request, start: 'gisteren' })).toEqual({
        ok: false,
        error: {
          kind: 'invalid-argument',
          message: 'The start time of the report is not a valid date.',
        },
      });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('the session', () => {
  it('keeps a search burst in the audit when the app quits in the middle of it', async () => {
    const app = await laptop('quit');
    await unlock(app);
    for (const query of ['a', 'ab', 'abc']) await value(app, 'search', { query });
    const auditFile = app.store.current().auditFile;
    await app[Symbol.asyncDispose]();
    const lines = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.event === 'search').map((l) => l.detail)).toEqual([
      { burst: 'start' },
      { burst: 'end', searches: 3 },
    ]);
    expect(lines.at(-1)).toMatchObject({ event: 'lock', detail: { reason: 'quit' } });
    expect(verifyAudit(auditFile)).toMatchObject({ ok: true });
  }, 60_000);

  it('shows no data when the audit cannot be written', async () => {
    const app = await laptop('audit-closed');
    try {
      const { wards } = await unlock(app);
      const patientId = (await value(app, 'census', { wardId: wards[0]!.id }))[0]!.patientId;
      const auditFile = app.store.current().auditFile;
      rmSync(auditFile);
      mkdirSync(auditFile); // a folder where the trail should be: every append fails
      for (const [method, args] of [
        ['census', { wardId: wards[0]!.id }],
        ['search', { query: 'a' }],
        ['scan', { code: '30000004' }],
        ['chart', { patientId }],
        ['renderReport', { report: 'census', wardId: wards[0]!.id, paper: 'A4', language: 'en' }],
      ] as const) {
        expect(await call(app, method, args)).toMatchObject({
          ok: false,
          error: { kind: 'audit-unavailable' },
        });
      }
      await value(app, 'lock', {});
      expect(await call(app, 'unlock', { passphrase: SITE_PASSPHRASE, user: NURSE })).toMatchObject(
        { ok: false, error: { kind: 'audit-unavailable' } },
      );
      expect((await value(app, 'getStatus', {})).unlocked).toBe(false);
      rmSync(auditFile, { recursive: true });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('locks in the main process once the idle deadline has passed', async () => {
    const app = await laptop('idle');
    try {
      const { wards } = await unlock(app);
      const timeout = app.settings.current().lockTimeoutSeconds;
      offsetMs += (timeout - 5) * 1000;
      await value(app, 'census', { wardId: wards[0]!.id }); // a call moves the deadline on
      offsetMs += (timeout - 5) * 1000;
      await value(app, 'listWards', {});
      offsetMs += (timeout + 1) * 1000;
      expect(await call(app, 'census', { wardId: wards[0]!.id })).toMatchObject({
        ok: false,
        error: { kind: 'locked' },
      });
      expect((await value(app, 'getStatus', {})).unlocked).toBe(false);
      expect(auditLines(app).at(-1)).toMatchObject({ event: 'lock', detail: { reason: 'idle' } });
    } finally {
      offsetMs = 0;
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('makes the sixth wrong passphrase wait, across a restart, and audits it', async () => {
    const app = await laptop('throttle');
    const wrong = { passphrase: 'not the ward passphrase', user: NURSE };
    try {
      for (let i = 0; i < FREE_ATTEMPTS; i++) {
        expect(await call(app, 'unlock', wrong)).toMatchObject({
          ok: false,
          error: { kind: 'wrong-passphrase' },
        });
      }
    } finally {
      await app[Symbol.asyncDispose]();
    }
    // A restart does not reset the count.
    const again = await startApp({
      dataDir: app.paths.dataDir,
      bundledTrustDir: site.trustDir,
      host,
      device: 'services-laptop',
      clock,
      log: { warn: () => {}, error: () => {} },
    });
    try {
      const sixth = await call(again, 'unlock', { passphrase: SITE_PASSPHRASE, user: NURSE });
      expect(sixth).toMatchObject({ ok: false, error: { kind: 'throttled' } });
      expect(sixth.ok ? '' : sixth.error.message).toMatch(/wait \d+ s/);
      // The unlock screen shows the wait (translated) from the status.
      const { unlockWaitSeconds } = await value(again, 'getStatus', {});
      expect(unlockWaitSeconds).toBeGreaterThan(20);
      expect(unlockWaitSeconds).toBeLessThanOrEqual(30);
      expect(auditLines(again).at(-1)).toMatchObject({
        event: 'unlock-failed',
        detail: { kind: 'throttled' },
      });
      offsetMs += 31_000;
      await unlock(again);
    } finally {
      offsetMs = 0;
      await again[Symbol.asyncDispose]();
    }
  }, 90_000);
});

describe('unlock throttling rule', () => {
  it('is free for a few failures, then doubles up to a ceiling', () => {
    expect([0, 4, 5, 6, 7, 30].map(waitAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000]);
  });

  it('keeps its count in its file, and an edited file does not reset it', () => {
    const file = join(root, 'throttle.json');
    const now = new Date('2026-12-01T10:00:00Z');
    const throttle = openUnlockThrottle(file);
    for (let i = 0; i < FREE_ATTEMPTS; i++) throttle.failed(now);
    expect(openUnlockThrottle(file).remaining(now)).toBe(30_000);
    expect(
      remainingWait(
        { failures: 5, lastFailureAt: now.toISOString() },
        new Date(now.getTime() + 30_000),
      ),
    ).toBe(0);
    throttle.succeeded();
    expect(openUnlockThrottle(file).remaining(now)).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
