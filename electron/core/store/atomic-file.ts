/**
 * Writing a file so that a crash or power cut at any instant leaves either the old content or
 * the new, never a mix: write a temporary sibling, fsync it, rename it over the target (atomic
 * on one filesystem), then fsync the folder so the rename itself is on disk.
 *
 * Every file-system call goes through `FileIo`, so tests can inject a full disk or a crash at
 * any single step (see tests/unit/store).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface FileIo {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export const nodeFileIo: FileIo = {
  openSync: (path, flags) => fs.openSync(path, flags),
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
};

/** Temporary files start with this, so a store or settings folder can sweep up after a crash. */
export const TEMP_PREFIX = '.incoming-';

/** Large writes go in slices, so a full disk or a crash can land between any two of them. */
const WRITE_SLICE = 1024 * 1024;

/** Writes `data` to a new file and fsyncs it; on any failure removes what it wrote. */
export function writeDurably(path: string, data: Uint8Array, io: FileIo = nodeFileIo): void {
  const fd = io.openSync(path, 'wx');
  try {
    for (let offset = 0; offset < data.length;) {
      offset += io.writeSync(fd, data, offset, Math.min(WRITE_SLICE, data.length - offset));
    }
    io.fsyncSync(fd);
  } catch (e) {
    io.closeSync(fd);
    removeQuietly(path, io);
    throw e;
  }
  io.closeSync(fd);
}

/**
 * Flushes a folder's entries (a rename or an unlink) to disk. Windows cannot open a folder for
 * fsync, and NTFS journals renames itself, so there the call is skipped.
 */
export function fsyncDir(dir: string, io: FileIo = nodeFileIo): void {
  if (process.platform === 'win32') return;
  const fd = io.openSync(dir, 'r');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}

/** Replaces `path` with `data` atomically and durably (see the module comment). */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  io: FileIo = nodeFileIo,
): void {
  const temp = join(
    dirname(path),
    `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${basename(path)}`,
  );
  writeDurably(temp, typeof data === 'string' ? Buffer.from(data) : data, io);
  try {
    io.renameSync(temp, path);
  } catch (e) {
    removeQuietly(temp, io);
    throw e;
  }
  fsyncDir(dirname(path), io);
}

/** Cleanup on a failure path: the original error is the one worth reporting. */
export function removeQuietly(path: string, io: FileIo = nodeFileIo): void {
  try {
    io.unlinkSync(path);
  } catch {
    // Already gone, or the disk is failing: nothing more to do here.
  }
}
