/**
 * The engine holds the one decrypted export and answers every question about it. It runs in a
 * worker thread (engine-worker.ts), so decrypting, opening, querying and rendering PDFs never
 * block the window; the CLI and tests may also call it in-process.
 *
 * Decrypted data lives here, in memory only: the SQLite image is deserialized from a buffer,
 * and the buffer is zeroed as soon as SQLite has its copy.
 */
import { AppError } from '../errors.ts';
import { openExport, type OpenedExport } from '../export/open-export.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import {
  censusByWard,
  findPatientsByMrn,
  getChart,
  listWards,
  searchPatients,
} from '../db/queries.ts';
import { renderReport, type ReportSettings } from '../print/render.ts';
import type { AdminTimes } from '../schedule/admin-times.ts';
import type { Chart, Manifest, ReportRequest } from '../model.ts';
import { Writable } from 'node:stream';

export interface OpenRequest {
  /** The export file. The engine takes it over: it is decrypted in place, then zeroed. */
  readonly bytes: Uint8Array;
  readonly trustPaths: readonly string[];
  readonly identity: string;
}

export interface ChartClock {
  readonly now: Date;
  readonly adminTimes: AdminTimes;
  readonly timeZone: string;
}

export function createEngine() {
  let current: OpenedExport | null = null;

  const opened = (): OpenedExport => {
    if (!current)
      throw new AppError('locked', 'The viewer is locked. Unlock it with the ward passphrase.');
    return current;
  };

  const close = (): void => {
    current?.db.close();
    current = null;
  };

  return {
    async open(request: OpenRequest): Promise<{ manifest: Manifest; signer: string }> {
      close();
      const opened = await openExport(
        request.bytes,
        loadTrustStore(request.trustPaths),
        request.identity,
      );
      current = opened;
      const { manifest, signer } = opened;
      return { manifest, signer };
    },
    close,
    listWards: () => listWards(opened().db),
    census: (wardId: string) => censusByWard(opened().db, wardId),
    search: (query: string, limit: number) => searchPatients(opened().db, query, limit),
    findByIdentifier: (code: string) => findPatientsByMrn(opened().db, code),
    chart(patientId: string, clock: ChartClock): Chart {
      const chart = getChart(opened().db, patientId, clock);
      if (!chart) throw new AppError('not-found', 'This patient is not in the open export.');
      return chart;
    },
    async renderReport(
      request: ReportRequest,
      settings: Omit<ReportSettings, 'manifest'>,
    ): Promise<{ pdf: Uint8Array; pages: number }> {
      const { db, manifest } = opened();
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      });
      const { pages } = await renderReport(db, request, { ...settings, manifest }, sink);
      return { pdf: Buffer.concat(chunks), pages };
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
