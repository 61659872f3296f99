/**
 * `importFhir`: FHIR R4 input (Bundles, Bulk NDJSON) → a writable export database, plus a
 * report of what was read, written and worked around. Two phases: read and map every
 * resource into compact records (collect.ts), then resolve, apply the census rule at
 * `asOf`, and write (write-rows.ts). Bad input never throws: it becomes counted warnings.
 */
import type { WritableDb } from '../db/handle.ts';
import { AppError } from '../errors.ts';
import { assertTimeZone } from '../schedule/zoned-time.ts';
import { copyBulkLoad, createExportTables, finishBulkLoad } from '../db/schema.ts';
import { type Collected, Collector } from './collect.ts';
import { readInputs } from './read-input.ts';
import { type ImportReport, ReportTally } from './report.ts';
import { type WriteSummary, prepareRows, writePrepared, writeRows } from './write-rows.ts';

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
    // The zone's formatter is made once and kept (constructing one costs ~5 ms).
    assertTimeZone(timeZone);
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

/** What a write of input read once chooses: its ward scope, site and demo mark. */
export type WriteImportOptions = Omit<ImportOptions, 'asOf' | 'onProgress' | 'timeZone'>;

/** The second phase: one export database (its ward scope, site, demo mark) from input read once. */
export function writeImport(
  input: FhirInput,
  options: WriteImportOptions,
): { db: WritableDb; report: ImportReport } {
  const tally = input.tally.copy();
  return finished(createExportTables(), input, tally, (db) =>
    writeRows(
      db,
      input.collected,
      { ...options, asOf: input.asOf, timeZone: input.timeZone },
      tally,
    ),
  );
}

/**
 * The second phase for several exports of input read once (a fleet plan). What no ward scope
 * changes is worked out once (write-rows.ts `prepareRows`: stays, wards, records grouped by
 * patient), and the rows every ward-scoped export shares — the whole hospital as locator rows
 * — are written once into a base that each scoped export copies and writes its wards over.
 * Each export and its report equal `writeImport`'s for the same options. `close()` zeroes the
 * base (it holds every patient's name and place).
 */
export function planWriter(input: FhirInput): {
  write(options: WriteImportOptions): { db: WritableDb; report: ImportReport };
  close(): void;
} {
  const tally = input.tally.copy();
  const prepared = prepareRows(
    input.collected,
    { asOf: input.asOf, timeZone: input.timeZone },
    tally,
  );
  let base: Buffer | null = null;
  const locatorBase = (): Buffer => {
    if (base) return base;
    const db = createExportTables();
    try {
      // Its counts are not reported: each export counts its own rows, base included.
      writePrepared(db, prepared, { wards: [] }, new ReportTally(), 'locator-base');
      base = db.serialize();
      return base;
    } finally {
      db.close();
    }
  };
  return {
    write(options) {
      const exportTally = tally.copy();
      const scoped = options.wards !== undefined;
      return finished(
        scoped ? copyBulkLoad(locatorBase()) : createExportTables(),
        input,
        exportTally,
        (db) =>
          writePrepared(
            db,
            prepared,
            options,
            exportTally,
            scoped ? 'over-locator-base' : 'every-row',
          ),
      );
    },
    close() {
      base?.fill(0);
      base = null;
    },
  };
}

/** The bulk load `write` fills, finished, with its report; closed if anything fails. */
function finished(
  db: WritableDb,
  input: FhirInput,
  tally: ReportTally,
  write: (db: WritableDb) => WriteSummary,
): { db: WritableDb; report: ImportReport } {
  try {
    const summary = write(db);
    finishBulkLoad(db);
    return { db, report: tally.finish({ ...summary, asOf: input.asOf.toISOString() }) };
  } catch (e) {
    db.close();
    throw e;
  }
}
