/** Windowing keeps a 30,000-row census to a few dozen mounted rows at any scroll position. */
import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToReveal } from '../../../renderer/lib/virtual-window.ts';

describe('row window', () => {
  it('mounts the visible rows plus the overscan at the top', () => {
    expect(rowWindow(30_000, 40, 0, 400, 8)).toEqual({ start: 0, end: 19, offsetPx: 0 });
  });

  it('mounts a small slice deep in a long list, placed at its offset', () => {
    const w = rowWindow(30_000, 40, 400_000, 400, 8);
    expect(w.start).toBe(9_992);
    expect(w.end - w.start).toBeLessThan(40);
    expect(w.offsetPx).toBe(9_992 * 40);
  });

  it('never runs past the last row', () => {
    const w = rowWindow(30_000, 40, 40 * 30_000, 400, 8);
    expect(w.end).toBe(30_000);
    expect(w.start).toBeLessThan(30_000);
  });

  it('is empty for an empty list', () => {
    expect(rowWindow(0, 40, 0, 400)).toEqual({ start: 0, end: 0, offsetPx: 0 });
  });
});

describe('scroll to reveal', () => {
  it('scrolls up to a row above the view and down to a row below it', () => {
    expect(scrollToReveal(2, 40, 400, 200)).toBe(80);
    expect(scrollToReveal(20, 40, 0, 200)).toBe(640);
  });

  it('leaves the view alone when the row is visible', () => {
    expect(scrollToReveal(3, 40, 0, 200)).toBeNull();
  });
});
