/**
 * The inbox service: runs the inbox worker (the store's one writer) with the settings of the
 * moment, and restarts it when the inbox, store or trust folder or `keep` change, so exports
 * land where the settings say without restarting the app.
 */
import { startInboxThread, type InboxThread } from '../inbox/inbox-thread.ts';
import type { InboxEvent } from '../model.ts';
import type { Settings } from '../settings/settings.ts';
import type { SettingsService } from './settings-service.ts';

/** The settings the worker is started with: a change to any of them restarts it. */
const WORKER_SETTINGS = [
  'inboxDir',
  'storeDir',
  'trustDir',
  'keep',
] as const satisfies readonly (keyof Settings)[];

export interface InboxService {
  [Symbol.asyncDispose](): Promise<void>;
  /** Where arrivals are watched now; null when no inbox is configured. */
  watching(): string | null;
  /**
   * Runs `work` while the worker is stopped, so the main thread may write the store (IT's
   * rollback reset, applied live) without the worker's next install writing over it.
   */
  paused<T>(work: () => T): Promise<T>;
}

export interface InboxServiceOptions {
  readonly settings: SettingsService;
  readonly storeDir: (settings: Settings) => string;
  readonly trustPaths: (settings: Settings) => string[];
  /** The store's audit trail, once the store service has followed the settings. */
  readonly auditFile: () => string;
  /** The key of the store's rollback state and audit seal, for the settings of the moment. */
  readonly rollbackKey: (settings: Settings) => Buffer;
  /** Where the laptop's recipient is written at enrolment (read at every install). */
  readonly recipientFile: string;
  readonly device: string;
  readonly onEvent: (event: InboxEvent) => void;
  readonly log: { error(message: string): void };
  readonly pollMs?: number;
  readonly stableMs?: number;
}

export function startInboxService(options: InboxServiceOptions): InboxService {
  let thread: InboxThread | null = null;
  let dir: string | null = null;
  const start = (s: Settings): void => {
    dir = s.inboxDir;
    thread = s.inboxDir
      ? startInboxThread(
          {
            dir: s.inboxDir,
            storeDir: options.storeDir(s),
            keep: s.keep,
            rollbackKeyHex: options.rollbackKey(s).toString('hex'),
            recipientFile: options.recipientFile,
            trustPaths: options.trustPaths(s),
            device: options.device,
            audit: options.auditFile(),
            ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
            ...(options.stableMs === undefined ? {} : { stableMs: options.stableMs }),
          },
          options.onEvent,
          options.log.error,
        )
      : null;
  };
  const stop = async (): Promise<void> => {
    const running = thread;
    thread = null;
    dir = null;
    await running?.[Symbol.asyncDispose]();
  };
  start(options.settings.current());
  const unsubscribe = options.settings.onChange(async (next, _previous, changed) => {
    if (!changed.some((key) => (WORKER_SETTINGS as readonly string[]).includes(key))) return;
    await stop();
    start(next);
  });
  return {
    watching: () => dir,
    async paused(work) {
      await stop();
      try {
        return work();
      } finally {
        start(options.settings.current());
      }
    },
    async [Symbol.asyncDispose]() {
      unsubscribe();
      await stop();
    },
  };
}
