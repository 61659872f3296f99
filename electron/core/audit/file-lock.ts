/**
 * A lock file for a short synchronous step shared between processes. The audit trail needs it:
 * the app and `downtime install` may append to the same trail at once, and two writers that
 * read the same last line would both chain to it — which `verifyAudit` would rightly report as
 * tampering. The lock file holds the owner's pid, so a lock left by a killed process is taken
 * over at once instead of blocking the trail.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { AppError } from '../errors.ts';

/**
 * Appends take milliseconds, but waiters are not served in order, so on a busy disk (each
 * append fsyncs) one may wait a while; past this, the holder is taken to be stuck.
 */
const WAIT_MS = 15_000;
/** A lock older than this is abandoned even if its pid is alive (pids are reused). */
const STALE_MS = 30_000;
const RETRY_MS = 10;

export function withFileLock<T>(lockPath: string, work: () => T): T {
  const release = acquireFileLock(lockPath);
  try {
    return work();
  } finally {
    release();
  }
}

/**
 * Takes the lock (waiting for a live holder, taking over an abandoned one) and returns its
 * release, for a holder that keeps it across calls (the audit trail's short lease).
 */
export function acquireFileLock(lockPath: string): () => void {
  const deadline = Date.now() + WAIT_MS;
  while (!tryLock(lockPath)) {
    if (isAbandoned(lockPath)) {
      rmSync(lockPath, { force: true });
    } else if (Date.now() > deadline) {
      throw new AppError(
        'io',
        `${lockPath} is held by another program; retry, or delete that file if no Downtime Viewer is running.`,
      );
    } else {
      sleepSync(RETRY_MS);
    }
  }
  return () => rmSync(lockPath, { force: true });
}

function tryLock(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError(
      'io',
      `${lockPath} cannot be created; check that its folder exists and is writable.`,
      {
        cause: e,
      },
    );
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

function isAbandoned(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > STALE_MS) return true;
    const pid = Number(readFileSync(lockPath, 'utf8'));
    // Empty: the owner is between creating and writing it; give it time.
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  } catch {
    return false; // Released meanwhile: the next try takes it.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
