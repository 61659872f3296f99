/**
 * A real export database for the print tests: the FHIR small hospital of the importer tests,
 * imported and reopened read-only, as the viewer opens an export.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import type { ReportRequest } from '../../../electron/core/model.ts';
import { renderReport, type ReportSettings } from '../../../electron/core/print/render.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { AS_OF, smallHospital, writeBundle } from '../fhir/small-hospital.ts';
import { manifest } from './fixtures.ts';

export { AS_OF };

export async function smallHospitalDb(
  extra: Parameters<typeof smallHospital>[0] = [],
): Promise<ReadonlyDb> {
  const bundle = writeBundle(smallHospital(extra));
  try {
    const { db } = await importFhir([bundle.file], { asOf: AS_OF, wards: ['w3b'] });
    const image = toSqliteImage(db);
    db.close();
    return openReadonlyDb(image);
  } finally {
    bundle.cleanup();
  }
}

/** The laptop's print settings for reports of the small hospital at its `AS_OF`. */
export const SMALL_HOSPITAL_SETTINGS: ReportSettings = {
  manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), site: { id: 'chu', name: 'CHU Démo' } },
  printedAt: new Date('2026-11-28T07:30:00Z'),
  printedBy: 'Nurse Claes',
  timeZone: 'Europe/Brussels',
  adminTimes: DEFAULT_ADMIN_TIMES,
  roundStarts: ['07:00', '15:00', '22:00'],
  censusBarcodes: false,
  staleAmberHours: 2,
  staleRedHours: 24,
  issuedNumbers: [],
};

/**
 * A report of `db` rendered to a PDF in `dir` and read back as pdftotext does, in drawing
 * order, runs of white space (no-break ones too) as one space.
 */
export async function reportText(
  db: ReadonlyDb,
  request: ReportRequest,
  dir: string,
  settings: ReportSettings = SMALL_HOSPITAL_SETTINGS,
): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await renderReport(db, request, settings, sink);
  const file = join(dir, `${request.report}-${request.language}-${randomUUID()}.pdf`);
  writeFileSync(file, Buffer.concat(chunks));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
