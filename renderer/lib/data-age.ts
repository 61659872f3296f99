/**
 * How stale the open export is, and which colour says so. The API's clock (`status.now`) is
 * the reference: the renderer adds the time elapsed since it asked, so a wrong laptop clock
 * cannot make old data look fresh.
 */
export type AgeLevel = 'green' | 'amber' | 'red';

const HOUR_MS = 3_600_000;

export function ageLevel(ageMs: number, amberHours: number, redHours: number): AgeLevel {
  if (ageMs >= redHours * HOUR_MS) return 'red';
  if (ageMs >= amberHours * HOUR_MS) return 'amber';
  return 'green';
}

/** A clock anchored on the API's `now`, advanced by the renderer's monotonic timer. */
export interface AnchoredClock {
  readonly now: () => number;
}

export function anchorClock(
  apiNowIso: string,
  monotonic: () => number = () => performance.now(),
): AnchoredClock {
  const anchor = Date.parse(apiNowIso);
  const base = Number.isNaN(anchor) ? Date.now() : anchor;
  const startedAt = monotonic();
  return { now: () => base + (monotonic() - startedAt) };
}
