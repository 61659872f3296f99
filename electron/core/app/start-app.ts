/**
 * The composition root shared by the Electron app and the E2E harness: paths, then the
 * services — settings, store (read-only here), engine worker, session, reports, inbox (the
 * store's one writer) — and the API over them. Only the host differs between the two.
 * `startApp` returns one async disposable; disposing it locks the session (ending a search
 * burst), flushes the audit and stops both workers.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiImplementation } from '../api/contract.ts';
import { auditInstall } from '../audit/install-audit.ts';
import { startEngineWorker } from '../engine/engine-client.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import type { InboxEvent } from '../model.ts';
import type { Settings } from '../settings/settings.ts';
import type { SignedReset } from '../settings/it-settings.ts';
import {
  loadStoreRollbackKey,
  openRollbackState,
  rollbackFilesFor,
  type RollbackState,
} from '../store/rollback.ts';
import { openStore } from '../store/store.ts';
import { appPaths, type AppPaths } from './app-paths.ts';
import { createApi, type HostServices } from './create-api.ts';
import { startInboxService, type InboxService } from './inbox-service.ts';
import { readRegistrations } from '../registrations/registrations.ts';
import { createReportService } from './report-service.ts';
import {
  applySignedReset,
  followStore,
  laptopCopyCondition,
  openLaptopCopy,
  reconcileMarks,
  type GuardAudit,
} from './rollback-guard.ts';
import { createSessionService, type SessionService } from './session-service.ts';
import { createSettingsService, type SettingsService } from './settings-service.ts';
import { createStoreService, type StoreService } from './store-service.ts';
import { auditSealFileFor, sealAuditTrail } from '../audit/audit-seal.ts';
import { AUDIT_FILE } from '../store/store.ts';

/** The bundled demo (written by scripts/make-demo.ts into resources/demo/). */
export const DEMO_FILES = {
  export: 'demo.dtx',
  identity: 'device.key',
  recipient: 'device.key.recipient.txt',
  trustDir: 'trust',
} as const;

const RECENT_INBOX_EVENTS = 20;

export interface StartOptions {
  readonly dataDir: string;
  /** The trust store shipped with the app (resources/trust), used when settings name none. */
  readonly bundledTrustDir: string;
  /** Open on the bundled demo: its trust key, device identity and export. */
  readonly demoDir?: string | null;
  readonly host: HostServices;
  readonly device: string;
  readonly clock?: () => Date;
  readonly log: { warn(message: string): void; error(message: string): void };
  /** How often settings.signed is looked at (tests make it quick). */
  readonly settingsWatchMs?: number;
  /** Inbox polling (tests make it quick). */
  readonly inboxTiming?: { readonly pollMs: number; readonly stableMs: number };
}

/** The running app: its API and services; `await using` (or dispose) shuts it down in order. */
export interface RunningApp {
  [Symbol.asyncDispose](): Promise<void>;
  readonly api: ApiImplementation;
  readonly paths: AppPaths;
  readonly settings: SettingsService;
  readonly store: StoreService;
  readonly session: SessionService;
  readonly inbox: InboxService;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const demoDir = options.demoDir ?? null;
  const clock = options.clock ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const paths = appPaths(
    options.dataDir,
    demoDir ? join(demoDir, DEMO_FILES.trustDir) : options.bundledTrustDir,
  );
  if (demoDir && !existsSync(paths.identityFile)) {
    copyFileSync(join(demoDir, DEMO_FILES.identity), paths.identityFile);
  }
  // The second copy of the rollback marks; its key also MACs the record of IT's settings.
  const laptopCopy = openLaptopCopy(options.dataDir, options.host.atRest);
  // A laptop that ran before had its settings mark written at its first start: one missing now
  // was deleted (settings/it-settings.ts).
  // Clinical settings from settings.json; IT's only signed, checked against the bundled trust,
  // never older than the signed file accepted before; a new one applies live (watched).
  const settings = createSettingsService(paths.settingsFile, options.log, {
    file: paths.signedSettingsFile,
    trust: () => loadTrustStore([paths.bundledTrustDir]),
    mark: { file: paths.signedSettingsMarkFile, key: laptopCopy.key },
    markExpected: !laptopCopy.isNew,
    now: clock,
    ...(options.settingsWatchMs === undefined ? {} : { watchMs: options.settingsWatchMs }),
  });
  const storeDirOf = (s: Settings): string => s.storeDir ?? paths.defaultStoreDir;
  const trustPathsOf = (s: Settings): string[] => [s.trustDir ?? paths.bundledTrustDir];
  const trustPaths = () => trustPathsOf(settings.current());
  // The rollback state's key, sealed with the OS secure storage where there is one; it also
  // seals the audit trail's head (store/rollback.ts, audit/audit-seal.ts).
  const rollbackKeyOf = (s: Settings): Buffer =>
    loadStoreRollbackKey(storeDirOf(s), options.host.atRest);
  const sealTrail = (s: Settings): void => {
    const dir = storeDirOf(s);
    sealAuditTrail(join(dir, AUDIT_FILE), auditSealFileFor(dir), rollbackKeyOf(s));
  };
  sealTrail(settings.current());
  settings.onChange((next, _previous, changed) => {
    if (changed.includes('storeDir')) sealTrail(next);
  });
  // Before the inbox worker, the store's writer, exists: IT's reset, then both copies of the
  // marks raised to each other's (a deleted store state restored). Only the state file, not a
  // writable store: opening one would sweep the temporaries of a write in progress.
  const guardState = (s: Settings): RollbackState => {
    const dir = storeDirOf(s);
    mkdirSync(dir, { recursive: true });
    return openRollbackState(rollbackFilesFor(dir).state, rollbackKeyOf(s));
  };
  const guardAudit = (s: Settings): GuardAudit => ({
    auditFile: join(storeDirOf(s), AUDIT_FILE),
    device: options.device,
    now: clock(),
    warn: (message) => options.log.warn(message),
  });
  const applyReset = (reset: SignedReset): void => {
    const s = settings.current();
    applySignedReset(reset, guardState(s), laptopCopy, guardAudit(s));
  };
  const atStart = settings.current();
  const resetAtStart = settings.rollbackReset();
  if (resetAtStart) applyReset(resetAtStart);
  reconcileMarks(guardState(atStart), laptopCopy, guardAudit(atStart));
  if (demoDir) {
    await installDemo(
      demoDir,
      storeDirOf(settings.current()),
      settings.current(),
      trustPaths(),
      options.device,
      rollbackKeyOf(settings.current()),
    );
  }

  // The copy follows the store's marks each time the store is read again (after an install).
  const store = createStoreService(settings, paths.defaultStoreDir, {
    rollbackKey: rollbackKeyOf,
    onOpen: (opened) => {
      try {
        followStore(opened.rollback, laptopCopy);
      } catch (e) {
        options.log.warn(`rollback guard: the laptop's copy could not be updated (${String(e)})`);
      }
    },
  });
  settings.onChange((next, _previous, changed) => {
    // A store IT moved starts with the laptop's marks: a move is not a reset.
    if (changed.includes('storeDir')) {
      reconcileMarks(guardState(next), laptopCopy, guardAudit(next));
    }
  });
  const worker = startEngineWorker((diagnostic) => options.log.error(`engine: ${diagnostic}`));
  const session = createSessionService({
    paths,
    engine: worker.engine,
    settings,
    store,
    trustPaths,
    atRest: options.host.atRest,
    device: options.device,
    clock,
    log: options.log,
  });
  const reports = createReportService({
    engine: worker.engine,
    session,
    settings,
    clock,
    issuedNumbers: () => readRegistrations(storeDirOf(settings.current())).map((r) => r.number),
  });
  const recentInbox: InboxEvent[] = [];
  const inbox = startInboxService({
    settings,
    storeDir: storeDirOf,
    trustPaths: trustPathsOf,
    auditFile: () => store.current().auditFile,
    rollbackKey: rollbackKeyOf,
    recipientFile: paths.recipientFile,
    device: options.device,
    onEvent: (event) => {
      // The inbox worker installed into the store folder: see its new state.
      if (event.outcome === 'installed') store.refresh();
      recentInbox.unshift(event);
      recentInbox.length = Math.min(recentInbox.length, RECENT_INBOX_EVENTS);
    },
    log: options.log,
    ...(options.inboxTiming ?? {}),
  });
  // IT's signed reset arriving while the app runs: applied with the store's writer paused.
  settings.onReset(async (reset) => {
    await inbox.paused(() => applyReset(reset));
    store.refresh();
  });
  const api = createApi({
    paths,
    engine: worker.engine,
    host: options.host,
    settings,
    store,
    session,
    reports,
    trustPaths,
    recentInbox: () => recentInbox,
    rollbackCopy: () => laptopCopyCondition(options.dataDir, laptopCopy.key),
    device: options.device,
    clock,
  });
  return {
    api,
    paths,
    settings,
    store,
    session,
    inbox,
    async [Symbol.asyncDispose]() {
      settings[Symbol.dispose]();
      await inbox[Symbol.asyncDispose]();
      await session[Symbol.asyncDispose]();
      await worker[Symbol.asyncDispose]();
    },
  };
}

/**
 * The bundled demo export, installed at start — before the inbox worker exists, so the store
 * still has one writer at a time.
 */
async function installDemo(
  demoDir: string,
  storeDir: string,
  settings: Settings,
  trustPaths: string[],
  device: string,
  rollbackKey: Buffer,
): Promise<void> {
  const demoExport = join(demoDir, DEMO_FILES.export);
  const writer = openStore(storeDir, { keep: settings.keep, rollbackKey });
  // The demo's device is this laptop: its store installs for the demo identity's recipient.
  if (writer.enrolledRecipient() === null) {
    writer.enrolRecipient(readFileSync(join(demoDir, DEMO_FILES.recipient), 'utf8').trim());
  }
  const outcome = await writer.install(demoExport, { trust: loadTrustStore(trustPaths), device });
  auditInstall(writer.auditFile, demoExport, outcome, { device, user: null });
}
