/**
 * The renderer's view of an unlocked session, shared by App (which opens and locks it) and
 * Viewer (which shows it), so neither screen imports the other.
 */
import type { Ward } from '../electron/core/model.ts';

export interface Session {
  readonly wards: readonly Ward[];
}

/** Why the viewer locked: the nurse pressed Lock, or the idle deadline passed. */
export type LockReason = 'button' | 'idle';
