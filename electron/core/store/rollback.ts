/**
 * The rollback guard, kept where deleting store files does not reset it (issue 15, H1 and H3).
 *
 * Two rules, both on signed facts only:
 * - **Bounded sequence.** A sequence may not run ahead of its own signed creation time:
 *   `sequence ≤ epochSeconds(createdAt)` (the exporter's default sequence is exactly that), and
 *   `createdAt` may not be later than this laptop's clock plus `MAX_CLOCK_AHEAD_MS`. So the
 *   highest sequence any file can carry today is about today's epoch seconds: one forged or
 *   mistaken file (sequence 999999999999) is refused instead of putting every real export out
 *   of reach, and the worst a file within the bound can do is hold real exports back until the
 *   exporter's clock passes it (at most `MAX_CLOCK_AHEAD_MS`), or until IT resets the guard.
 * - **High-water mark outside the store.** The highest sequence installed, per signing key, is
 *   written to a state file beside the store folder (not in it), MAC'd with a per-laptop key
 *   that is sealed with the OS secure storage where there is one. Deleting `exports/` or the
 *   whole store keeps old exports refused; an edited state file is refused as a whole (installs
 *   stop until IT resets it), never silently trusted. Signers the trust store no longer holds
 *   are left out of the baseline, so a rotated-out (or rogue) key cannot block the real one.
 * - **A deleted state is seen.** The state is written (empty) together with its key, so a key
 *   without its state means the state was deleted: `problem()` says so and installs stop, as
 *   for an edited state. The app also keeps a second copy of the marks in its data folder
 *   (app/rollback-guard.ts) and restores a deleted state from it.
 * - **IT reset.** `applyReset()` forgets the marks; it is reached only through a settings file
 *   signed by the site key (settings/it-settings.ts: `rollbackReset`), never the ward
 *   passphrase, and returns the marks it forgot for the audit trail.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Manifest } from '../model.ts';
import { writeFileAtomic } from './atomic-file.ts';

/** How far ahead of this laptop's clock a signed creation time may be (exporter clock skew). */
export const MAX_CLOCK_AHEAD_MS = 2 * 3600 * 1000;

/** Throws `older-than-installed`'s sibling kinds when a manifest breaks the bound. */
export function checkSequenceBound(manifest: Manifest, now: Date): void {
  const created = Date.parse(manifest.createdAt);
  if (Number.isNaN(created)) {
    throw new AppError(
      'sequence-out-of-range',
      `This export's signed creation time "${manifest.createdAt.slice(0, 40)}" is not a date; it was not installed — ask IT to check the exporter.`,
    );
  }
  if (created > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    throw new AppError(
      'sequence-out-of-range',
      `This export says it was made at ${manifest.createdAt}, later than this laptop's clock (${now.toISOString()}); it was not installed — check this laptop's date and time, or the exporter's.`,
    );
  }
  const bound = Math.floor(created / 1000);
  if (manifest.sequence > bound) {
    throw new AppError(
      'sequence-out-of-range',
      `This export's sequence ${manifest.sequence} runs ahead of its creation time (at most ${bound} for ${manifest.createdAt}); it was not installed, so it cannot block later exports — ask IT to check the exporter's --sequence.`,
    );
  }
}

/** Where a store's rollback state and its key live: beside the store folder, not in it. */
export function rollbackFilesFor(storeDir: string): { state: string; key: string } {
  const parent = dirname(storeDir);
  const name = basename(storeDir);
  return {
    state: join(parent, `${name}.rollback.json`),
    key: join(parent, `${name}.rollback.key`),
  };
}

/**
 * The key of the rollback state beside `storeDir` (loadRollbackKey), made on first use together
 * with an empty state, so a state missing beside its key is known to have been deleted.
 */
export function loadStoreRollbackKey(storeDir: string, seal: KeySeal | null): Buffer {
  const files = rollbackFilesFor(storeDir);
  const isNew = !existsSync(files.key);
  const key = loadRollbackKey(files.key, seal);
  if (isNew && !existsSync(files.state)) writeState(files.state, key, {}, null);
  return key;
}

/** Sealing for the key file: Electron safeStorage in the app (the same shape as AtRestSeal). */
export interface KeySeal {
  seal(bytes: Uint8Array): Uint8Array;
  open(bytes: Uint8Array): Uint8Array;
}
const OS_SEALED_KEY = Buffer.from('DTXKEY-OS1\n');
const PLAIN_KEY = Buffer.from('DTXKEY-PLAIN1\n');
const KEY_BYTES = 32;

/**
 * The laptop's rollback MAC key: read, or made on first use. With `seal` (OS secure storage)
 * the file is useless without this OS account; without it the file is 0600 in a 0700 folder.
 * A key sealed to the OS cannot be opened without `seal` (the CLI): a clear `invalid-config`.
 */
export function loadRollbackKey(
  file: string,
  seal: KeySeal | null,
  options: { readonly create?: boolean } = {},
): Buffer {
  if (!existsSync(file) && options.create === false) {
    throw new AppError('invalid-config', `There is no key file ${file}; check the path.`);
  }
  if (!existsSync(file)) {
    const key = randomBytes(KEY_BYTES);
    const content = seal
      ? Buffer.concat([OS_SEALED_KEY, seal.seal(key)])
      : Buffer.concat([PLAIN_KEY, key]);
    writeFileAtomic(file, content);
    chmodSync(file, 0o600);
    return key;
  }
  const content = readFileSync(file);
  const startsWith = (magic: Buffer) => content.subarray(0, magic.length).equals(magic);
  let key: Buffer | null = null;
  if (startsWith(PLAIN_KEY)) key = content.subarray(PLAIN_KEY.length);
  else if (startsWith(OS_SEALED_KEY)) {
    if (!seal) {
      throw new AppError(
        'invalid-config',
        `The rollback key ${file} is sealed to the laptop's OS account by the app (Electron safeStorage), which only the app itself can open; nothing was installed — install through the app's inbox on that laptop.`,
      );
    }
    try {
      key = Buffer.from(seal.open(content.subarray(OS_SEALED_KEY.length)));
    } catch {
      key = null;
    }
  }
  if (!key || key.length !== KEY_BYTES) {
    throw new AppError(
      'invalid-config',
      `The rollback key ${file} is damaged or from another computer; installs stay refused until IT resets the rollback guard.`,
    );
  }
  return key;
}

const MarkSchema = z.object({
  sequence: z.number().int().nonnegative(),
  exportId: z.string().max(200),
  createdAt: z.string().max(40),
});
export type HighWaterMark = z.infer<typeof MarkSchema>;
const StateSchema = z
  .object({
    version: z.literal(1),
    /** Per signer fingerprint: the highest export installed. */
    marks: z.record(z.string().max(64), MarkSchema),
    /** The id of the last IT reset applied, so a signed reset applies once, not at every start. */
    lastReset: z.string().max(100).nullable(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type Marks = Readonly<Record<string, HighWaterMark>>;

export interface RollbackState {
  /** The highest sequence installed by any of `trustedSigners`, or null. */
  baseline(trustedSigners: readonly string[]): HighWaterMark | null;
  /** Every signer's mark (refused, like `baseline`, while the state cannot be trusted). */
  marks(): Marks;
  /** Raises the signer's mark (never lowers it) and writes it durably. */
  record(signer: string, mark: HighWaterMark): void;
  /**
   * Raises the marks to `copy`'s (a second copy of them): repairs a deleted state, never an
   * edited one (that takes IT's reset). Returns the signers whose mark was raised.
   */
  restore(copy: Marks): string[];
  /**
   * IT's reset (a signed settings file's `rollbackReset`): forgets every mark, once per id.
   * Returns the marks forgotten (for the audit trail), or null when `id` was applied before.
   */
  applyReset(id: string): Marks | null;
  /** Why the state cannot be trusted (deleted, edited, damaged, wrong key), or null. */
  problem(): string | null;
  /** The same as a kind, said in the reader's words on the readiness screen. */
  problemKind(): 'deleted' | 'damaged' | null;
}

const macOf = (
  key: Buffer,
  marks: Record<string, HighWaterMark>,
  lastReset: string | null,
): string =>
  createHmac('sha256', key)
    .update('downtime-viewer rollback state v1\0')
    .update(
      JSON.stringify([Object.entries(marks).sort(([a], [b]) => a.localeCompare(b)), lastReset]),
    )
    .digest('hex');

function writeState(
  file: string,
  key: Buffer,
  marks: Record<string, HighWaterMark>,
  lastReset: string | null,
): void {
  const content = { version: 1, marks, lastReset, mac: macOf(key, marks, lastReset) };
  writeFileAtomic(file, `${JSON.stringify(content, null, 1)}\n`);
}

/**
 * Opens the state file with its key (made with it by `loadStoreRollbackKey`). A missing file, or
 * one that does not verify, makes `problem()` say so and `baseline` refuse — fail closed: a
 * missing state beside its key was deleted. Without a key (a read-only look) nothing is checked
 * and every use but `problem()` is refused.
 */
export function openRollbackState(file: string, key: Buffer | null): RollbackState {
  if (key === null) return unverifiable(file);
  let marks: Record<string, HighWaterMark> = {};
  let lastReset: string | null = null;
  let problem: string | null = null;
  /** A deleted state may be restored from a copy of its marks; an edited one may not. */
  let deleted = false;
  if (!existsSync(file)) {
    deleted = true;
    problem = `The rollback state ${file} is missing beside its key: it was deleted, so exports older than those installed could come back; installs are refused until the app restores it from its own copy or IT resets the rollback guard (a signed settings file with rollbackReset).`;
  } else {
    try {
      const parsed = StateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const expected = Buffer.from(macOf(key, parsed.marks, parsed.lastReset), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(parsed.mac, 'hex'))) throw new Error('mac');
      marks = parsed.marks;
      lastReset = parsed.lastReset;
    } catch {
      problem = `The rollback state ${file} was edited, damaged or sealed on another computer; installs are refused until IT resets the rollback guard (a signed settings file with rollbackReset).`;
    }
  }
  const write = (next: Record<string, HighWaterMark>, reset: string | null): void => {
    writeState(file, key, next, reset);
    marks = next;
    lastReset = reset;
  };
  const refuseIfDamaged = (): void => {
    if (problem) throw new AppError('invalid-config', problem);
  };
  return {
    baseline(trustedSigners) {
      refuseIfDamaged();
      let best: HighWaterMark | null = null;
      for (const signer of trustedSigners) {
        const mark = marks[signer];
        if (mark && (!best || mark.sequence > best.sequence)) best = mark;
      }
      return best;
    },
    marks() {
      refuseIfDamaged();
      return marks;
    },
    record(signer, mark) {
      refuseIfDamaged();
      const before = marks[signer];
      if (before && before.sequence >= mark.sequence) return;
      write({ ...marks, [signer]: mark }, lastReset);
    },
    restore(copy) {
      if (!deleted) refuseIfDamaged();
      const raised = Object.entries(copy).filter(
        ([signer, mark]) => (marks[signer]?.sequence ?? -1) < mark.sequence,
      );
      if (raised.length > 0 || deleted)
        write({ ...marks, ...Object.fromEntries(raised) }, lastReset);
      deleted = false;
      problem = null;
      return raised.map(([signer]) => signer);
    },
    applyReset(id) {
      // A damaged state cannot say which resets were applied: a signed reset repairs it.
      if (problem === null && lastReset === id) return null;
      const forgotten = problem === null ? marks : {};
      write({}, id);
      problem = null;
      deleted = false;
      return forgotten;
    },
    problem: () => problem,
    problemKind: () => (problem === null ? null : deleted ? 'deleted' : 'damaged'),
  };
}

function unverifiable(file: string): RollbackState {
  const refuse = (): never => {
    throw new AppError('internal', `The rollback state ${file} was opened without its key.`);
  };
  return {
    baseline: refuse,
    marks: refuse,
    record: refuse,
    restore: refuse,
    applyReset: refuse,
    problem: () => null,
    problemKind: () => null,
  };
}
