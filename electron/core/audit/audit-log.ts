/**
 * The audit trail: append-only JSON lines, one per event, each carrying its position (`seq`,
 * from 1) and the SHA-256 of the line before it (`prev`; the first line carries 64 zeros).
 * The chain catches any change to a line (the next line's `prev` no longer matches); the
 * position tells removal, insertion and reordering apart from edits, so `verifyAudit` can name
 * the first bad line rather than merely the place where the chain breaks.
 *
 * What the chain cannot prove on its own: that whole lines were not cut off the end of the file
 * or the last line edited (no line follows to vouch for it), or that someone with write access
 * did not recompute the whole chain after an edit. The sealed head (audit-seal.ts) covers
 * those where the laptop's key is at hand. It makes tampering evident, not impossible; the
 * hospital reconciles the exported trail after an outage.
 *
 * Lines hold who, when, what and minimal identifiers (an MRN, an export id) — never clinical
 * content; callers pass only such identifiers in `detail`.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { acquireFileLock } from './file-lock.ts';

export const AUDIT_EVENTS = [
  'unlock',
  'unlock-failed',
  'lock',
  'search',
  'census-opened',
  'patient-opened',
  'report-previewed',
  'print',
  'export-installed',
  'export-refused',
  'rollback-reset',
  'rollback-restored',
  'settings-changed',
  'audit-exported',
  'registration-issued',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export const GENESIS_HASH = '0'.repeat(64);

export const AuditLineSchema = z
  .object({
    seq: z.number().int().positive(),
    time: z.iso.datetime({ offset: true }),
    device: z.string(),
    user: z.string().nullable(),
    event: z.enum(AUDIT_EVENTS),
    detail: z.record(z.string(), z.union([z.string(), z.number()])),
    prev: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditLine = z.infer<typeof AuditLineSchema>;

export interface AuditEntry {
  event: AuditEvent;
  device: string;
  user: string | null;
  detail?: Record<string, string | number>;
}

const hashLine = (line: string): string => createHash('sha256').update(line, 'utf8').digest('hex');

/** How far back from the end we look for the previous line; lines are a few hundred bytes. */
const TAIL_CHUNK = 4 * 1024;

/** The last line of a non-empty trail, read from the end so a years-long trail stays cheap. */
function readLastLine(fd: number, size: number): string {
  let start = size;
  let tail = Buffer.alloc(0);
  for (;;) {
    const length = Math.min(TAIL_CHUNK, start);
    start -= length;
    const chunk = Buffer.alloc(length);
    readSync(fd, chunk, 0, length, start);
    tail = Buffer.concat([chunk, tail]);
    // A complete trail ends with "\n"; its last line starts after the newline before that.
    const end = tail[tail.length - 1] === 0x0a ? tail.length - 1 : tail.length;
    const newline = tail.lastIndexOf(0x0a, end - 1);
    if (newline >= 0 || start === 0) return tail.subarray(newline + 1, end).toString('utf8');
  }
}

/**
 * The chain's head: the last line's position and SHA-256, and whether it may be sealed (a
 * damaged last line is verifyAudit's to report, never sealed).
 */
interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly sealable: boolean;
}

const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH, sealable: false };

/**
 * The head of a non-empty trail, read from its last line. If that line is damaged, the lines
 * are counted instead, so the trail keeps growing (and `verifyAudit` still points at the
 * damage) rather than the app refusing to record access.
 */
function readHead(file: string, fd: number, size: number): ChainHead {
  const last = readLastLine(fd, size);
  const hash = hashLine(last);
  try {
    const seq = AuditLineSchema.shape.seq.parse((JSON.parse(last) as { seq?: unknown }).seq);
    return { seq, hash, sealable: true };
  } catch {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0).length;
    return { seq: lines, hash, sealable: false };
  }
}

/**
 * This thread's hold on a trail it appends to: an open append descriptor and the chain's
 * head, so a line costs one `write(2)` instead of reopening the trail and reading its last line
 * back. The head is trusted only while the path still names the open file (same inode) at
 * exactly the size this thread left it: any other writer (`downtime install`, the inbox
 * thread) or an edit changes that, and the head is read from the file again.
 */
interface TrailWriter {
  readonly fd: number;
  readonly dev: number;
  readonly ino: number;
  size: number;
  head: ChainHead;
  /** The file ends inside a line (cut by a power loss): the next write ends it first. */
  cut: boolean;
}
const writers = new Map<string, TrailWriter>();

/** Keyed by absolute path: two spellings of one trail must share its writer and its lock. */
const keyOf = (file: string): string => resolve(file);

function isCurrent(writer: TrailWriter | undefined, file: string): writer is TrailWriter {
  if (!writer) return false;
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat !== undefined && stat.ino === writer.ino && stat.dev === writer.dev;
}

function dropWriter(key: string): void {
  const writer = writers.get(key);
  if (!writer) return;
  writers.delete(key);
  try {
    closeSync(writer.fd);
  } catch {
    // Already unusable; nothing more to release.
  }
}

/** The writer for `file`, with its head checked against the file (call holding the lock). */
function writerFor(file: string): TrailWriter {
  const key = keyOf(file);
  const known = writers.get(key);
  if (isCurrent(known, file) && fstatSync(known.fd).size === known.size) return known;
  dropWriter(key);
  const fd = openSync(file, 'a+');
  try {
    const { dev, ino, size } = fstatSync(fd);
    const writer: TrailWriter = {
      fd,
      dev,
      ino,
      size,
      head: size === 0 ? EMPTY_HEAD : readHead(file, fd, size),
      cut: size > 0 && readByte(fd, size - 1) !== 0x0a,
    };
    writers.set(key, writer);
    return writer;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function writeLine(writer: TrailWriter, entry: AuditEntry, now: Date): void {
  const line: AuditLine = {
    seq: writer.head.seq + 1,
    time: now.toISOString(),
    device: entry.device,
    user: entry.user,
    event: entry.event,
    detail: entry.detail ?? {},
    prev: writer.head.hash,
  };
  const text = JSON.stringify(line);
  // A trail cut mid-line (power loss during a write) gets its line ended first, so the damage
  // stays one bad line instead of merging into the new one.
  const bytes = Buffer.from(`${writer.cut ? '\n' : ''}${text}\n`, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    offset += writeSync(writer.fd, bytes, offset);
  }
  writer.size += bytes.length;
  writer.cut = false;
  writer.head = { seq: line.seq, hash: hashLine(text), sealable: true };
}

/**
 * The trail's lock is leased: taken by an append, kept for the appends that follow until a
 * durable append or `syncAudit` (the access audit's batched flush), and `LEASE_MS` at the
 * latest. A chart opened then costs no lock-file round trip, and another writer waits at most
 * that long.
 */
const LEASE_MS = 1_000;
const leases = new Map<string, { release: () => void; timer: NodeJS.Timeout }>();

function endLease(key: string): void {
  const lease = leases.get(key);
  if (!lease) return;
  leases.delete(key);
  clearTimeout(lease.timer);
  lease.release();
}

/** Runs `work` holding the trail's lock; keeps holding it afterwards when `keep` and all went well. */
function withTrailLock<T>(file: string, keep: boolean, work: () => T): T {
  const key = keyOf(file);
  if (!leases.has(key)) {
    const release = acquireFileLock(`${file}.lock`);
    const timer = setTimeout(() => endLease(key), LEASE_MS);
    timer.unref();
    leases.set(key, { release, timer });
  }
  let done = false;
  try {
    const result = work();
    done = true;
    return result;
  } finally {
    if (!keep || !done) endLease(key);
  }
}

/**
 * Called with the new head (line count, SHA-256 of the last line) after each durable append and
 * each flush, inside the file lock: audit-seal.ts seals it. One per trail file, per thread.
 */
export type AuditSealer = (count: number, lastLineHash: string) => void;
const sealers = new Map<string, AuditSealer>();

export function setAuditSealer(file: string, sealer: AuditSealer | null): void {
  if (sealer) sealers.set(keyOf(file), sealer);
  else sealers.delete(keyOf(file));
}

/** Seals the trail's current head, if a sealer is set for it (failures are the caller's). */
function sealHead(file: string, writer: TrailWriter): void {
  const sealer = sealers.get(keyOf(file));
  if (sealer && writer.head.sealable) sealer(writer.head.seq, writer.head.hash);
}

export interface AppendOptions {
  /**
   * fsync before returning (default). A caller writing a line per chart opened may pass false
   * and call `syncAudit` within a moment: an fsync per line costs more than the chart itself.
   */
  readonly durable?: boolean;
}

/**
 * Appends one event and (by default) fsyncs it, so an event the user was told about survives a
 * power cut. Throws `AppError('io')` when the trail cannot be written: the caller decides
 * whether the action may go ahead unaudited (it should not, for patient access).
 */
export function appendAudit(
  file: string,
  entry: AuditEntry,
  now: Date = new Date(),
  options: AppendOptions = {},
): void {
  const durable = options.durable !== false;
  withTrailLock(file, !durable, () => {
    const writer = openWriter(file);
    try {
      writeLine(writer, entry, now);
      if (durable) {
        fsyncSync(writer.fd);
        sealHead(file, writer);
      }
    } catch (e) {
      dropWriter(keyOf(file));
      throw new AppError(
        'io',
        `The audit trail ${file} could not be written (disk full or removed?); free some space and retry.`,
        { cause: e },
      );
    }
  });
}

function openWriter(file: string): TrailWriter {
  try {
    return writerFor(file);
  } catch (e) {
    throw new AppError(
      'io',
      `The audit trail ${file} cannot be opened for writing; check the disk and the folder permissions.`,
      { cause: e },
    );
  }
}

/** Flushes lines appended with `durable: false` to the disk, seals the head, ends the lease. */
export function syncAudit(file: string): void {
  try {
    withTrailLock(file, false, () => {
      const writer = writerFor(file);
      fsyncSync(writer.fd);
      sealHead(file, writer);
    });
  } catch (e) {
    throw new AppError(
      'io',
      `The audit trail ${file} could not be flushed to disk; check the disk.`,
      {
        cause: e,
      },
    );
  }
}

/**
 * Throws unless the trail can take a line now: the file this thread appends to is still there,
 * or the path can be opened for appending. Cheaper than an append, for the searches inside a
 * burst (whose count is written at its end).
 */
export function assertAuditWritable(file: string): void {
  if (isCurrent(writers.get(keyOf(file)), file)) return;
  closeSync(openSync(file, 'a'));
}

/** Ends this thread's lease on the trail and closes its descriptor (at quit; the trail stays). */
export function closeAudit(file: string): void {
  endLease(keyOf(file));
  dropWriter(keyOf(file));
}

function readByte(fd: number, position: number): number | undefined {
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, position);
  return byte[0];
}

export type AuditVerdict =
  { ok: true; lines: number } | { ok: false; line: number; problem: string };

/** Checks every line and the chain; on failure names the first bad line (1-based) and why. */
export function verifyAudit(file: string): AuditVerdict {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('io', `The audit trail ${file} cannot be read; check the path.`, {
      cause: e,
    });
  }
  if (text.length === 0) return { ok: true, lines: 0 };
  const lines = text.split('\n');
  if (lines.pop() !== '') {
    return {
      ok: false,
      line: lines.length + 1,
      problem: 'is cut off (the file ends in the middle of it)',
    };
  }
  let previous: string | null = null;
  for (const [index, line] of lines.entries()) {
    const position = index + 1;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') return { ok: false, line: position, problem: parsed };
    if (parsed.seq !== position) {
      return {
        ok: false,
        line: position,
        problem:
          parsed.seq < position
            ? `should be entry ${position} but repeats entry ${parsed.seq} (a line was inserted, copied or moved)`
            : `should be entry ${position} but is entry ${parsed.seq} (lines were removed or moved)`,
      };
    }
    if (parsed.prev !== (previous === null ? GENESIS_HASH : hashLine(previous))) {
      // Positions are intact, so the content before this line is what changed.
      return position === 1
        ? { ok: false, line: 1, problem: 'does not start the chain (it was edited)' }
        : {
            ok: false,
            line: position - 1,
            problem: 'was changed after it was written (the next line no longer matches it)',
          };
    }
    previous = line;
  }
  return { ok: true, lines: lines.length };
}

function parseLine(line: string): AuditLine | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'is not a complete JSON line (edited or cut)';
  }
  const parsed = AuditLineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.') ?? '';
  return `has a missing or malformed field "${field || 'line'}" (edited)`;
}
