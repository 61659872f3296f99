/** The data-age banner's colour, measured on the API's clock. */
import { describe, expect, it } from 'vitest';
import { ageLevel } from '../../../electron/common/data-age.ts';
import { anchorClock } from '../../../renderer/lib/data-age.ts';

const HOUR = 3_600_000;

describe('data age level', () => {
  it('is green under the amber threshold', () => {
    expect(ageLevel(0, 2, 8)).toBe('green');
    expect(ageLevel(2 * HOUR - 1, 2, 8)).toBe('green');
  });

  it('turns amber at the amber threshold and red at the red threshold', () => {
    expect(ageLevel(2 * HOUR, 2, 8)).toBe('amber');
    expect(ageLevel(8 * HOUR - 1, 2, 8)).toBe('amber');
    expect(ageLevel(8 * HOUR, 2, 8)).toBe('red');
  });

  it('follows the thresholds from settings', () => {
    expect(ageLevel(30 * 60_000, 0.25, 1)).toBe('amber');
  });
});

describe('anchored clock', () => {
  it('starts at the API time and advances with the monotonic timer, not the local clock', () => {
    let tick = 1_000;
    const clock = anchorClock('2026-11-28T10:00:00Z', () => tick);
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    tick += 90_000;
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-28T10:01:30.000Z');
  });
});
