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
  openSync,
  readFileSync,
  readSync,
  fstatSync,
  writeSync,
} from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { withFileLock } from './file-lock.ts';

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
const TAIL_CHUNK = 64 * 1024;

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
 * The position the next line takes. Normally the last line's `seq` + 1; if the last line is
 * damaged, count the lines instead, so the trail keeps growing (and `verifyAudit` still points
 * at the damage) rather than the app refusing to record access.
 */
function nextSeq(file: string, lastLine: string): number {
  try {
    const seq = AuditLineSchema.shape.seq.parse((JSON.parse(lastLine) as { seq?: unknown }).seq);
    return seq + 1;
  } catch {
    return (
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.length > 0).length + 1
    );
  }
}

/**
 * Called with the new head (line count, SHA-256 of the last line) after each durable append and
 * each flush, inside the file lock: audit-seal.ts seals it. One per trail file, per thread.
 */
export type AuditSealer = (count: number, lastLineHash: string) => void;
const sealers = new Map<string, AuditSealer>();

export function setAuditSealer(file: string, sealer: AuditSealer | null): void {
  if (sealer) sealers.set(file, sealer);
  else sealers.delete(file);
}

/** Seals the trail's current head, if a sealer is set for it (failures are the caller's). */
function sealHead(file: string, fd: number): void {
  const sealer = sealers.get(file);
  if (!sealer) return;
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const last = readLastLine(fd, size);
  let count: number;
  try {
    count = AuditLineSchema.shape.seq.parse((JSON.parse(last) as { seq?: unknown }).seq);
  } catch {
    return; // A damaged last line is verifyAudit's to report; never seal it.
  }
  sealer(count, hashLine(last));
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
  withFileLock(`${file}.lock`, () => appendLocked(file, entry, now, options.durable !== false));
}

/** Flushes lines appended with `durable: false` to the disk. */
export function syncAudit(file: string): void {
  withFileLock(`${file}.lock`, () => syncLocked(file));
}

function syncLocked(file: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    fsyncSync(fd);
    sealHead(file, fd);
  } catch (e) {
    throw new AppError(
      'io',
      `The audit trail ${file} could not be flushed to disk; check the disk.`,
      {
        cause: e,
      },
    );
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function appendLocked(file: string, entry: AuditEntry, now: Date, durable: boolean): void {
  let fd: number;
  try {
    fd = openSync(file, 'a+');
  } catch (e) {
    throw new AppError(
      'io',
      `The audit trail ${file} cannot be opened for writing; check the disk and the folder permissions.`,
      { cause: e },
    );
  }
  try {
    const size = fstatSync(fd).size;
    const last = size === 0 ? null : readLastLine(fd, size);
    const line: AuditLine = {
      seq: last === null ? 1 : nextSeq(file, last),
      time: now.toISOString(),
      device: entry.device,
      user: entry.user,
      event: entry.event,
      detail: entry.detail ?? {},
      prev: last === null ? GENESIS_HASH : hashLine(last),
    };
    // A trail cut mid-line (power loss during a write) gets its line ended first, so the damage
    // stays one bad line instead of merging into the new one.
    const cut = size > 0 && readByte(fd, size - 1) !== 0x0a;
    writeSync(fd, `${cut ? '\n' : ''}${JSON.stringify(line)}\n`);
    if (durable) {
      fsyncSync(fd);
      sealHead(file, fd);
    }
  } catch (e) {
    throw new AppError(
      'io',
      `The audit trail ${file} could not be written (disk full or removed?); free some space and retry.`,
      { cause: e },
    );
  } finally {
    closeSync(fd);
  }
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
