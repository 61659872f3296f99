/**
 * The rollback guard and IT's signed settings as a running laptop keeps them (issue 15), each
 * test an attack on the files of a real data folder: the store wiped together with the state
 * beside it, an old settings.signed copied back; and IT's authority: a signed reset written to
 * the audit trail, a new settings.signed applied without a restart.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeApi } from '../../../electron/core/api/invoke.ts';
import type { HostServices } from '../../../electron/core/app/create-api.ts';
import { startApp, type RunningApp } from '../../../electron/core/app/start-app.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { openLaptopCopy } from '../../../electron/core/app/rollback-guard.ts';
import type { ReadinessCheck } from '../../../electron/core/model.ts';
import { loadSiteKey } from '../../../electron/core/keys/site-key.ts';
import { signItSettings } from '../../../electron/core/settings/it-settings.ts';
import { rollbackFilesFor } from '../../../electron/core/store/rollback.ts';
import { openStore } from '../../../electron/core/store/store.ts';
import { installInto } from '../../fixtures/install-into.ts';
import { makeTestSite, type TestSite } from '../../fixtures/test-site.ts';

const host: HostServices = {
  saveFile: async () => null,
  printPdf: async () => ({ via: 'spooler', jobId: null }),
  listPrinters: async () => [],
  atRest: null,
};

let site: TestSite;
let root: string;
beforeAll(async () => {
  site = await makeTestSite();
  root = mkdtempSync(join(tmpdir(), 'downtime-guard-'));
}, 120_000);
afterAll(() => {
  site.remove();
  rmSync(root, { recursive: true, force: true });
});

const warnings: string[] = [];
const start = (dataDir: string): Promise<RunningApp> =>
  startApp({
    dataDir,
    bundledTrustDir: site.trustDir,
    host,
    device: 'guard-laptop',
    log: { warn: (m) => warnings.push(m), error: () => {} },
    inboxTiming: { pollMs: 50, stableMs: 50 },
    settingsWatchMs: 50,
  });

/** A laptop that installed sequence 200. */
async function laptop(name: string): Promise<{ dataDir: string; app: RunningApp }> {
  const dataDir = join(root, name);
  mkdirSync(dataDir);
  copyFileSync(site.identityFile, join(dataDir, 'device.key'));
  const app = await start(dataDir);
  openStore(app.store.current().dir).enrolRecipient(site.recipient);
  const file = await site.exportFile(`${name}-200.dtx`, { sequence: 200, forThisLaptop: true });
  expect((await installInto(app, file, null)).outcome).toBe('installed');
  return { dataDir, app };
}

/** Installs an older export (sequence 100) through a writer, as the inbox would. */
async function installOld(app: RunningApp) {
  const file = await site.exportFile(`old-${Math.random()}.dtx`, {
    sequence: 100,
    forThisLaptop: true,
  });
  return installInto(app, file, null, 'test-laptop', site.recipient);
}

type Line = { event: string; user: string | null; detail: Record<string, unknown> };
const auditLines = (app: RunningApp): Line[] =>
  readFileSync(app.store.current().auditFile, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Line);

/** The whole store and everything beside it: state, its key, the audit seal. */
function wipeStore(dataDir: string, options: { keepKey: boolean }): void {
  const storeDir = join(dataDir, 'store');
  const { state, key } = rollbackFilesFor(storeDir);
  rmSync(storeDir, { recursive: true });
  rmSync(state);
  if (!options.keepKey) rmSync(key);
  rmSync(`${storeDir}.audit-seal.json`, { force: true });
}

/** The marks of the store's state and of the laptop's copy, as a writer reads them. */
const marksAfter = (app: RunningApp, dataDir: string) => ({
  store: openStore(app.store.current().dir).rollback.marks(),
  copy: openLaptopCopy(dataDir, null).state.marks(),
});

const siteKey = () => loadSiteKey(join(site.trustDir, 'site.key'));
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
function signSettings(
  dataDir: string,
  issuedAt: string,
  settings: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  const text = signItSettings(
    { kind: 'downtime-it-settings', version: 1, issuedAt, settings, ...extra },
    siteKey(),
  );
  writeFileSync(join(dataDir, 'settings.signed'), text);
  return text;
}

describe('deleting the store together with the rollback state beside it', () => {
  it('keeps an old export refused: the laptop’s copy of the marks restores the state, audited', async () => {
    const { dataDir, app } = await laptop('wiped');
    await app[Symbol.asyncDispose]();
    wipeStore(dataDir, { keepKey: false });
    const again = await start(dataDir);
    try {
      openStore(again.store.current().dir).enrolRecipient(site.recipient);
      const outcome = await installOld(again);
      expect(outcome).toMatchObject({ outcome: 'refused', kind: 'older-than-installed' });
      expect(auditLines(again)[0]).toMatchObject({
        event: 'rollback-restored',
        detail: { from: 'laptop copy', marks: expect.stringMatching(/:200$/) },
      });
    } finally {
      await again[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('with the laptop’s copy gone too but the store key left, readiness is red and installs stop', async () => {
    const { dataDir, app } = await laptop('wiped-copy');
    await app[Symbol.asyncDispose]();
    wipeStore(dataDir, { keepKey: true });
    rmSync(join(dataDir, 'laptop.rollback.json'));
    rmSync(join(dataDir, 'laptop.rollback.key'));
    const again = await start(dataDir);
    try {
      const result = await invokeApi(again.api, 'readiness', {});
      if (!result.ok) throw new Error(result.error.message);
      const storeCheck = (result.value as ReadinessCheck[]).find((c) => c.id === 'store');
      expect(storeCheck?.level).toBe('red');
      expect(storeCheck?.fact.values['issue']).toBe('rollback-deleted');
      expect(storeCheck?.detail).toMatch(/missing beside its key: it was deleted/);
      const outcome = await installOld(again);
      expect(outcome.outcome).toBe('refused');
      expect(outcome.message).toMatch(/missing beside its key/);
    } finally {
      await again[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('a store IT moves (a signed storeDir)', () => {
  it('starts with the laptop’s marks: a move is not a reset', async () => {
    const { dataDir, app } = await laptop('moved');
    try {
      const moved = join(root, 'moved-store');
      signSettings(dataDir, hoursAgo(1), { storeDir: moved });
      await expect.poll(() => app.store.current().dir, { timeout: 10_000 }).toBe(moved);
      openStore(moved).enrolRecipient(site.recipient);
      expect(await installOld(app)).toMatchObject({
        outcome: 'refused',
        kind: 'older-than-installed',
      });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('IT’s signed rollback reset', () => {
  it('is written to the audit trail with who signed it and the marks before and after', async () => {
    const { dataDir, app } = await laptop('reset');
    await app[Symbol.asyncDispose]();
    signSettings(dataDir, hoursAgo(1), {}, { rollbackReset: 'ticket-4711' });
    const again = await start(dataDir);
    try {
      const line = auditLines(again).find((l) => l.event === 'rollback-reset');
      expect(line).toMatchObject({
        user: null,
        detail: {
          reset: 'ticket-4711',
          by: 'settings.signed',
          signer: siteKey().fingerprint,
          before: expect.stringMatching(/:200$/),
          after: 'none',
        },
      });
      expect(verifyAudit(again.store.current().auditFile)).toMatchObject({ ok: true });
      expect(marksAfter(again, dataDir)).toEqual({ store: {}, copy: {} });
    } finally {
      await again[Symbol.asyncDispose]();
    }
    // Applied once per id: the next start writes no second line.
    const third = await start(dataDir);
    try {
      expect(auditLines(third).filter((l) => l.event === 'rollback-reset')).toHaveLength(1);
    } finally {
      await third[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('applies live when a new settings.signed carries it, the inbox worker paused meanwhile', async () => {
    const { dataDir, app } = await laptop('reset-live');
    try {
      signSettings(dataDir, hoursAgo(1), {}, { rollbackReset: 'ticket-live' });
      await expect
        .poll(() => auditLines(app).some((l) => l.event === 'rollback-reset'), { timeout: 10_000 })
        .toBe(true);
      expect(marksAfter(app, dataDir)).toEqual({ store: {}, copy: {} });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});

describe('a settings.signed arriving while the app runs', () => {
  it('is verified and applied without a restart: the inbox moves at once', async () => {
    const { dataDir, app } = await laptop('live');
    try {
      const inbox = join(root, 'live-inbox');
      mkdirSync(inbox);
      signSettings(dataDir, hoursAgo(2), { inboxDir: inbox, keep: 4 });
      await expect.poll(() => app.inbox.watching(), { timeout: 10_000 }).toBe(inbox);
      expect(app.settings.current().keep).toBe(4);
      // A forged one (edited after signing) changes nothing.
      const path = join(dataDir, 'settings.signed');
      writeFileSync(path, readFileSync(path, 'utf8').replace('live-inbox', 'evil-inbox'));
      await app.settings.reloadSigned();
      expect(app.inbox.watching()).toBe(inbox);
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('an old settings.signed copied back is refused, clearly, and the current one kept — live and after a restart', async () => {
    const { dataDir, app } = await laptop('old-settings');
    let running = app;
    try {
      const old = signSettings(dataDir, hoursAgo(5), { keep: 2 });
      await expect.poll(() => running.settings.current().keep, { timeout: 10_000 }).toBe(2);
      signSettings(dataDir, hoursAgo(1), { keep: 6 });
      await expect.poll(() => running.settings.current().keep, { timeout: 10_000 }).toBe(6);
      warnings.length = 0;
      writeFileSync(join(dataDir, 'settings.signed'), old);
      const problems = await running.settings.reloadSigned();
      expect(problems.join(' ')).toMatch(/not after the IT settings in use .* it is refused/);
      expect(warnings.join(' ')).toMatch(/an old copy put back/);
      expect(running.settings.current().keep).toBe(6);
      await running[Symbol.asyncDispose]();
      running = await start(dataDir);
      expect(running.settings.current().keep).toBe(6);
      // Deleting it does not bring the defaults back either.
      await running[Symbol.asyncDispose]();
      rmSync(join(dataDir, 'settings.signed'));
      running = await start(dataDir);
      expect(running.settings.current().keep).toBe(6);
    } finally {
      await running[Symbol.asyncDispose]();
    }
  }, 60_000);
});

/** The readiness line with this id, as the screen gets it. */
async function readinessOf(app: RunningApp, id: ReadinessCheck['id']) {
  const result = await invokeApi(app.api, 'readiness', {});
  if (!result.ok) throw new Error(result.error.message);
  const found = (result.value as ReadinessCheck[]).find((c) => c.id === id);
  return { level: found?.level, code: found?.fact.code, values: found?.fact.values };
}

describe('settings and marks problems on the readiness screen', () => {
  it('says which IT settings are in use, and turns red for an old copy put back, live', async () => {
    const { dataDir, app } = await laptop('ready-settings');
    try {
      expect(await readinessOf(app, 'it-settings')).toMatchObject({
        level: 'green',
        code: 'it-settings-defaults',
      });
      const old = signSettings(dataDir, hoursAgo(5), { keep: 2 });
      const current = hoursAgo(1);
      signSettings(dataDir, current, { keep: 6 });
      await expect.poll(() => app.settings.current().keep, { timeout: 10_000 }).toBe(6);
      expect(await readinessOf(app, 'it-settings')).toMatchObject({
        level: 'green',
        code: 'it-settings-signed',
        values: { issuedAt: current },
      });
      writeFileSync(join(dataDir, 'settings.signed'), old);
      await app.settings.reloadSigned();
      expect(await readinessOf(app, 'it-settings')).toMatchObject({
        level: 'red',
        code: 'it-settings-older',
        values: { inUseAt: current },
      });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('a settings mark deleted while the app runs is rewritten at once and stays red until restart', async () => {
    const { dataDir, app } = await laptop('ready-mark');
    try {
      signSettings(dataDir, hoursAgo(1), { keep: 6 });
      await expect.poll(() => app.settings.current().keep, { timeout: 10_000 }).toBe(6);
      const markFile = join(dataDir, 'settings.signed.mark');
      const mark = readFileSync(markFile, 'utf8');
      rmSync(markFile);
      // The watcher puts it back from what the running app holds.
      await expect.poll(() => readFileSync(markFile, 'utf8'), { timeout: 10_000 }).toBe(mark);
      expect(await readinessOf(app, 'it-settings')).toMatchObject({
        level: 'red',
        code: 'it-settings-mark-restored',
      });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('a settings mark edited while the app was stopped: red, the defaults, until IT signs a newer file', async () => {
    const { dataDir, app } = await laptop('ready-mark-edited');
    signSettings(dataDir, hoursAgo(1), { keep: 6 });
    await expect.poll(() => app.settings.current().keep, { timeout: 10_000 }).toBe(6);
    await app[Symbol.asyncDispose]();
    const markFile = join(dataDir, 'settings.signed.mark');
    writeFileSync(
      markFile,
      readFileSync(markFile, 'utf8').replace(
        /"issuedAt":"[^"]*"/,
        '"issuedAt":"2020-01-01T00:00:00.000Z"',
      ),
    );
    const again = await start(dataDir);
    try {
      expect(again.settings.current().keep).toBe(3);
      expect(await readinessOf(again, 'it-settings')).toMatchObject({
        level: 'red',
        code: 'it-settings-mark-damaged',
      });
      signSettings(dataDir, new Date(Date.now() + 60_000).toISOString(), { keep: 4 });
      await expect.poll(() => again.settings.current().keep, { timeout: 10_000 }).toBe(4);
      expect((await readinessOf(again, 'it-settings')).level).toBe('green');
    } finally {
      await again[Symbol.asyncDispose]();
    }
  }, 60_000);

  it('the laptop’s copy of the marks: green, red when edited, red when deleted', async () => {
    const { dataDir, app } = await laptop('ready-copy');
    try {
      expect(await readinessOf(app, 'rollback-copy')).toMatchObject({
        level: 'green',
        code: 'rollback-copy-ok',
      });
      const copyFile = join(dataDir, 'laptop.rollback.json');
      const copy = readFileSync(copyFile, 'utf8');
      const edited = copy.replace(/"sequence": ?200/, '"sequence": 20');
      expect(edited).not.toBe(copy);
      writeFileSync(copyFile, edited);
      expect(await readinessOf(app, 'rollback-copy')).toMatchObject({
        level: 'red',
        code: 'rollback-copy-edited',
      });
      rmSync(copyFile);
      expect(await readinessOf(app, 'rollback-copy')).toMatchObject({
        level: 'red',
        code: 'rollback-copy-missing',
      });
    } finally {
      await app[Symbol.asyncDispose]();
    }
  }, 60_000);
});
