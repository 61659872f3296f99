/**
 * The inbox: a folder IT copies exports into (a share, a USB stick, a local folder), polled
 * because file-system events are unreliable on network shares and removable media. Each complete
 * `.dtx` (see arrivals.ts) goes through the store's install — the same code as
 * `downtime install` — and every outcome is audited and reported:
 * - installed, or a duplicate of an installed export: the file leaves the inbox (the store has
 *   its own fsynced copy);
 * - refused: the file moves to `refused/` beside a `NAME.reason.txt` that says why, so IT can
 *   look at it, and the inbox does not retry it forever — except refusals for an io reason
 *   (a full store disk is not the file's fault): those stay and are retried later.
 * The inbox runs without a passphrase, so it installs with the checks that need no keys.
 */
import {
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { extname, join } from 'node:path';
import type { InboxEvent } from '../model.ts';
import { auditInstall } from '../audit/install-audit.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import { refused } from '../store/install-check.ts';
import type { InstallOutcome } from '../store/store-index.ts';
import type { Store } from '../store/store.ts';
import { createArrivalTracker, type Sighting } from './arrivals.ts';

export const REFUSED_FOLDER = 'refused';
export const DEFAULT_STABLE_MS = 3000;
export const DEFAULT_POLL_MS = 2000;
/** How long a file refused for an io reason (say, a full disk) waits before another try. */
export const IO_RETRY_MS = 5 * 60 * 1000;

export interface InboxOptions {
  readonly dir: string;
  readonly store: Store;
  /** Read at every install, so a trust store IT just updated applies to the next file. */
  readonly trust: () => TrustStore;
  readonly device: string;
  /** This laptop's `age1…` recipient at the moment (default: the store's enrolled one). */
  readonly recipient?: () => string | null;
  /** The audit trail that records each decision. */
  readonly audit: string;
  readonly stableMs?: number;
  readonly pollMs?: number;
  readonly onOutcome?: (event: InboxEvent) => void;
  /** The inbox's clock, in milliseconds (tests drive it by hand). */
  readonly now?: () => number;
}

export interface Inbox {
  /** Looks at the folder once and installs what is complete; resolves with what it decided. */
  scanOnce(): Promise<InboxEvent[]>;
  /** Polls every `pollMs` until `stop()`. */
  start(): void;
  stop(): void;
}

const isExportName = (name: string): boolean =>
  !name.startsWith('.') && extname(name).toLowerCase() === '.dtx';

export function createInbox(options: InboxOptions): Inbox {
  const now = options.now ?? Date.now;
  const tracker = createArrivalTracker(options.stableMs ?? DEFAULT_STABLE_MS, isExportName);
  /**
   * Files decided on but left in the inbox: a refusal of kind io (a full disk, an unreadable
   * file — not the file's fault) is retried after `IO_RETRY_MS`; a file that could not be moved
   * away (read-only inbox) is not retried. Either way it is retried at once if it changes, and
   * a stuck file is one event, not one every poll.
   */
  const stuck = new Map<string, { seen: Sighting; retryAt: number }>();
  let timer: NodeJS.Timeout | null = null;
  /** Bumped by start and stop, so a poll still running from before a stop does not re-arm. */
  let generation = 0;
  let running: Promise<InboxEvent[]> | null = null;

  const look = (): Sighting[] => {
    let names: string[];
    try {
      names = readdirSync(options.dir);
    } catch {
      return []; // Share not mounted or stick removed: nothing to do until it is back.
    }
    return names.flatMap((name) => {
      try {
        const stats = statSync(join(options.dir, name));
        return stats.isFile() ? [{ name, size: stats.size, mtimeMs: stats.mtimeMs }] : [];
      } catch {
        return []; // Gone between readdir and stat.
      }
    });
  };

  const decide = async (name: string): Promise<InstallOutcome> => {
    const path = join(options.dir, name);
    let trust: TrustStore;
    try {
      trust = options.trust();
    } catch (e) {
      return refused(e);
    }
    return options.store.install(path, {
      trust,
      device: options.device,
      user: null,
      recipient: options.recipient?.() ?? null,
    });
  };

  const clearAway = (name: string, outcome: InstallOutcome): void => {
    const path = join(options.dir, name);
    if (outcome.outcome !== 'refused') {
      unlinkSync(path);
      return;
    }
    const refusedDir = join(options.dir, REFUSED_FOLDER);
    mkdirSync(refusedDir, { recursive: true });
    const target = freeName(refusedDir, name);
    renameSync(path, join(refusedDir, target));
    writeFileSync(
      join(refusedDir, `${target}.reason.txt`),
      `${outcome.kind ?? 'io'}: ${outcome.message ?? ''}\n`,
    );
  };

  const handle = async (sighting: Sighting): Promise<InboxEvent> => {
    const outcome = await decide(sighting.name);
    const at = new Date(now());
    auditInstall(options.audit, sighting.name, outcome, { device: options.device, user: null }, at);
    if (outcome.outcome === 'refused' && outcome.kind === 'io') {
      stuck.set(sighting.name, { seen: sighting, retryAt: at.getTime() + IO_RETRY_MS });
    } else {
      try {
        clearAway(sighting.name, outcome);
      } catch {
        stuck.set(sighting.name, { seen: sighting, retryAt: Number.POSITIVE_INFINITY });
      }
    }
    tracker.forget(sighting.name);
    const event: InboxEvent = {
      at: at.toISOString(),
      file: sighting.name,
      outcome: outcome.outcome,
      kind: outcome.kind,
      message: outcome.message,
    };
    options.onOutcome?.(event);
    return event;
  };

  const scan = async (): Promise<InboxEvent[]> => {
    const sightings = look();
    for (const [name, { seen, retryAt }] of stuck) {
      const still = sightings.find((s) => s.name === name);
      const changed = !still || still.size !== seen.size || still.mtimeMs !== seen.mtimeMs;
      if (changed || now() >= retryAt) stuck.delete(name);
    }
    const ready = tracker.observe(
      sightings.filter((s) => !stuck.has(s.name)),
      now(),
    );
    const events: InboxEvent[] = [];
    // One at a time, in name order. Order cannot change the end result: whichever comes first,
    // the highest sequence ends up current and an older one is refused.
    for (const name of ready.sort()) {
      const sighting = sightings.find((s) => s.name === name);
      if (sighting) events.push(await handle(sighting));
    }
    return events;
  };

  /** Scans never overlap: a slow install simply delays the next poll. */
  const scanOnce = (): Promise<InboxEvent[]> => {
    running ??= scan().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (mine: number): void => {
    timer = setTimeout(() => {
      // A failing scan (say, the audit disk is full) leaves its files in place for the next one.
      scanOnce()
        .catch(() => [])
        .finally(() => {
          if (mine === generation) schedule(mine);
        });
    }, options.pollMs ?? DEFAULT_POLL_MS);
  };

  return {
    scanOnce,
    start() {
      if (timer) return;
      generation++;
      schedule(generation);
    },
    stop() {
      generation++;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** `NAME`, or `NAME-2`, `NAME-3` … when a file of that name was refused before. */
function freeName(dir: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${extension}`;
    if (!existsSync(join(dir, candidate))) return candidate;
  }
}
