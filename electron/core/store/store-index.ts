/**
 * What the store knows about its exports, on disk. The files are the truth: each installed
 * `.dtx` has a record file beside it (written before the `.dtx` is renamed into place, so a
 * `.dtx` under its final name always has one). `index.json` lists the records and the recent
 * install decisions; it is a cache that `rebuildIndex` can recreate from the files, plus the
 * decision history, which is the one thing only it holds.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, EXPORT_ERROR_KINDS } from '../errors.ts';
import { readManifestUnverified } from '../format/dtx.ts';
import { type Manifest, MANIFEST_FORMAT, ManifestSchema } from '../model.ts';

/** What the store records per export, on disk (paths are derived, so the folder may move). */
export const ExportRecordSchema = z.object({
  exportId: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  manifest: ManifestSchema,
  /** Fingerprint of the trusted key that signed it, as the trust store showed it at install. */
  signer: z.string(),
  installedAt: z.string(),
  /** SHA-256 of the whole `.dtx` file, and its size: what `health()` checks on disk. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

export interface StoredExport extends ExportRecord {
  /** Absolute path of the installed `.dtx`. */
  readonly file: string;
}

export const InstallOutcomeSchema = z.object({
  outcome: z.enum(['installed', 'refused', 'duplicate']),
  exportId: z.string().nullable(),
  kind: z.enum([...EXPORT_ERROR_KINDS, 'io']).nullable(),
  message: z.string().nullable(),
});
export type InstallOutcome = z.infer<typeof InstallOutcomeSchema>;

/** A decision as the store remembers it: when, on which device and by whom, about which file. */
export const InstallDecisionSchema = InstallOutcomeSchema.extend({
  at: z.string(),
  /** The candidate's file name (not its path). */
  source: z.string(),
  device: z.string(),
  user: z.string().nullable(),
});
export type InstallDecision = z.infer<typeof InstallDecisionSchema>;

export const IndexSchema = z.object({
  version: z.literal(1),
  /** Newest first. */
  exports: z.array(ExportRecordSchema),
  /** Newest first, at most `MAX_DECISIONS`. */
  decisions: z.array(InstallDecisionSchema),
});
export type StoreIndex = z.infer<typeof IndexSchema>;

export const MAX_DECISIONS = 50;
export const EXPORTS_FOLDER = 'exports';
export const INDEX_FILE = 'index.json';
export const EXPORT_EXTENSION = '.dtx';
export const RECORD_EXTENSION = '.json';

/** `000000000042-<export id>`: sorts by sequence, readable in a file browser, safe on any OS. */
export function baseNameFor(sequence: number, exportId: string): string {
  const safeId = exportId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64);
  return `${String(sequence).padStart(12, '0')}-${safeId}`;
}

/** The index file's content, or null when it is missing or not one we wrote. */
export function readIndex(storeDir: string): StoreIndex | null {
  try {
    const parsed = IndexSchema.safeParse(
      JSON.parse(readFileSync(join(storeDir, INDEX_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const newestFirst = (a: ExportRecord, b: ExportRecord): number => b.sequence - a.sequence;

export const baseNameOf = (record: ExportRecord): string =>
  baseNameFor(record.sequence, record.exportId);

export interface ScanResult {
  /** Every `.dtx` with a valid record, newest first. */
  readonly exports: ExportRecord[];
  /** `.dtx` files without a readable record (edited or damaged by hand): reported, not used. */
  readonly unrecorded: string[];
  /**
   * `.dtx` files recorded with a manifest of another format: installed by an older (or newer)
   * viewer, which this one cannot read — not damage, but not usable either; reported, not used.
   */
  readonly otherFormat: string[];
  /**
   * `.dtx` files whose record says something their own manifest does not (a record edited, or
   * another export copied over the file): refused and reported, never shown (issue 15, H3).
   */
  readonly disagreeing: string[];
  /** Records without their `.dtx`: left by an install or a pruning cut short. */
  readonly orphanRecords: string[];
}

/** Reads the exports folder: the ground truth the index is checked against and rebuilt from. */
export function scanExports(exportsDir: string): ScanResult {
  // Dot-files are temporaries of installs in progress (or cut short): not exports yet.
  const names = readdirSync(exportsDir).filter((n) => !n.startsWith('.'));
  const dtx = new Set(
    names.filter((n) => n.endsWith(EXPORT_EXTENSION)).map(stem(EXPORT_EXTENSION)),
  );
  const records = new Set(
    names.filter((n) => n.endsWith(RECORD_EXTENSION)).map(stem(RECORD_EXTENSION)),
  );
  const exports: ExportRecord[] = [];
  const unrecorded: string[] = [];
  const otherFormat: string[] = [];
  const disagreeing: string[] = [];
  for (const base of dtx) {
    const read = records.has(base) ? readRecord(join(exportsDir, base + RECORD_EXTENSION)) : null;
    const record = read === 'other-format' ? null : read;
    if (read === 'other-format') otherFormat.push(base + EXPORT_EXTENSION);
    else if (!record || baseNameOf(record) !== base) unrecorded.push(base + EXPORT_EXTENSION);
    else if (!recordMatchesFile(record, join(exportsDir, base + EXPORT_EXTENSION)))
      disagreeing.push(base + EXPORT_EXTENSION);
    else exports.push(record);
  }
  const orphanRecords = [...records]
    .filter((base) => !dtx.has(base))
    .map((b) => b + RECORD_EXTENSION);
  return {
    exports: exports.sort(newestFirst),
    unrecorded,
    otherFormat,
    disagreeing,
    orphanRecords,
  };
}

const stem = (extension: string) => (name: string) => name.slice(0, -extension.length);

/** The record, 'other-format' when it holds a manifest of another format, null when unreadable. */
function readRecord(path: string): ExportRecord | 'other-format' | null {
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const parsed = ExportRecordSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    return OtherFormatSchema.safeParse(json).success ? 'other-format' : null;
  } catch {
    return null;
  }
}

/** A record whose manifest says another format (the other fields are that format's business). */
const OtherFormatSchema = z.object({
  manifest: z.object({
    format: z
      .number()
      .int()
      .refine((format) => format !== MANIFEST_FORMAT),
  }),
});

/** True when the index lists exactly the exports found on disk. */
export function indexMatches(index: StoreIndex, scanned: readonly ExportRecord[]): boolean {
  return (
    index.exports.length === scanned.length &&
    index.exports.every(
      (e, i) => e.exportId === scanned[i]?.exportId && e.sha256 === scanned[i]?.sha256,
    )
  );
}

/** The same facts, whatever the key order: a record's manifest against the file's. */
export function sameManifest(a: Manifest, b: Manifest): boolean {
  return canonical(a) === canonical(b);
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );

/**
 * Whether the record's manifest and size are those of the `.dtx` beside it. Reads only the
 * file's head (the signature is checked at unlock and by readiness, with the trust store).
 */
function recordMatchesFile(record: ExportRecord, file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).size !== record.size) return false;
    const manifest = readManifestUnverified((buffer, position) =>
      readSync(fd as number, buffer, 0, buffer.length, position),
    );
    return manifest !== null && sameManifest(manifest, record.manifest);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Refuses to use an export whose store record disagrees with the manifest verified from its
 * bytes: what the screens say about the open export comes only from the signed manifest.
 */
export function assertRecordMatches(record: ExportRecord, verified: Manifest): void {
  if (!sameManifest(record.manifest, verified)) {
    throw new AppError(
      'payload-mismatch',
      `The store's record of export ${record.exportId.slice(0, 64)} disagrees with the signed export file (edited, or another export copied over it); it was not opened — ask IT to reinstall the export.`,
    );
  }
}
