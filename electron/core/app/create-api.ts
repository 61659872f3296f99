/**
 * `createApi(services)`: the one implementation of the API contract. Electron's main process
 * mounts it on IPC, the E2E harness on Playwright's `exposeBinding`; both give it the same
 * services except the host (dialogs, printers), which is Electron's or a test double.
 *
 * It owns the session (who unlocked, which export is open) and the audit of every access;
 * decrypted data stays in the engine (a worker thread) and leaves it only as answers.
 */
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import type { ApiImplementation, ExportSummary, InboxEvent, Language } from '../api/contract.ts';
import type { RemoteEngine } from '../engine/engine-protocol.ts';
import type { ReportJob } from '../engine/engine.ts';
import { AppError } from '../errors.ts';
import {
  generateDeviceIdentity,
  recipientQrSvg,
  sealIdentity,
  unsealIdentity,
} from '../keys/device-identity.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import { checkReadiness } from '../readiness/readiness.ts';
import { loadSettings, saveSettings, type Settings } from '../settings/settings.ts';
import { openStore, type Store, type StoredExport } from '../store/store.ts';
import { createAccessAudit, type AccessEvent } from './access-audit.ts';
import type { AppPaths } from './app-paths.ts';
import { readIdentityFile, writeIdentityFile, type AtRestSeal } from './identity-file.ts';

/** What only the host (Electron, or a test) can do. */
export interface HostServices {
  /** Asks where to save (a dialog in the app); null when the user cancels. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  /** Prints a PDF: the system dialog, else the OS spooler. */
  printPdf(pdf: Uint8Array, printer: string | null): Promise<'dialog' | 'spooler'>;
  /** Printer names, or null when the host cannot tell. */
  listPrinters(): Promise<string[] | null>;
  /** Electron safeStorage, where the OS offers it. */
  readonly atRest: AtRestSeal | null;
}

export interface ApiServices {
  readonly paths: AppPaths;
  readonly engine: RemoteEngine;
  readonly host: HostServices;
  /** This laptop's name in the audit trail. */
  readonly device: string;
  readonly clock: () => Date;
  readonly log: { warn(message: string): void };
}

const RECENT_INBOX_EVENTS = 20;

interface Session {
  readonly user: string;
  readonly export: StoredExport;
}

export interface AppCore {
  readonly api: ApiImplementation;
  readonly settings: () => Settings;
  readonly store: () => Store;
  readonly trustPaths: () => string[];
  readonly auditFile: () => string;
  /** An inbox decision (the inbox thread audits it itself): shown on the status screen. */
  readonly noteInboxEvent: (event: InboxEvent) => void;
}

export function createApi(services: ApiServices): AppCore {
  const { paths, engine, host, device, clock } = services;

  let settings = loadInitialSettings();
  let store = openStore(storeDir(), { keep: settings.keep });
  let session: Session | null = null;
  const inboxEvents: InboxEvent[] = [];

  function loadInitialSettings(): Settings {
    const loaded = loadSettings(paths.settingsFile);
    for (const problem of loaded.problems) services.log.warn(problem);
    return loaded.settings;
  }
  function storeDir(): string {
    return settings.storeDir ?? paths.defaultStoreDir;
  }
  function trustPaths(): string[] {
    return [settings.trustDir ?? paths.bundledTrustDir];
  }
  function auditFile(): string {
    return store.auditFile;
  }
  const access = createAccessAudit({
    file: auditFile,
    device,
    clock,
    warn: (message) => services.log.warn(message),
  });
  function audit(event: AccessEvent): void {
    access.record(event, session?.user ?? null);
  }
  function requireSession(): Session {
    if (!session)
      throw new AppError('locked', 'The viewer is locked. Unlock it with the ward passphrase.');
    return session;
  }
  function summarize(stored: StoredExport): ExportSummary {
    const { manifest } = stored;
    return {
      exportId: stored.exportId,
      sequence: stored.sequence,
      siteId: manifest.site.id,
      siteName: manifest.site.name,
      signer: stored.signer,
      createdAt: manifest.createdAt,
      dataAsOf: manifest.dataAsOf,
      wards: manifest.scope.wards,
      demo: manifest.demo,
      current: store.current()?.exportId === stored.exportId,
    };
  }
  function changeSettings(next: Settings, what: string): void {
    saveSettings(paths.settingsFile, next);
    settings = next;
    store = openStore(storeDir(), { keep: settings.keep });
    audit({ event: 'settings-changed', detail: { field: what } });
  }

  async function renderJob(request: {
    report: ReportJob['report'];
    wardId?: string | undefined;
    patientId?: string | undefined;
    paper: Settings['paper'];
    language: Language;
    start?: string | undefined;
  }): Promise<{ pdf: Uint8Array; pages: number }> {
    const { user } = requireSession();
    const start = request.start === undefined ? undefined : new Date(request.start);
    if (start && Number.isNaN(start.getTime())) {
      throw new AppError(
        'invalid-argument',
        'The start time of the worksheet is not a valid date.',
      );
    }
    const job: ReportJob = {
      report: request.report,
      ...(request.wardId === undefined ? {} : { wardId: request.wardId }),
      ...(request.patientId === undefined ? {} : { patientId: request.patientId }),
      ...(start === undefined ? {} : { start }),
    };
    return engine.renderReport(job, {
      language: request.language,
      paper: request.paper,
      printedAt: clock(),
      printedBy: user,
      timeZone: settings.timeZone,
      adminTimes: settings.adminTimes,
    });
  }

  const printDetail = (r: {
    report: string;
    wardId?: string | undefined;
    patientId?: string | undefined;
  }) => ({
    report: r.report,
    ...(r.wardId === undefined ? {} : { ward: r.wardId }),
    ...(r.patientId === undefined ? {} : { patient: r.patientId }),
  });

  const api: ApiImplementation = {
    async getStatus() {
      const kept = store.list();
      const current = session?.export ?? store.current();
      return {
        now: clock().toISOString(),
        identity: existsSync(paths.identityFile) ? 'present' : 'absent',
        unlocked: session !== null,
        user: session?.user ?? null,
        current: current ? summarize(current) : null,
        kept: kept.map(summarize),
        recentInbox: [...inboxEvents],
        settings: {
          language: settings.language,
          lockTimeoutSeconds: settings.lockTimeoutSeconds,
          staleAmberHours: settings.staleAmberHours,
          staleRedHours: settings.staleRedHours,
          paper: settings.paper,
          timeZone: settings.timeZone,
        },
      };
    },

    async enrol({ passphrase }) {
      if (existsSync(paths.identityFile)) {
        throw new AppError(
          'invalid-config',
          'This laptop is already enrolled. IT must remove its device key before enrolling it again.',
        );
      }
      if (passphrase.length < 10) {
        throw new AppError(
          'invalid-argument',
          'The ward passphrase must have at least 10 characters.',
        );
      }
      const { identity, recipient } = await generateDeviceIdentity();
      const sealed = await sealIdentity(identity, passphrase);
      writeIdentityFile(paths.identityFile, sealed, host.atRest);
      writeIdentityFile(paths.recipientFile, new TextEncoder().encode(`${recipient}\n`), null);
      audit({ event: 'settings-changed', detail: { field: 'device-identity' } });
      return { recipient, qrSvg: recipientQrSvg(recipient), savedTo: paths.recipientFile };
    },

    async unlock({ passphrase, user, exportId }) {
      if (!existsSync(paths.identityFile)) {
        throw new AppError(
          'no-identity',
          'This laptop has no device identity yet. Enrol it first.',
        );
      }
      const target =
        exportId === undefined
          ? store.current()
          : store.list().find((e) => e.exportId === exportId);
      if (!target) {
        throw new AppError(
          exportId === undefined ? 'no-export' : 'not-found',
          exportId === undefined
            ? 'No export is installed on this laptop yet. Ask IT to copy one into the inbox.'
            : 'That export is no longer kept on this laptop.',
        );
      }
      const attempt = (kind: string) =>
        access.record({ event: 'unlock-failed', detail: { kind } }, user);
      let identity: string;
      try {
        identity = await unsealIdentity(
          readIdentityFile(paths.identityFile, host.atRest),
          passphrase,
        );
      } catch (e) {
        attempt(e instanceof AppError ? e.kind : 'internal');
        throw e;
      }
      try {
        await engine.open({
          bytes: store.readBytes(target.exportId),
          trustPaths: trustPaths(),
          identity,
        });
      } catch (e) {
        attempt(e instanceof AppError ? e.kind : 'internal');
        throw e;
      }
      session = { user, export: target };
      audit({ event: 'unlock', detail: { export: target.exportId, sequence: target.sequence } });
      return { wards: await engine.listWards() };
    },

    async lock() {
      if (session) {
        access.endSearches(session.user);
        audit({ event: 'lock' });
      }
      session = null;
      await engine.close();
      return {};
    },

    async setLanguage({ language }) {
      if (settings.language !== language) changeSettings({ ...settings, language }, 'language');
      return {};
    },

    async listWards() {
      requireSession();
      return engine.listWards();
    },

    async census({ wardId }) {
      requireSession();
      return engine.census(wardId);
    },

    async search({ query, limit }) {
      access.searched(requireSession().user);
      return engine.search(query, limit ?? 50);
    },

    async chart({ patientId }) {
      const { user } = requireSession();
      const chart = await engine.chart(patientId, {
        now: clock(),
        adminTimes: settings.adminTimes,
        timeZone: settings.timeZone,
      });
      access.recordSoon({ event: 'patient-opened', detail: { mrn: chart.patient.mrn } }, user);
      return chart;
    },

    async renderReport(request) {
      const { pdf, pages } = await renderJob(request);
      return { pdfBase64: Buffer.from(pdf).toString('base64'), pages };
    },

    async printReport(request) {
      const { pdf, pages } = await renderJob(request);
      const via = await host.printPdf(pdf, request.printer ?? settings.defaultPrinter);
      audit({ event: 'print', detail: { ...printDetail(request), pages, via } });
      return { via, pages };
    },

    async saveReport(request) {
      const { pdf, pages } = await renderJob(request);
      const stamp = clock().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const savedTo = await host.saveFile(`downtime-${request.report}-${stamp}.pdf`, pdf);
      if (savedTo)
        audit({ event: 'print', detail: { ...printDetail(request), pages, via: 'pdf' } });
      return { savedTo };
    },

    async readiness() {
      let trust;
      try {
        trust = loadTrustStore(trustPaths());
      } catch {
        trust = { signers: [] };
      }
      return checkReadiness({
        now: clock(),
        store,
        settings,
        identityPresent: existsSync(paths.identityFile),
        trust,
        freeDiskBytes: freeDiskBytes(storeDir()),
        printers: await host.listPrinters(),
      });
    },

    async getSettings() {
      requireSession();
      return settings;
    },

    async updateSettings({ passphrase, settings: next }) {
      requireSession();
      // Changing how the laptop behaves needs the ward passphrase again, not just an open session.
      await unsealIdentity(readIdentityFile(paths.identityFile, host.atRest), passphrase);
      const changed = (Object.keys(next) as (keyof Settings)[]).filter(
        (key) => JSON.stringify(next[key]) !== JSON.stringify(settings[key]),
      );
      if (changed.length > 0) changeSettings(next, changed.join(','));
      return { changed };
    },

    async exportAudit() {
      requireSession();
      const bytes = existsSync(auditFile()) ? readFileSync(auditFile()) : new Uint8Array();
      const day = clock().toISOString().slice(0, 10);
      const savedTo = await host.saveFile(`downtime-audit-${device}-${day}.jsonl`, bytes);
      if (savedTo)
        audit({
          event: 'audit-exported',
          detail: { lines: bytes.length === 0 ? 0 : countLines(bytes) },
        });
      return { savedTo };
    },
  };

  return {
    api,
    settings: () => settings,
    store: () => store,
    trustPaths,
    auditFile,
    noteInboxEvent: (event) => {
      // The inbox thread installed into the store folder: see its new state.
      if (event.outcome === 'installed') store = openStore(storeDir(), { keep: settings.keep });
      inboxEvents.unshift(event);
      inboxEvents.length = Math.min(inboxEvents.length, RECENT_INBOX_EVENTS);
    },
  };
}

function freeDiskBytes(dir: string): number | null {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}
