/**
 * The export store: one folder holding the current export and the last N before it, shared by
 * the app (inbox, unlock) and the CLI (`downtime install`, `downtime status`).
 *
 *   DIR/exports/<sequence>-<exportId>.dtx   the installed exports, byte for byte as verified
 *   DIR/exports/<sequence>-<exportId>.json  what the store recorded about each (manifest, signer…)
 *   DIR/index.json                          the list and the recent decisions (a cache of the above)
 *   DIR/audit.jsonl                         the audit trail (written by the callers, see auditFile)
 *
 * Install (see install-check.ts for what is checked and why without keys):
 *   read the candidate once → check those bytes → write its record → write the bytes to a
 *   temporary file, fsync → rename to its final name, fsync the folder (the commit point)
 *   → rewrite the index atomically → delete exports beyond `keep`.
 * The bytes written are the bytes checked, so a file changing in the inbox meanwhile cannot slip
 * through. A crash before the commit point leaves temporaries that the next open sweeps away;
 * after it, the new export is complete and the index is repaired from the files on open. The
 * current export is never written to, so at every instant it stays usable.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../errors.ts';
import { MAX_HEAD_BYTES, verifyHead } from '../format/dtx.ts';
import { isAddressedTo, recipientFingerprint } from '../keys/recipient.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import {
  fsyncDir,
  type FileIo,
  nodeFileIo,
  removeQuietly,
  TEMP_PREFIX,
  writeDurably,
  writeFileAtomic,
} from './atomic-file.ts';
import { type CheckedExport, checkCandidate, refused } from './install-check.ts';
import {
  loadStoreRollbackKey,
  openRollbackState,
  rollbackFilesFor,
  type RollbackState,
} from './rollback.ts';
import type { StoreIssue } from '../../common/readiness.ts';
import {
  baseNameOf,
  EXPORT_EXTENSION,
  EXPORTS_FOLDER,
  type ExportRecord,
  INDEX_FILE,
  indexMatches,
  type InstallDecision,
  type InstallOutcome,
  MAX_DECISIONS,
  newestFirst,
  readIndex,
  RECORD_EXTENSION,
  scanExports,
  type StoredExport,
  type StoreIndex,
} from './store-index.ts';

export type { InstallDecision, InstallOutcome, StoredExport } from './store-index.ts';

export const DEFAULT_KEEP = 3;
export const AUDIT_FILE = 'audit.jsonl';
/** The laptop this store installs for (`age1…`), written at enrolment. */
export const ENROLLED_RECIPIENT_FILE = 'enrolled-recipient.txt';
/**
 * Files above this are refused before reading: far above any real export (30,000 patients is
 * under 1 GiB), and the most `readFileSync` reads in one piece.
 */
export const MAX_EXPORT_BYTES = 2 ** 31 - 1;

export interface InstallContext {
  readonly trust: TrustStore;
  /** An unsealed device identity (`AGE-SECRET-KEY-1…`): also decrypt and open-check. */
  readonly identity?: string | null;
  /**
   * This laptop's `age1…` recipient (default: the store's enrolled one). An export whose signed
   * manifest does not name it is refused; with none known, every install is refused.
   */
  readonly recipient?: string | null;
  readonly device: string;
  readonly user?: string | null;
}

export interface Store {
  readonly dir: string;
  /** Where callers append the audit events about this store's exports. */
  readonly auditFile: string;
  /** Newest first; the first is the current export. */
  list(): StoredExport[];
  current(): StoredExport | null;
  install(sourcePath: string, ctx: InstallContext): Promise<InstallOutcome>;
  readBytes(exportId: string): Buffer;
  health(): { ok: boolean; problems: string[]; issues: StoreIssue[] };
  /** Newest first. */
  lastDecisions(): InstallDecision[];
  /** The `age1…` recipient the store installs for, or null before enrolment. */
  enrolledRecipient(): string | null;
  /** Records the laptop's recipient (at enrolment; the app repeats it at every start). */
  enrolRecipient(recipient: string): void;
  /** The rollback guard kept beside the store (store/rollback.ts); IT's reset goes here. */
  readonly rollback: RollbackState;
}

export interface StoreOptions {
  /** Older exports kept besides the current one (default 3). */
  readonly keep?: number;
  /** File-system calls of the install path; tests inject a full disk or a crash here. */
  readonly io?: FileIo;
  readonly now?: () => Date;
  /**
   * Look, never touch: no folder created, nothing swept or repaired, `install` refused. For
   * `downtime status`, which may run while the app is installing into the same store.
   */
  readonly readOnly?: boolean;
  /**
   * The key of the rollback state (beside the store, see rollback.ts). The app passes the key
   * it keeps sealed with the OS secure storage; by default the key file is read or made, plain.
   */
  readonly rollbackKey?: Buffer;
}

export function openStore(dir: string, options: StoreOptions = {}): Store {
  const keep = options.keep ?? DEFAULT_KEEP;
  const io = options.io ?? nodeFileIo;
  const now = options.now ?? (() => new Date());
  const readOnly = options.readOnly === true;
  const exportsDir = join(dir, EXPORTS_FOLDER);
  if (readOnly && !existsSync(exportsDir)) {
    throw new AppError('not-found', `There is no export store at ${dir}; check the --store path.`);
  }
  try {
    mkdirSync(exportsDir, { recursive: true });
  } catch (e) {
    throw new AppError(
      'io',
      `The export store ${dir} cannot be created; check the path and permissions.`,
      {
        cause: e,
      },
    );
  }

  const rollbackFiles = rollbackFilesFor(dir);
  // Read-only (`downtime status`) never installs, so it neither needs nor makes the key.
  const rollback = openRollbackState(
    rollbackFiles.state,
    options.rollbackKey ?? (readOnly ? null : loadStoreRollbackKey(dir, null)),
  );
  const recipientFile = join(dir, ENROLLED_RECIPIENT_FILE);

  const toStored = (record: ExportRecord): StoredExport => ({
    ...record,
    file: join(exportsDir, baseNameOf(record) + EXPORT_EXTENSION),
  });

  let records: ExportRecord[] = [];
  let decisions: InstallDecision[] = [];
  /** Found on open and not fixable by the store itself: shown by `health()`. */
  let damage: string[] = [];
  /** The same problems as codes, said in the reader's words on the readiness screen. */
  let damageIssues: StoreIssue[] = [];

  /** Makes memory and the index agree with the files; sweeps what crashed installs left. */
  const load = (): void => {
    if (!readOnly) sweepTemporaries(dir, exportsDir, io);
    const scan = scanExports(exportsDir);
    if (!readOnly) {
      for (const orphan of scan.orphanRecords) removeQuietly(join(exportsDir, orphan), io);
    }
    const index = readIndex(dir);
    records = scan.exports;
    decisions = index?.decisions ?? [];
    damage = [
      ...scan.unrecorded.map(
        (name) =>
          `${name} in the store has no record of its checks and is not used; remove it or reinstall it.`,
      ),
      ...scan.otherFormat.map(
        (name) =>
          `${name} in the store was installed by a viewer of another version, whose export format this one does not read; it is not used — install a fresh export.`,
      ),
      ...scan.disagreeing.map(
        (name) =>
          `${name} in the store does not match its record (the record was edited or another export copied over it); it is not used — reinstall the export.`,
      ),
    ];
    damageIssues = [
      ...scan.unrecorded.map((file) => ({ code: 'unrecorded' as const, file })),
      ...scan.otherFormat.map((file) => ({ code: 'other-format' as const, file })),
      ...scan.disagreeing.map((file) => ({ code: 'disagreeing' as const, file })),
    ];
    if (!index || !indexMatches(index, records)) tryWriteIndex();
  };

  const writeIndex = (): void => {
    const index: StoreIndex = { version: 1, exports: records, decisions };
    writeFileAtomic(join(dir, INDEX_FILE), `${JSON.stringify(index, null, 1)}\n`, io);
  };

  /** The index is a cache: failing to refresh it (read-only media, full disk) loses nothing. */
  const tryWriteIndex = (): void => {
    if (readOnly) return;
    try {
      writeIndex();
    } catch {
      // The next successful write or open repairs it.
    }
  };

  const decide = (source: string, ctx: InstallContext, outcome: InstallOutcome): InstallOutcome => {
    const decision: InstallDecision = {
      ...outcome,
      at: now().toISOString(),
      source: basename(source),
      device: ctx.device,
      user: ctx.user ?? null,
    };
    decisions = [decision, ...decisions].slice(0, MAX_DECISIONS);
    tryWriteIndex();
    return outcome;
  };

  /** Writes the record, then the export; the export's rename is the commit point. */
  const commit = (bytes: Buffer, record: ExportRecord): void => {
    const base = baseNameOf(record);
    const recordFile = join(exportsDir, base + RECORD_EXTENSION);
    const temp = join(exportsDir, `${TEMP_PREFIX}${base}${EXPORT_EXTENSION}`);
    writeFileAtomic(recordFile, `${JSON.stringify(record, null, 1)}\n`, io);
    try {
      removeQuietly(temp, io);
      writeDurably(temp, bytes, io);
      io.renameSync(temp, join(exportsDir, base + EXPORT_EXTENSION));
    } catch (e) {
      removeQuietly(temp, io);
      removeQuietly(recordFile, io);
      throw e;
    }
    fsyncDir(exportsDir, io);
  };

  /**
   * Records a decision, forgetting exports beyond `keep` (oldest first) in the same index
   * write, then deletes their files. A crash in between leaves extra files that the next open
   * lists again and the next install or duplicate prunes. (Not on open: `downtime status` with
   * a default `keep` must not delete what the app was told to keep.)
   */
  const decideAndPrune = (
    source: string,
    ctx: InstallContext,
    outcome: InstallOutcome,
  ): InstallOutcome => {
    const kept = retained(records, keep, enrolledRecipient() ?? recipientFor(ctx));
    const excess = records.filter((r) => !kept.includes(r));
    records = kept;
    decide(source, ctx, outcome);
    for (const record of excess) {
      for (const extension of [EXPORT_EXTENSION, RECORD_EXTENSION]) {
        removeQuietly(join(exportsDir, baseNameOf(record) + extension), io);
      }
    }
    return outcome;
  };

  /** Whether the installed copy of `record` still hashes to what was installed. */
  const intactOnDisk = (record: ExportRecord): boolean => {
    try {
      const bytes = readFileSync(toStored(record).file);
      return createHash('sha256').update(bytes).digest('hex') === record.sha256;
    } catch {
      return false;
    }
  };

  const enrolledRecipient = (): string | null => {
    try {
      const line = readFileSync(recipientFile, 'utf8').trim();
      return recipientFingerprint(line) ? line : null;
    } catch {
      return null;
    }
  };
  const recipientFor = (ctx: InstallContext): string | null => ctx.recipient ?? enrolledRecipient();

  /** The rollback baseline: the highest of the store's and the sealed state's, trusted signers only. */
  const baselineFor = (trust: TrustStore): number | null => {
    const trusted = trust.signers.map((s) => s.fingerprint);
    const inStore = records.find((r) => trusted.includes(r.signer))?.sequence ?? null;
    const sealed = rollback.baseline(trusted)?.sequence ?? null;
    if (inStore === null) return sealed;
    return sealed === null ? inStore : Math.max(inStore, sealed);
  };

  const install = async (sourcePath: string, ctx: InstallContext): Promise<InstallOutcome> => {
    if (readOnly) throw new AppError('internal', 'This export store was opened read-only.');
    let bytes: Buffer;
    try {
      bytes = readCandidate(sourcePath, ctx.trust);
    } catch (e) {
      return decide(sourcePath, ctx, refused(e));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = records.find((r) => r.sha256 === sha256);
    if (same && intactOnDisk(same)) {
      return decideAndPrune(sourcePath, ctx, duplicate(same.exportId));
    }
    // The same bytes as an installed export whose copy was damaged on disk: IT re-copying the
    // file must repair it (during an outage there may be no newer export), so the rollback
    // check is skipped for exactly those bytes; everything else is checked again.
    let checked: CheckedExport;
    try {
      checked = await checkCandidate(bytes, {
        trust: ctx.trust,
        identity: ctx.identity ?? null,
        recipient: recipientFor(ctx),
        currentSequence: same ? null : baselineFor(ctx.trust),
        now: now(),
      });
    } catch (e) {
      return decide(sourcePath, ctx, refused(e));
    }
    const record: ExportRecord = {
      exportId: checked.manifest.exportId,
      sequence: checked.manifest.sequence,
      manifest: checked.manifest,
      signer: checked.signer,
      installedAt: now().toISOString(),
      sha256,
      size: bytes.length,
    };
    try {
      commit(bytes, record);
    } catch (e) {
      return decide(sourcePath, ctx, refused(new AppError('io', diskFailure(e, dir))));
    }
    records = [record, ...records.filter((r) => r !== same)].sort(newestFirst);
    try {
      rollback.record(record.signer, {
        sequence: record.sequence,
        exportId: record.exportId,
        createdAt: record.manifest.createdAt,
      });
    } catch {
      // Installed all the same; the store's own record still guards, and health() says so.
      damage = [
        ...damage,
        `The rollback state beside ${dir} could not be written; check the disk.`,
      ];
      damageIssues = [...damageIssues, { code: 'rollback-unwritable', file: dir }];
    }
    return decideAndPrune(sourcePath, ctx, {
      outcome: 'installed',
      exportId: record.exportId,
      kind: null,
      message: same ? 'The damaged copy of this export in the store was replaced.' : null,
    });
  };

  const readBytes = (exportId: string): Buffer => {
    const record = records.find((r) => r.exportId === exportId);
    if (!record)
      throw new AppError(
        'not-found',
        `The export ${exportId} is not in the store; it may have been pruned.`,
      );
    try {
      return readFileSync(toStored(record).file);
    } catch (e) {
      throw new AppError(
        'io',
        `The installed export ${exportId} cannot be read from ${dir}; check the disk.`,
        {
          cause: e,
        },
      );
    }
  };

  const health = (): { ok: boolean; problems: string[]; issues: StoreIssue[] } => {
    const problems = [...damage];
    const issues = [...damageIssues];
    const rollbackProblem = rollback.problem();
    if (rollbackProblem) {
      problems.push(rollbackProblem);
      const deleted = rollback.problemKind() === 'deleted';
      issues.push({
        code: deleted ? 'rollback-deleted' : 'rollback-damaged',
        file: rollbackFiles.state,
      });
    }
    for (const stored of records.map(toStored)) {
      const size = fileSize(stored.file);
      if (size !== stored.size) {
        const file = basename(stored.file);
        problems.push(
          size === null
            ? `${file} is missing from the store; reinstall the export.`
            : `${file} has changed size on disk (damaged); reinstall the export.`,
        );
        issues.push({ code: size === null ? 'missing' : 'resized', file });
      }
    }
    return { ok: problems.length === 0, problems, issues };
  };

  load();
  return {
    dir,
    auditFile: join(dir, AUDIT_FILE),
    list: () => records.map(toStored),
    current: () => (records[0] ? toStored(records[0]) : null),
    install,
    readBytes,
    health,
    lastDecisions: () => [...decisions],
    enrolledRecipient,
    enrolRecipient(recipient) {
      if (!recipientFingerprint(recipient)) {
        throw new AppError('invalid-config', 'That is not an age1… recipient.');
      }
      if (enrolledRecipient() !== recipient) writeFileAtomic(recipientFile, `${recipient}\n`, io);
    },
    rollback,
  };
}

/**
 * The exports kept: the newest `keep + 1`, and — should none of those be addressed to this
 * laptop — the newest that is, so retention never evicts the last export it can open.
 */
function retained(
  records: readonly ExportRecord[],
  keep: number,
  recipient: string | null,
): ExportRecord[] {
  const kept = records.slice(0, keep + 1);
  if (recipient === null) return kept;
  const opens = (r: ExportRecord) => isAddressedTo(r.manifest.recipients, recipient);
  if (kept.some(opens)) return kept;
  const newestOpenable = records.find(opens);
  return newestOpenable ? [...kept, newestOpenable] : kept;
}

/**
 * Reads a candidate, checking its head first (magic, lengths, trusted signer, signature, size
 * against the signed payload size) from the first bytes only, so junk or a file from an
 * untrusted key is refused before gigabytes are read and hashed (issue 15, L4).
 */
function readCandidate(sourcePath: string, trust: TrustStore): Buffer {
  const fd = openSync(sourcePath, 'r');
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new AppError('io', `${basename(sourcePath)} is not a file.`);
    if (stats.size > MAX_EXPORT_BYTES) {
      throw new AppError(
        'not-an-export',
        `${basename(sourcePath)} is far larger than any export; it was not installed.`,
      );
    }
    const head = Buffer.alloc(Math.min(stats.size, MAX_HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
    verifyHead(head, stats.size, trust);
    // The same open file: what was checked is what is read.
    const bytes = Buffer.allocUnsafe(stats.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0)
        throw new AppError(
          'truncated',
          `${basename(sourcePath)} got shorter while it was read; copy it again.`,
        );
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

const duplicate = (exportId: string): InstallOutcome => ({
  outcome: 'duplicate',
  exportId,
  kind: null,
  message: `This export is already installed (${exportId}); nothing to do.`,
});

function diskFailure(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT'
    ? `The disk holding the export store ${dir} is full; free some space. The current export stays in use.`
    : `The export could not be written to the store ${dir} (${code ?? 'error'}); check the disk. The current export stays in use.`;
}

/** Temporary files of installs or index writes cut short by a crash (`keep`: spare this one). */
function sweepTemporaries(
  dir: string,
  exportsDir: string,
  io: FileIo,
  keep: (path: string) => boolean = () => false,
): void {
  for (const folder of [dir, exportsDir]) {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name.startsWith(TEMP_PREFIX) && !keep(path)) removeQuietly(path, io);
    }
  }
}

/**
 * A temporary this old is a crash's leftover: an install writes, fsyncs and renames its
 * temporary within seconds, and an index, seal or settings write within milliseconds.
 */
export const STALE_TEMPORARY_MS = 15 * 60 * 1000;

/**
 * Sweeps what crashed writes left in the store at `dir`, for a store that no writer keeps (the
 * app with no inbox configured: no inbox worker opens it for writing, so nothing else would).
 * Only temporaries untouched for `STALE_TEMPORARY_MS`: `downtime install`, or the app's own
 * audit seal, may be writing a fresh one at this very moment.
 */
export function sweepStaleTemporaries(dir: string, now: number = Date.now()): void {
  const exportsDir = join(dir, EXPORTS_FOLDER);
  if (!existsSync(exportsDir)) return;
  sweepTemporaries(dir, exportsDir, nodeFileIo, (path) => {
    const mtime = fileMtime(path);
    return mtime === null || now - mtime < STALE_TEMPORARY_MS;
  });
}

function fileMtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
