/**
 * The viewer's access audit: who did what, as lines of the store's hash-chained trail
 * (audit-log.ts). Lines are fsync'd at once, except the busiest — a chart opened, a burst of
 * searches — which are written at once and flushed within `FLUSH_MS` or by the next durable
 * line: an fsync per chart cost more than the chart. A power cut can lose at most that moment.
 * Searches are counted per burst of typing, never recorded as text.
 */
import { closeSync, openSync } from 'node:fs';
import { appendAudit, syncAudit, type AuditEntry } from '../audit/audit-log.ts';
import { AppError } from '../errors.ts';

/** Opens the trail for appending (creating it if need be) and closes it: throws if it cannot. */
function assertAppendable(file: string): void {
  closeSync(openSync(file, 'a'));
}

const FLUSH_MS = 500;
const SEARCH_BURST_MS = 10_000;

export type AccessEvent = Omit<AuditEntry, 'device' | 'user'>;

export interface AccessAudit {
  /** Written and flushed to disk before returning. */
  record(event: AccessEvent, user: string | null): void;
  /** Written now, flushed within `FLUSH_MS`. */
  recordSoon(event: AccessEvent, user: string | null): void;
  /** One more search by `user`; a burst is recorded as one line with its count. */
  searched(user: string): void;
  /** Records the searches counted so far (at lock and at quit). */
  endSearches(user: string): void;
  /** Flushes the lines written but not yet on disk (at quit). */
  flush(): void;
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
    if (burst) recordSoon({ event: 'search', detail: { searches: burst.count } }, user);
    burst = null;
  };

  return {
    record(event, user) {
      flush();
      appendAudit(options.file(), { ...event, device, user }, clock());
    },
    recordSoon,
    searched(user) {
      const now = clock().getTime();
      if (burst && now - burst.startedAt > SEARCH_BURST_MS) endSearches(user);
      // A burst's line comes at its end; at its start, make sure the trail takes lines at all.
      if (!burst) assertAppendable(options.file());
      burst = { startedAt: burst?.startedAt ?? now, count: (burst?.count ?? 0) + 1 };
    },
    endSearches,
    flush,
  };
}
