/**
 * Several sealed exports from one FHIR import: each plan entry gets its own ward scope (the
 * others as locator rows), its own recipients and its own file, all signed with the same site
 * key and carrying the same sequence and creation time. Entries are written one after the
 * other, sharing what no ward scope changes (fhir/import.ts `planWriter`: the hospital as
 * locator rows is written once, not once per ward); a failed entry is reported and the others
 * are still written (each file atomically).
 */
import { type FhirInput, type ImportReport, planWriter } from '../fhir/import.ts';
import type { ExportManifestInput } from '../format/dtx.ts';
import { AppError, isAppError } from '../errors.ts';
import type { SiteKey } from '../keys/site-key.ts';
import { imageOfWritten, sealExport } from './pipeline.ts';
import type { PlanEntry } from './plan.ts';
import { releaseBytes } from '../crypto/release-bytes.ts';
import { writeAtomically } from './write-atomically.ts';

export interface FleetRequest {
  readonly input: FhirInput;
  readonly entries: readonly PlanEntry[];
  readonly siteKey: SiteKey;
  readonly sequence: number;
  readonly createdAt: Date;
  readonly site?: { readonly id: string; readonly name: string };
  readonly demo: boolean;
  /** Called as each entry is written or fails, in plan order. */
  readonly onEntry?: (result: FleetResult) => void;
}

export type FleetResult =
  | {
      readonly entry: PlanEntry;
      readonly ok: true;
      readonly manifest: ExportManifestInput;
      readonly report: ImportReport;
    }
  | { readonly entry: PlanEntry; readonly ok: false; readonly error: AppError };

/** Only our own messages pass on: an unexpected error's could carry data from the input. */
function asAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return new AppError(
    'internal',
    `unexpected failure (${e instanceof Error ? e.name : 'error'}); please report this to IT.`,
  );
}

export async function writeExports(request: FleetRequest): Promise<FleetResult[]> {
  const results: FleetResult[] = [];
  let writer: ReturnType<typeof planWriter> | null = null;
  try {
    for (const entry of request.entries) {
      let result: FleetResult;
      let image: Buffer | null = null;
      let sealed: Uint8Array | null = null;
      try {
        writer ??= planWriter(request.input);
        const built = imageOfWritten(
          writer.write({
            ...(entry.wards ? { wards: entry.wards } : {}),
            ...(request.site ? { site: request.site } : {}),
            demo: request.demo,
          }),
        );
        image = built.image;
        const { bytes, manifest } = await sealExport({
          image,
          sequence: request.sequence,
          createdAt: request.createdAt,
          recipients: entry.recipients,
          siteKey: request.siteKey,
          downtimeIds: entry.downtimeIds,
        });
        sealed = bytes;
        writeAtomically(entry.out, bytes);
        result = { entry, ok: true, manifest, report: built.report };
      } catch (e) {
        result = { entry, ok: false, error: asAppError(e) };
      } finally {
        image?.fill(0);
        // Freed now: held until a full collection, they would set one off after every entry.
        for (const bytes of [image, sealed]) if (bytes) releaseBytes(bytes);
      }
      results.push(result);
      request.onEntry?.(result);
    }
  } finally {
    writer?.close();
  }
  return results;
}
