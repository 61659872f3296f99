/**
 * The points of a small trend line for one vital sign, scaled into a width × height box.
 * The reference range, when known, is kept inside the vertical scale so a value outside it
 * is visibly outside the shaded band.
 */
export interface TrendPoint {
  readonly atMs: number;
  readonly value: number;
}

export interface Sparkline {
  /** SVG `points` attribute for a <polyline>. */
  readonly points: string;
  /** The shaded normal band (y of its top and its height), when a range is known. */
  readonly band: { readonly y: number; readonly height: number } | null;
  readonly last: { readonly x: number; readonly y: number } | null;
}

const round = (n: number): number => Math.round(n * 10) / 10;

export function sparkline(
  series: readonly TrendPoint[],
  width: number,
  height: number,
  range: { low: number | null; high: number | null } = { low: null, high: null },
): Sparkline {
  const sorted = [...series].sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) return { points: '', band: null, last: null };
  const values = sorted.map((p) => p.value);
  const bounds = [...values, range.low, range.high].filter((v): v is number => v !== null);
  let min = Math.min(...bounds);
  let max = Math.max(...bounds);
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const pad = 2;
  const first = sorted[0]?.atMs ?? 0;
  const span = (sorted[sorted.length - 1]?.atMs ?? first) - first;
  const x = (atMs: number): number =>
    round(span === 0 ? width / 2 : pad + ((atMs - first) / span) * (width - 2 * pad));
  const y = (value: number): number =>
    round(pad + (1 - (value - min) / (max - min)) * (height - 2 * pad));
  const coords = sorted.map((p) => ({ x: x(p.atMs), y: y(p.value) }));
  const band =
    range.low !== null && range.high !== null
      ? { y: y(range.high), height: round(y(range.low) - y(range.high)) }
      : null;
  return {
    points: coords.map((c) => `${c.x},${c.y}`).join(' '),
    band,
    last: coords[coords.length - 1] ?? null,
  };
}
