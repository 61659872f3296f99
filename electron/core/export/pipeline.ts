/**
 * The export pipeline, used by IT's `downtime export`, the bundled demo, and the test and bench
 * fixtures alike: FHIR → plaintext SQLite image (in memory) → manifest → age-encrypted to the
 * devices and signed with the site key.
 *
 * The manifest's site, data-as-of, scope and counts are read back from the image itself, so the
 * public manifest can never disagree with the payload it commits to.
 */
import { randomUUID } from 'node:crypto';
import { openReadonlyDb } from '../db/open.ts';
import { exportInfo, recordCounts, scopeWards } from '../db/export-facts.ts';
import type { WritableDb } from '../db/handle.ts';
import { toSqliteImage } from '../db/schema.ts';
import {
  type FhirInput,
  type ImportOptions,
  type ImportReport,
  type WriteImportOptions,
  readFhir,
  writeImport,
} from '../fhir/import.ts';
import { writeExport, type ExportManifestInput } from '../format/dtx.ts';
import type { SiteKey } from '../keys/site-key.ts';

/** Imports FHIR input into a SQLite image. The caller zeroes the image when done with it. */
export async function buildImage(
  fhirPaths: readonly string[],
  options: ImportOptions,
): Promise<{ image: Buffer; report: ImportReport }> {
  return imageOf(await readFhir(fhirPaths, options), options);
}

/**
 * One SQLite image of input read once (`readFhir`): the fleet path writes one per plan entry,
 * each with its own ward scope. The caller zeroes the image when done with it.
 */
export function imageOf(
  input: FhirInput,
  options: WriteImportOptions,
): { image: Buffer; report: ImportReport } {
  return imageOfWritten(writeImport(input, options));
}

/** The image of a written export database, which it closes. */
export function imageOfWritten(written: { db: WritableDb; report: ImportReport }): {
  image: Buffer;
  report: ImportReport;
} {
  try {
    return { image: toSqliteImage(written.db), report: written.report };
  } finally {
    written.db.close();
  }
}

export interface SealRequest {
  readonly image: Buffer;
  /** Monotonic per site: the rollback guard. */
  readonly sequence: number;
  readonly createdAt: Date;
  /** `age1…` device (and break-glass) recipients. */
  readonly recipients: readonly string[];
  readonly siteKey: SiteKey;
  readonly exportId?: string;
  /** Reserved downtime numbers for the manifest (`readDowntimeIds`); default none. */
  readonly downtimeIds?: readonly string[];
}

/** The manifest an image gets: everything but the payload facts `writeExport` adds. */
export function manifestFor(
  image: Buffer,
  ids: {
    exportId: string;
    sequence: number;
    createdAt: Date;
    downtimeIds?: readonly string[] | undefined;
  },
): ExportManifestInput {
  const db = openReadonlyDb(image);
  try {
    const info = exportInfo(db);
    return {
      site: { id: info.siteId, name: info.siteName },
      exportId: ids.exportId,
      sequence: ids.sequence,
      createdAt: ids.createdAt.toISOString(),
      dataAsOf: info.dataAsOf,
      scope: { wards: scopeWards(db) },
      counts: { ...recordCounts(db) },
      demo: info.demo,
      ...(ids.downtimeIds && ids.downtimeIds.length > 0
        ? { downtimeIds: [...ids.downtimeIds] }
        : {}),
    };
  } finally {
    db.close();
  }
}

export async function sealExport(
  request: SealRequest,
): Promise<{ bytes: Uint8Array; manifest: ExportManifestInput }> {
  const manifest = manifestFor(request.image, {
    exportId: request.exportId ?? randomUUID(),
    sequence: request.sequence,
    createdAt: request.createdAt,
    downtimeIds: request.downtimeIds,
  });
  const bytes = await writeExport({
    manifest,
    sqlite: request.image,
    recipients: request.recipients,
    siteKey: request.siteKey,
  });
  return { bytes, manifest };
}
