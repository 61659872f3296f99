/**
 * Fixed-row-height windowing: which rows of a long list to mount for a given scroll position,
 * so a 30,000-row census costs the same to paint as a 30-row one.
 */
export interface RowWindow {
  /** First mounted row (inclusive). */
  readonly start: number;
  /** One past the last mounted row. */
  readonly end: number;
  /** Where the first mounted row sits, in pixels from the top of the list. */
  readonly offsetPx: number;
}

export function rowWindow(
  rowCount: number,
  rowHeightPx: number,
  scrollTopPx: number,
  viewportPx: number,
  overscan = 8,
): RowWindow {
  if (rowCount <= 0 || rowHeightPx <= 0) return { start: 0, end: 0, offsetPx: 0 };
  const firstVisible = Math.floor(Math.max(0, scrollTopPx) / rowHeightPx);
  const visibleCount = Math.ceil(Math.max(0, viewportPx) / rowHeightPx) + 1;
  const start = Math.min(rowCount - 1, Math.max(0, firstVisible - overscan));
  const end = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { start, end: Math.max(start + 1, end), offsetPx: start * rowHeightPx };
}

/** The scrollTop that brings `row` fully into view, or null when it already is. */
export function scrollToReveal(
  row: number,
  rowHeightPx: number,
  scrollTopPx: number,
  viewportPx: number,
): number | null {
  const top = row * rowHeightPx;
  const bottom = top + rowHeightPx;
  if (top < scrollTopPx) return top;
  if (bottom > scrollTopPx + viewportPx) return bottom - viewportPx;
  return null;
}
