/**
 * The report service: a render is a job — the PDF bytes kept under an id for this session — so
 * what the nurse previewed is exactly what prints or is saved (a MAR's window cannot move in
 * between), and the audit names the same job. Jobs go when the session does.
 */
import { randomUUID } from 'node:crypto';
import type { ReportRequest as WireReportRequest } from '../api/contract.ts';
import type { RemoteEngine } from '../engine/engine-protocol.ts';
import { AppError } from '../errors.ts';
import type { ReportRequest } from '../print/render.ts';
import type { SessionService } from './session-service.ts';
import type { SettingsService } from './settings-service.ts';

/** Rendered jobs kept per session (a few previews back; each is one PDF in memory). */
const KEPT_JOBS = 8;

export interface ReportJob {
  readonly id: string;
  readonly request: WireReportRequest;
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly user: string;
}

export interface ReportService {
  render(request: WireReportRequest): Promise<ReportJob>;
  /** A job rendered in this session, by id. */
  job(id: string): ReportJob;
  /** Forgets every job (at lock). */
  forget(): void;
}

function instant(value: string | undefined, which: 'start' | 'end'): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('invalid-argument', `The ${which} time of the report is not a valid date.`);
  }
  return date;
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
    async render(wire) {
      const { user } = await session.require();
      const start = instant(wire.start, 'start');
      const end = instant(wire.end, 'end');
      const request: ReportRequest = {
        report: wire.report,
        ...(wire.wardId === undefined ? {} : { wardId: wire.wardId }),
        ...(wire.patientId === undefined ? {} : { patientId: wire.patientId }),
        ...(start === undefined ? {} : { start }),
        ...(wire.marStart === undefined ? {} : { marStart: wire.marStart }),
        ...(wire.days === undefined ? {} : { days: wire.days }),
        ...(wire.handoverLayout === undefined ? {} : { handoverLayout: wire.handoverLayout }),
        ...(end === undefined ? {} : { end }),
        ...(wire.count === undefined ? {} : { count: wire.count }),
        ...(wire.hours === undefined ? {} : { hours: wire.hours }),
        ...(wire.band === undefined ? {} : { band: wire.band }),
        ...(wire.number === undefined ? {} : { number: wire.number }),
      };
      const current = settings.current();
      const { pdf, pages } = await engine.renderReport(request, {
        language: wire.language,
        paper: wire.paper,
        printedAt: clock(),
        printedBy: user,
        timeZone: current.timeZone,
        adminTimes: current.adminTimes,
        roundStarts: current.roundStarts,
        staleAmberHours: current.staleAmberHours,
        censusBarcodes: current.censusBarcodes,
        labelSheet: current.labelSheet,
        wristbands: current.wristbands,
        issuedNumbers: issuedNumbers(),
      });
      const job: ReportJob = { id: randomUUID(), request: wire, pdf, pages, user };
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
