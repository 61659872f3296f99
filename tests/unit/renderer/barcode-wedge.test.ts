/** A barcode scanner typing an MRN then Enter is told apart from a person typing. */
import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../../../renderer/lib/barcode-wedge.ts';

const feed = (keys: string[], gapMs: number, start = 0) => {
  const detector = createWedgeDetector({ maxGapMs: 35, minLength: 4 });
  let result: string | null = null;
  keys.forEach((key, i) => {
    result = detector.push(key, start + i * gapMs);
  });
  return result;
};

describe('barcode wedge detector', () => {
  it('answers the code when a fast burst ends with Enter', () => {
    expect(feed([...'M0012345', 'Enter'], 4)).toBe('M0012345');
  });

  it('ignores people typing at human speed', () => {
    expect(feed([...'M0012345', 'Enter'], 120)).toBeNull();
  });

  it('ignores bursts shorter than a code', () => {
    expect(feed([...'ab', 'Enter'], 4)).toBeNull();
  });

  it('keeps only the fast part after a pause', () => {
    const detector = createWedgeDetector({ maxGapMs: 35, minLength: 4 });
    detector.push('x', 0);
    [...'123456'].forEach((key, i) => detector.push(key, 1_000 + i * 3));
    expect(detector.push('Enter', 1_020)).toBe('123456');
  });

  it('starts over after a non-character key', () => {
    const detector = createWedgeDetector({ maxGapMs: 35, minLength: 4 });
    [...'1234'].forEach((key, i) => detector.push(key, i * 3));
    detector.push('Shift', 13);
    expect(detector.push('Enter', 15)).toBeNull();
  });
});
