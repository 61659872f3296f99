/** How stale an export is, as the colour every screen and the readiness check show. */
export type AgeLevel = 'green' | 'amber' | 'red';

const HOUR_MS = 3_600_000;

export function ageLevel(ageMs: number, amberHours: number, redHours: number): AgeLevel {
  if (ageMs >= redHours * HOUR_MS) return 'red';
  if (ageMs >= amberHours * HOUR_MS) return 'amber';
  return 'green';
}
