/**
 * The clock data age is measured on. The API's clock (`status.now`) is the reference: the
 * renderer adds the time elapsed since it asked, so a wrong laptop clock cannot make old data
 * look fresh. (The colour for an age is electron/common/data-age.ts, which readiness uses too.)
 */

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
