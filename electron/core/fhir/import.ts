/**
 * `importFhir`: FHIR R4 input (Bundles, Bulk NDJSON) → a writable export database, plus a
 * report of what was read, written and worked around. Two phases: read and map every
 * resource into compact records (collect.ts), then resolve, apply the census rule at
 * `asOf`, and write (write-rows.ts). Bad input never throws: it becomes counted warnings.
 */
import type { WritableDb } from '../db/handle.ts';
import { AppError } from '../errors.ts';
import { createExportTables, finishBulkLoad } from '../db/schema.ts';
import { type Collected, Collector } from './collect.ts';
import { readInputs } from './read-input.ts';
import { type ImportReport, ReportTally } from './report.ts';
import { writeRows } from './write-rows.ts';

export { formatImportReport, type ImportReport, type WarningKind } from './report.ts';

export interface ImportOptions {
  /** The census instant T (`--as-of`). */
  readonly asOf: Date;
  /** Ward ids or names exported with full detail; absent: all wards. */
  readonly wards?: readonly string[];
  readonly onProgress?: (p: { resources: number }) => void;
  /** The export's site; absent: the site most current stays are at. */
  readonly site?: { readonly id: string; readonly name: string };
  /** Synthetic data (the demo hospital). */
  readonly demo?: boolean;
  /** The site's IANA time zone, in which date-only periods are whole days (default Europe/Brussels). */
  readonly timeZone?: string;
}

/** The zone date-only periods are read in when the caller names none (the viewer's default). */
export const DEFAULT_IMPORT_TIME_ZONE = 'Europe/Brussels';

export async function importFhir(
  paths: readonly string[],
  options: ImportOptions,
): Promise<{ db: WritableDb; report: ImportReport }> {
  return writeImport(await readFhir(paths, options), options);
}

/**
 * The input read and mapped once (the first, costly phase), so several exports of different
 * ward scopes (a fleet plan) can be written from it without reading the FHIR again.
 */
export interface FhirInput {
  readonly collected: Collected;
  readonly asOf: Date;
  readonly timeZone: string;
  /** What reading counted; each write starts from a copy of it. */
  readonly tally: ReportTally;
}

export async function readFhir(
  paths: readonly string[],
  options: Pick<ImportOptions, 'asOf' | 'onProgress' | 'timeZone'>,
): Promise<FhirInput> {
  if (Number.isNaN(options.asOf.getTime())) {
    throw new AppError(
      'invalid-argument',
      'The census instant (--as-of) is not a valid date; use ISO 8601, e.g. 2026-11-28T08:00:00Z.',
    );
  }
  const timeZone = options.timeZone ?? DEFAULT_IMPORT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError(
      'invalid-argument',
      `The time zone "${timeZone.slice(0, 60)}" is not a known IANA time zone; give one such as Europe/Brussels.`,
    );
  }
  const tally = new ReportTally(options.onProgress);
  const collector = new Collector({ asOf: options.asOf.getTime(), timeZone }, tally);
  await readInputs(paths, collector, tally);
  return { collected: collector.collected, asOf: options.asOf, timeZone, tally };
}

/** The second phase: one export database (its ward scope, site, demo mark) from input read once. */
export function writeImport(
  input: FhirInput,
  options: Omit<ImportOptions, 'asOf' | 'onProgress' | 'timeZone'>,
): { db: WritableDb; report: ImportReport } {
  const tally = input.tally.copy();
  const db = createExportTables();
  try {
    const summary = writeRows(
      db,
      input.collected,
      { ...options, asOf: input.asOf, timeZone: input.timeZone },
      tally,
    );
    finishBulkLoad(db);
    return { db, report: tally.finish({ ...summary, asOf: input.asOf.toISOString() }) };
  } catch (e) {
    db.close();
    throw e;
  }
}
