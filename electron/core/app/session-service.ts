/**
 * The session service: who unlocked which export, until when. It owns the unlock (throttled
 * after wrong passphrases), the lock, the idle deadline — checked on every call that needs the
 * session and by a timer, so the main process drops the decrypted database at expiry whatever
 * the renderer does — and the access audit, which fails closed: an access whose line cannot be
 * written returns no data.
 */
import { existsSync } from 'node:fs';
import type { RemoteEngine } from '../engine/engine-protocol.ts';
import { AppError } from '../errors.ts';
import { unsealIdentity } from '../keys/device-identity.ts';
import type { Ward } from '../model.ts';
import type { StoredExport } from '../store/store.ts';
import { createAccessAudit, type AccessEvent } from './access-audit.ts';
import type { AppPaths } from './app-paths.ts';
import { readIdentityFile, type AtRestSeal } from './identity-file.ts';
import type { SettingsService } from './settings-service.ts';
import type { StoreService } from './store-service.ts';
import { describeWait, openUnlockThrottle } from './unlock-throttle.ts';
import { assertRecordMatches } from '../store/store-index.ts';

/** How often the main process looks at the idle deadline between calls. */
const DEADLINE_CHECK_MS = 5_000;

export interface OpenSession {
  readonly user: string;
  readonly export: StoredExport;
}

export type LockReason = 'button' | 'idle' | 'quit';

export interface SessionService {
  [Symbol.asyncDispose](): Promise<void>;
  /** The open session, without touching its deadline (status screens). */
  peek(): OpenSession | null;
  /** Milliseconds before the next unlock may be tried (0: now). */
  unlockWait(): number;
  unlock(request: { passphrase: string; user: string; exportId?: string | undefined }): Promise<{
    wards: Ward[];
  }>;
  lock(reason: LockReason): Promise<void>;
  /**
   * The open session for a call that reads data: past the idle deadline the session is locked
   * (and the call refused as `locked`); otherwise the deadline moves on.
   */
  require(): Promise<OpenSession>;
  /** A line written and fsync'd before the caller returns anything; throws when it cannot be. */
  record(event: AccessEvent): void;
  /** A line written now (fsync within a moment): charts, the busiest access. Fails closed too. */
  recordSoon(event: AccessEvent): void;
  /** One search; the burst is one line. Refused when the audit trail cannot be written. */
  searched(): void;
  /** Checks the ward passphrase (settings changes ask for it again). */
  checkPassphrase(passphrase: string): Promise<void>;
  /** Lines for who is not (or not yet) in a session: failed unlocks, enrolment. */
  recordAs(user: string | null, event: AccessEvent): void;
}

export interface SessionServiceOptions {
  readonly paths: AppPaths;
  readonly engine: RemoteEngine;
  readonly settings: SettingsService;
  readonly store: StoreService;
  readonly trustPaths: () => string[];
  readonly atRest: AtRestSeal | null;
  readonly device: string;
  readonly clock: () => Date;
  readonly log: { warn(message: string): void };
}

const auditUnavailable = (cause: unknown): AppError =>
  new AppError(
    'audit-unavailable',
    'The access audit cannot be written, so no patient data is shown. Tell IT: the store folder may be full, read-only or gone.',
    { cause },
  );

export function createSessionService(options: SessionServiceOptions): SessionService {
  const { paths, engine, clock, settings, store } = options;
  const access = createAccessAudit({
    file: () => store.current().auditFile,
    device: options.device,
    clock,
    warn: (message) => options.log.warn(message),
  });
  const throttle = openUnlockThrottle(paths.throttleFile);
  let session: OpenSession | null = null;
  let deadline = 0;

  const failClosed = (write: () => void): void => {
    try {
      write();
    } catch (e) {
      throw auditUnavailable(e);
    }
  };
  const moveDeadline = (): void => {
    deadline = clock().getTime() + settings.current().lockTimeoutSeconds * 1000;
  };
  const lock = async (reason: LockReason): Promise<void> => {
    const closing = session;
    session = null;
    if (closing) {
      try {
        access.endSearches(closing.user);
        access.record({ event: 'lock', detail: { reason } }, closing.user);
      } catch (e) {
        // Locking never fails: the data goes whatever the audit says.
        options.log.warn(`audit of a lock failed: ${e instanceof AppError ? e.kind : 'internal'}`);
      }
    }
    await engine.close();
  };
  const expired = (): boolean => session !== null && clock().getTime() >= deadline;
  const timer = setInterval(() => {
    if (expired()) void lock('idle');
  }, DEADLINE_CHECK_MS);
  timer.unref();

  const unseal = async (passphrase: string): Promise<string> =>
    unsealIdentity(readIdentityFile(paths.identityFile, options.atRest), passphrase);

  return {
    peek: () => (expired() ? null : session),
    unlockWait: () => throttle.remaining(clock()),

    async unlock({ passphrase, user, exportId }) {
      if (!existsSync(paths.identityFile)) {
        throw new AppError(
          'no-identity',
          'This laptop has no device identity yet. Enrol it first.',
        );
      }
      const wait = throttle.remaining(clock());
      if (wait > 0) {
        failClosed(() =>
          access.record({ event: 'unlock-failed', detail: { kind: 'throttled' } }, user),
        );
        throw new AppError(
          'throttled',
          `Too many wrong passphrases: wait ${describeWait(wait)} before trying again.`,
        );
      }
      const current = store.current();
      const target =
        exportId === undefined
          ? current.current()
          : current.list().find((e) => e.exportId === exportId);
      if (!target) {
        throw new AppError(
          exportId === undefined ? 'no-export' : 'not-found',
          exportId === undefined
            ? 'No export is installed on this laptop yet. Ask IT to copy one into the inbox.'
            : 'That export is no longer kept on this laptop.',
        );
      }
      const failed = (e: unknown): never => {
        const kind = e instanceof AppError ? e.kind : 'internal';
        if (kind === 'wrong-passphrase') throttle.failed(clock());
        failClosed(() => access.record({ event: 'unlock-failed', detail: { kind } }, user));
        throw e;
      };
      let identity: string;
      try {
        identity = await unseal(passphrase);
      } catch (e) {
        return failed(e);
      }
      throttle.succeeded();
      if (session) await lock('button');
      try {
        const opened = await engine.open({
          bytes: current.readBytes(target.exportId),
          trustPaths: options.trustPaths(),
          identity,
        });
        // Only signed facts on screen: a record that disagrees with the verified manifest is refused.
        try {
          assertRecordMatches(target, opened.manifest);
        } catch (e) {
          await engine.close();
          throw e;
        }
      } catch (e) {
        return failed(e);
      }
      // The session opens only once its unlock line is on disk.
      try {
        access.record(
          { event: 'unlock', detail: { export: target.exportId, sequence: target.sequence } },
          user,
        );
      } catch (e) {
        await engine.close();
        throw auditUnavailable(e);
      }
      session = { user, export: target };
      moveDeadline();
      return { wards: await engine.listWards() };
    },

    lock,

    async require() {
      if (expired()) await lock('idle');
      if (!session) {
        throw new AppError('locked', 'The viewer is locked. Unlock it with the ward passphrase.');
      }
      moveDeadline();
      return session;
    },

    record(event) {
      failClosed(() => access.record(event, session?.user ?? null));
    },
    recordSoon(event) {
      failClosed(() => access.recordSoon(event, session?.user ?? null));
    },
    searched() {
      const user = session?.user;
      if (!user) return;
      failClosed(() => access.searched(user));
    },
    checkPassphrase: async (passphrase) => {
      await unseal(passphrase);
    },
    recordAs(user, event) {
      failClosed(() => access.record(event, user));
    },

    async [Symbol.asyncDispose]() {
      clearInterval(timer);
      if (session) await lock('quit');
      access.close();
    },
  };
}
