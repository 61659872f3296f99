/**
 * The report service: a render is a job — the PDF bytes kept under an id for this session — so
 * what the nurse previewed is exactly what prints or is saved (a MAR's window cannot move in
 * between), and the audit names the same job. Jobs go when the session does.
 */
import { randomUUID } from 'node:crypto';
import type { RemoteEngine } from '../engine/engine-protocol.ts';
import { AppError } from '../errors.ts';
import type { ReportRequest } from '../model.ts';
import type { SessionService } from './session-service.ts';
import type { SettingsService } from './settings-service.ts';

/** Rendered jobs kept per session (a few previews back; each is one PDF in memory). */
const KEPT_JOBS = 8;

export interface ReportJob {
  readonly id: string;
  readonly request: ReportRequest;
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly user: string;
}

export interface ReportService {
  render(request: ReportRequest): Promise<ReportJob>;
  /** A job rendered in this session, by id. */
  job(id: string): ReportJob;
  /** Forgets every job (at lock). */
  forget(): void;
}

export function createReportService(options: {
  readonly engine: RemoteEngine;
  readonly session: SessionService;
  readonly settings: SettingsService;
  readonly clock: () => Date;
  /** Downtime numbers issued on this laptop: registration packets are printed for those only. */
  readonly issuedNumbers: () => readonly string[];
}): ReportService {
  const { engine, session, settings, clock, issuedNumbers } = options;
  const jobs = new Map<string, ReportJob>();
  return {
    async render(request) {
      const { user } = await session.require();
      const current = settings.current();
      const { pdf, pages } = await engine.renderReport(request, {
        printedAt: clock(),
        printedBy: user,
        timeZone: current.timeZone,
        adminTimes: current.adminTimes,
        roundStarts: current.roundStarts,
        staleAmberHours: current.staleAmberHours,
        staleRedHours: current.staleRedHours,
        censusBarcodes: current.censusBarcodes,
        labelSheet: current.labelSheet,
        wristbands: current.wristbands,
        issuedNumbers: issuedNumbers(),
      });
      const job: ReportJob = { id: randomUUID(), request, pdf, pages, user };
      jobs.set(job.id, job);
      for (const id of jobs.keys()) if (jobs.size > KEPT_JOBS) jobs.delete(id);
      return job;
    },
    job(id) {
      const job = jobs.get(id);
      if (!job) {
        throw new AppError('not-found', 'That report is no longer ready; preview it again.');
      }
      return job;
    },
    forget: () => jobs.clear(),
  };
}
