/**
 * `createApi(services)`: the one implementation of the API contract, as thin mappings onto the
 * services `startApp` composes (settings, store, session, reports). Electron's main process
 * mounts it on IPC, the E2E harness on Playwright's `exposeBinding`; both give it the same
 * services except the host (dialogs, printers), which is Electron's or a test double.
 *
 * Decrypted data stays in the engine (a worker thread) and leaves it only as answers, each
 * audited by the session service before it is returned.
 */
import { join } from 'node:path';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import type { ApiImplementation, ExportSummary } from '../api/contract.ts';
import type { RemoteEngine } from '../engine/engine-protocol.ts';
import { AppError } from '../errors.ts';
import { generateDeviceIdentity, recipientQrSvg, sealIdentity } from '../keys/device-identity.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import type { InboxEvent } from '../model.ts';
import { auditSealFileFor, verifySealedAudit } from '../audit/audit-seal.ts';
import { checkReadiness, type AuditFinding } from '../readiness/readiness.ts';
import {
  issueRegistration,
  readRegistrations,
  remainingDowntimeIds,
} from '../registrations/registrations.ts';
import { checkClinicalChange } from '../settings/it-settings.ts';
import { loadRollbackKey, rollbackFilesFor } from '../store/rollback.ts';
import { AUDIT_FILE, type StoredExport } from '../store/store.ts';
import type { AppPaths } from './app-paths.ts';
import { writeIdentityFile, type AtRestSeal } from './identity-file.ts';
import type { ReportService } from './report-service.ts';
import type { SessionService } from './session-service.ts';
import type { SettingsService } from './settings-service.ts';
import type { StoreService } from './store-service.ts';

/** What only the host (Electron, or a test) can do. */
export interface HostServices {
  /** Asks where to save (a dialog in the app); null when the user cancels. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  /** The system dialog, else the spooler (then with the job id it gave, when it gave one). */
  printPdf(
    pdf: Uint8Array,
    printer: string | null,
  ): Promise<{ via: 'dialog' | 'spooler'; jobId: string | null }>;
  /** Printer names, or null when the host cannot tell. */
  listPrinters(): Promise<string[] | null>;
  /** Electron safeStorage, where the OS offers it. */
  readonly atRest: AtRestSeal | null;
}

export interface ApiServices {
  readonly paths: AppPaths;
  readonly engine: RemoteEngine;
  readonly host: HostServices;
  readonly settings: SettingsService;
  readonly store: StoreService;
  readonly session: SessionService;
  readonly reports: ReportService;
  readonly trustPaths: () => string[];
  /** The inbox's latest decisions, newest first (the status screen shows them). */
  readonly recentInbox: () => readonly InboxEvent[];
  /** The laptop's copy of the rollback marks as it stands now (absent in tests without one). */
  readonly rollbackCopy?: () => 'ok' | 'missing' | 'edited';
  /** This laptop's name in the audit trail. */
  readonly device: string;
  readonly clock: () => Date;
}

export function createApi(services: ApiServices): ApiImplementation {
  const { paths, engine, host, device, clock, settings, store, session, reports } = services;

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
      current: store.current().current()?.exportId === stored.exportId,
    };
  }

  const jobDetail = (job: {
    id: string;
    request: { report: string; wardId?: string | undefined; patientId?: string | undefined };
  }) => ({
    report: job.request.report,
    job: job.id,
    ...(job.request.wardId === undefined ? {} : { ward: job.request.wardId }),
    ...(job.request.patientId === undefined ? {} : { patient: job.request.patientId }),
  });

  return {
    async getStatus() {
      const open = session.peek();
      const current = open?.export ?? store.current().current();
      const s = settings.current();
      return {
        now: clock().toISOString(),
        identity: existsSync(paths.identityFile) ? 'present' : 'absent',
        unlocked: open !== null,
        user: open?.user ?? null,
        current: current ? summarize(current) : null,
        kept: store.current().list().map(summarize),
        recentInbox: [...services.recentInbox()],
        unlockWaitSeconds: Math.ceil(session.unlockWait() / 1000),
        settings: {
          language: s.language,
          lockTimeoutSeconds: s.lockTimeoutSeconds,
          staleAmberHours: s.staleAmberHours,
          staleRedHours: s.staleRedHours,
          paper: s.paper,
          timeZone: s.timeZone,
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
      session.recordAs(null, { event: 'settings-changed', detail: { field: 'device-identity' } });
      return { recipient, qrSvg: recipientQrSvg(recipient), savedTo: paths.recipientFile };
    },

    async unlock(request) {
      reports.forget();
      return session.unlock(request);
    },

    async lock() {
      reports.forget();
      await session.lock('button');
      return {};
    },

    async setLanguage({ language }) {
      const changed = await settings.update({ ...settings.current(), language });
      if (changed.length > 0) {
        session.record({ event: 'settings-changed', detail: { field: 'language' } });
      }
      return {};
    },

    async listWards() {
      await session.require();
      return engine.listWards();
    },

    async census({ wardId }) {
      await session.require();
      const rows = await engine.census(wardId);
      session.record({ event: 'census-opened', detail: { ward: wardId, patients: rows.length } });
      return rows;
    },

    async search({ query, limit }) {
      await session.require();
      session.searched();
      return engine.search(query, limit ?? 50);
    },

    async scan({ code }) {
      await session.require();
      // A scan is a lookup like a typed search: counted in the burst, never recorded as text.
      session.searched();
      return engine.findByIdentifier(code);
    },

    async chart({ patientId }) {
      await session.require();
      const s = settings.current();
      const chart = await engine.chart(patientId, {
        now: clock(),
        adminTimes: s.adminTimes,
        timeZone: s.timeZone,
      });
      session.recordSoon({ event: 'patient-opened', detail: { mrn: chart.patient.mrn } });
      return chart;
    },

    async renderReport(request) {
      const job = await reports.render(request);
      session.record({
        event: 'report-previewed',
        detail: { ...jobDetail(job), pages: job.pages },
      });
      return {
        jobId: job.id,
        pdfBase64: Buffer.from(job.pdf).toString('base64'),
        pages: job.pages,
      };
    },

    async printReport({ jobId, printer }) {
      await session.require();
      const job = reports.job(jobId);
      const { via, jobId: spoolerJob } = await host.printPdf(
        job.pdf,
        printer ?? settings.current().defaultPrinter,
      );
      session.record({
        event: 'print',
        detail: {
          ...jobDetail(job),
          pages: job.pages,
          via,
          ...(spoolerJob === null ? {} : { spoolerJob }),
        },
      });
      return { via, pages: job.pages, spoolerJob };
    },

    async saveReport({ jobId }) {
      await session.require();
      const job = reports.job(jobId);
      const stamp = clock().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const savedTo = await host.saveFile(`downtime-${job.request.report}-${stamp}.pdf`, job.pdf);
      if (savedTo) {
        session.record({
          event: 'print',
          detail: { ...jobDetail(job), pages: job.pages, via: 'pdf' },
        });
      }
      return { savedTo };
    },

    async readiness() {
      let trust;
      try {
        trust = loadTrustStore(services.trustPaths());
      } catch {
        trust = { signers: [] };
      }
      const s = settings.current();
      const dir = store.dirOf(s);
      return checkReadiness({
        now: clock(),
        store: store.current(),
        audit: auditFinding(dir, host.atRest),
        secureStorage: host.atRest ? 'os' : 'none',
        itSettings: settings.itSettingsStatus(),
        ...(services.rollbackCopy ? { rollbackCopy: services.rollbackCopy() } : {}),
        settings: s,
        identityPresent: existsSync(paths.identityFile),
        trust,
        freeDiskBytes: freeDiskBytes(store.dirOf(s)),
        printers: await host.listPrinters(),
      });
    },

    async getSettings() {
      await session.require();
      return settings.current();
    },

    async updateSettings({ passphrase, settings: next }) {
      await session.require();
      // Changing how the laptop behaves needs the ward passphrase again, not just an open session.
      await session.checkPassphrase(passphrase);
      // The trust, inbox and store folders and retention are IT's (a signed file), never this.
      const before = settings.current();
      const fields = checkClinicalChange(before, next);
      if (fields.length === 0) return { changed: [] };
      // Audited before it takes effect; a store move is recorded in the old chain and the new.
      session.record({ event: 'settings-changed', detail: { field: fields.join(',') } });
      const changed = await settings.update(next);
      if (changed.includes('storeDir')) {
        session.record({
          event: 'settings-changed',
          detail: { field: 'storeDir', from: store.dirOf(before) },
        });
      }
      return { changed };
    },

    async registrations() {
      const { export: open } = await session.require();
      const issued = readRegistrations(store.current().dir);
      const reserved = open.manifest.downtimeIds ?? [];
      return {
        issued,
        reserved: reserved.length,
        remaining: remainingDowntimeIds(reserved, issued),
      };
    },

    async issueRegistration({ wardId }) {
      const { user, export: open } = await session.require();
      const ward = (await engine.listWards()).find((w) => w.id === wardId);
      if (!ward)
        throw new AppError('not-found', 'This ward is not in the open export; choose it again.');
      return issueRegistration({
        storeDir: store.current().dir,
        auditFile: store.current().auditFile,
        reserved: open.manifest.downtimeIds ?? [],
        exportId: open.exportId,
        wardId: ward.id,
        wardName: ward.name,
        user,
        device,
        now: clock(),
      });
    },

    async exportAudit() {
      await session.require();
      const file = store.current().auditFile;
      const bytes = existsSync(file) ? readFileSync(file) : new Uint8Array();
      const day = clock().toISOString().slice(0, 10);
      const savedTo = await host.saveFile(`downtime-audit-${device}-${day}.jsonl`, bytes);
      if (savedTo) {
        session.record({
          event: 'audit-exported',
          detail: { lines: bytes.length === 0 ? 0 : countLines(bytes) },
        });
      }
      return { savedTo };
    },
  };
}

/** The store's trail against its sealed head; null when the key cannot be read. */
function auditFinding(storeDir: string, atRest: AtRestSeal | null): AuditFinding | null {
  try {
    const key = loadRollbackKey(rollbackFilesFor(storeDir).key, atRest, { create: false });
    return verifySealedAudit(join(storeDir, AUDIT_FILE), auditSealFileFor(storeDir), key);
  } catch {
    return null;
  }
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
