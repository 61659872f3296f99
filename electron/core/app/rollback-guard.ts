/**
 * The rollback guard as the app keeps it (issue 15): the store's MAC'd high-water marks beside
 * the store folder (store/rollback.ts), a second copy of them in the app's data folder, and IT's
 * signed reset — each change written to the audit trail.
 *
 * Why a second copy: deleting the store folder together with the state beside it would
 * otherwise leave a laptop that looks new, which accepts any old export again. The copy
 * (`laptop.rollback.json`, with its own key, sealed like the store's) lives where the app's
 * identity lives, so the store can be wiped, moved or pointed elsewhere by IT and the marks
 * follow. At start, before the inbox worker (the store's one writer) runs, each side is raised
 * to the other's marks; a store state deleted beside its key is restored from the copy.
 *
 * What it cannot see: someone who deletes every file the app wrote except the device key (the
 * store, both states, both keys, the audit seal) leaves exactly what a newly enrolled laptop
 * has. Telling the two apart needs a record outside the files this OS account can delete, and
 * the OS secure storage Electron offers (safeStorage) encrypts but stores nothing; the device
 * key is written once at enrolment, so it cannot carry a mark either. There the signed data age
 * on every screen and page is what shows an old export for what it is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import type { SignedReset } from '../settings/it-settings.ts';
import {
  loadStoreRollbackKey,
  openRollbackState,
  rollbackFilesFor,
  type KeySeal,
  type Marks,
  type RollbackState,
} from '../store/rollback.ts';

/** The copy of the marks in the data folder, and whether it was only now created. */
export interface LaptopCopy {
  readonly state: RollbackState;
  /** The key that MACs the copy (and IT's settings mark: settings/it-settings.ts). */
  readonly key: Buffer;
  /** Made in this start: it cannot vouch for what was installed before. */
  readonly isNew: boolean;
}

/** `<dataDir>/laptop.rollback.json` and its key. */
export function openLaptopCopy(dataDir: string, seal: KeySeal | null): LaptopCopy {
  const base = join(dataDir, 'laptop');
  const isNew = !existsSync(rollbackFilesFor(base).key);
  const key = loadStoreRollbackKey(base, seal);
  return { state: openRollbackState(rollbackFilesFor(base).state, key), key, isNew };
}

/**
 * The copy as it stands on disk now, read again with the key the app holds (so a copy deleted
 * with its key file still shows): for the readiness check.
 */
export function laptopCopyCondition(dataDir: string, key: Buffer): 'ok' | 'missing' | 'edited' {
  const file = rollbackFilesFor(join(dataDir, 'laptop')).state;
  if (!existsSync(file)) return 'missing';
  return openRollbackState(file, key).problem() === null ? 'ok' : 'edited';
}

/** "fingerprint:sequence" per signer, or "none" — for the audit line (no clinical content). */
export function describeMarks(marks: Marks): string {
  const entries = Object.entries(marks).map(([signer, mark]) => `${signer}:${mark.sequence}`);
  return entries.length === 0 ? 'none' : entries.sort().join(',');
}

export interface GuardAudit {
  readonly auditFile: string;
  readonly device: string;
  readonly now: Date;
  readonly warn: (message: string) => void;
}

const write = (audit: GuardAudit, entry: Omit<AuditEntry, 'device' | 'user'>): void => {
  appendAudit(audit.auditFile, { ...entry, device: audit.device, user: null }, audit.now);
};

/**
 * Raises the store's state and the copy to each other's marks (at start, while nothing else
 * writes the store's state). A store state deleted beside its key is restored from the copy —
 * unless the copy is new too, then it stays refused (readiness red) until IT resets it.
 */
export function reconcileMarks(store: RollbackState, copy: LaptopCopy, audit: GuardAudit): void {
  const storeProblem = store.problem();
  const copyProblem = copy.state.problem();
  if (copyProblem) audit.warn(`rollback guard: ${copyProblem}`);
  if (copyProblem === null && !(storeProblem !== null && copy.isNew)) {
    try {
      const raised = store.restore(copy.state.marks());
      if (storeProblem !== null || raised.length > 0) {
        write(audit, {
          event: 'rollback-restored',
          detail: {
            from: 'laptop copy',
            why: storeProblem === null ? 'store marks lower' : 'store state deleted',
            marks: describeMarks(store.marks()),
          },
        });
        audit.warn('rollback guard: the store’s marks were restored from the laptop’s copy');
      }
    } catch {
      // An edited store state is not repaired from a copy: it waits for IT's signed reset.
    }
  }
  if (store.problem() === null) {
    try {
      copy.state.restore(store.marks());
    } catch {
      // An edited copy is reported above; the store's own state still guards installs.
    }
  }
}

/** After an install: the copy follows the store's marks (raised only). */
export function followStore(store: RollbackState, copy: LaptopCopy): void {
  if (store.problem() !== null || copy.state.problem() !== null) return;
  copy.state.restore(store.marks());
}

/**
 * IT's signed `rollbackReset`, once per id: forgets the store's marks and the copy's, and writes
 * who asked (the signed settings file: its signer and issue time) and the marks before and after.
 * Returns whether it was applied. Call it while nothing else writes the store's state.
 */
export function applySignedReset(
  reset: SignedReset,
  store: RollbackState,
  copy: LaptopCopy,
  audit: GuardAudit,
): boolean {
  const unreadable = store.problem() !== null;
  const forgotten = store.applyReset(reset.id);
  copy.state.applyReset(reset.id);
  if (forgotten === null) return false;
  write(audit, {
    event: 'rollback-reset',
    detail: {
      reset: reset.id,
      by: 'settings.signed',
      signer: reset.signer,
      issuedAt: reset.issuedAt,
      before: unreadable ? 'unreadable (deleted or edited)' : describeMarks(forgotten),
      after: describeMarks(store.marks()),
    },
  });
  audit.warn(`rollback guard reset by IT's signed settings (${reset.id})`);
  return true;
}
