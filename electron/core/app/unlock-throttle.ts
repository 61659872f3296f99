/**
 * Unlock throttling: a few wrong passphrases are free, then each one doubles the wait before
 * the next attempt. Kept in a file in the app's data folder, so restarting the app does not
 * reset it; a right passphrase does.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file.ts';

/** Wrong passphrases allowed before the first wait (typos, caps lock, a new nurse). */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

const ThrottleSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string().nullable(),
});
export type ThrottleState = z.infer<typeof ThrottleSchema>;

const FRESH: ThrottleState = { failures: 0, lastFailureAt: null };

/** The wait after `failures` wrong passphrases in a row: none, then 30 s, 60 s, … up to 15 min. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

/** Milliseconds still to wait before the next attempt may be tried (0: go ahead). */
export function remainingWait(state: ThrottleState, now: Date): number {
  if (state.lastFailureAt === null) return 0;
  const until = Date.parse(state.lastFailureAt) + waitAfter(state.failures);
  return Math.max(0, until - now.getTime());
}

export interface UnlockThrottle {
  remaining(now: Date): number;
  failed(now: Date): ThrottleState;
  succeeded(): void;
}

/** The throttle kept in `file`; an unreadable or damaged file counts as the longest wait. */
export function openUnlockThrottle(file: string): UnlockThrottle {
  const read = (): ThrottleState => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return FRESH;
      throw e;
    }
    const parsed = ThrottleSchema.safeParse(JSON.parse(text));
    // Someone edited it: do not let that reset the count.
    return parsed.success ? parsed.data : { failures: 64, lastFailureAt: new Date().toISOString() };
  };
  let state = read();
  const save = (): void => writeFileAtomic(file, `${JSON.stringify(state)}\n`);
  return {
    remaining: (now) => remainingWait(state, now),
    failed(now) {
      state = { failures: state.failures + 1, lastFailureAt: now.toISOString() };
      save();
      return state;
    },
    succeeded() {
      if (state.failures === 0) return;
      state = FRESH;
      save();
    },
  };
}

/** "4 min 30 s" style wait for the unlock screen's message. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
