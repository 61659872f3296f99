/**
 * The viewer's access audit: who did what, as lines of the store's hash-chained trail
 * (audit-log.ts). Every line is written to the trail (`write(2)`, in the OS's file cache)
 * before the data it records is returned, and a line that cannot be written means no data.
 *
 * When it reaches the disk: most lines are fsync'd before returning. The busiest — a chart
 * opened, a search burst's start and end — are fsync'd in a batch within `FLUSH_MS` (or by the
 * next fsync'd line). Measured on the 3,000-patient bench fixture (a busy 2-core machine): an
 * fsync'd, sealed append costs a median 16 ms (p95 30 ms: the trail's fsync, then the seal's
 * write, fsync and rename); a written one cost 0.29 ms while each append took the lock file and
 * re-read the trail's last line, and ~0.05 ms now that the trail stays open with its head in
 * memory and the lock is leased until the flush (audit-log.ts). A chart's p95 through the API
 * was 5.6–13 ms batched and 18–39 ms with an fsync per chart. What the batch risks is narrow: a
 * crash of the app (or its renderer, or a kill) cannot lose a written line — the OS holds it —
 * so only a power cut or kernel crash within `FLUSH_MS` of a chart can, on a laptop with a
 * battery.
 *
 * Searches are counted per burst of typing, never recorded as text: a burst's first search
 * writes a `start` line before its results are returned, its end writes the count.
 */
import {
  appendAudit,
  assertAuditWritable,
  closeAudit,
  syncAudit,
  type AuditEntry,
} from '../audit/audit-log.ts';
import { AppError } from '../errors.ts';

const FLUSH_MS = 500;
const SEARCH_BURST_MS = 10_000;

export type AccessEvent = Omit<AuditEntry, 'device' | 'user'>;

export interface AccessAudit {
  /** Written and flushed to disk before returning. */
  record(event: AccessEvent, user: string | null): void;
  /** Written now, flushed within `FLUSH_MS`. */
  recordSoon(event: AccessEvent, user: string | null): void;
  /**
   * One more search by `user`, before its results are returned: a new burst writes its `start`
   * line; a search inside a burst checks that the trail still takes lines.
   */
  searched(user: string): void;
  /** Records the searches counted so far (at lock and at quit). */
  endSearches(user: string): void;
  /** Flushes the lines written but not yet on disk. */
  flush(): void;
  /** Flushes, then lets go of the trail (its lock and descriptor), at quit. */
  close(): void;
}

export function createAccessAudit(options: {
  readonly file: () => string;
  readonly device: string;
  readonly clock: () => Date;
  readonly warn: (message: string) => void;
}): AccessAudit {
  const { device, clock } = options;
  let pending: { file: string; timer: NodeJS.Timeout } | null = null;
  let burst: { startedAt: number; count: number } | null = null;

  const flush = (): void => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { file } = pending;
    pending = null;
    try {
      syncAudit(file);
    } catch (e) {
      options.warn(`audit flush failed: ${e instanceof AppError ? e.kind : 'internal'}`);
    }
  };

  const recordSoon = (event: AccessEvent, user: string | null): void => {
    const file = options.file();
    appendAudit(file, { ...event, device, user }, clock(), { durable: false });
    if (pending) return;
    pending = { file, timer: setTimeout(flush, FLUSH_MS) };
    pending.timer.unref();
  };

  const endSearches = (user: string): void => {
    if (burst)
      recordSoon({ event: 'search', detail: { burst: 'end', searches: burst.count } }, user);
    burst = null;
  };

  return {
    record(event, user) {
      const file = options.file();
      // A durable append fsyncs and seals the lines written before it too.
      if (pending?.file !== file) flush();
      appendAudit(file, { ...event, device, user }, clock());
      if (pending) clearTimeout(pending.timer);
      pending = null;
    },
    recordSoon,
    searched(user) {
      const now = clock().getTime();
      if (burst && now - burst.startedAt > SEARCH_BURST_MS) endSearches(user);
      // The burst's count comes at its end, but its start is on the trail before any result.
      if (!burst) recordSoon({ event: 'search', detail: { burst: 'start' } }, user);
      else assertAuditWritable(options.file());
      burst = { startedAt: burst?.startedAt ?? now, count: (burst?.count ?? 0) + 1 };
    },
    endSearches,
    flush,
    close() {
      const file = pending?.file;
      flush();
      closeAudit(file ?? options.file());
    },
  };
}
