/**
 * Groups a chart's observations into one trend per measured thing (heart rate, potassium …),
 * newest first, so the Results tab can show a row of values and a small chart for each.
 */
import type { Observation } from '../../electron/core/model.ts';
import type { TrendPoint } from './sparkline.ts';

export interface Trend {
  readonly key: string;
  /** Null when the source's code has no words: the screen says the placeholder word. */
  readonly name: string | null;
  /** The source's code of what was measured (said beside the placeholder when unnamed). */
  readonly code: string | null;
  readonly category: Observation['category'];
  readonly unit: string | null;
  /** Newest first. */
  readonly values: readonly Observation[];
  /** Numeric values with a time, oldest first: what the small chart draws. */
  readonly series: readonly TrendPoint[];
  readonly refLow: number | null;
  readonly refHigh: number | null;
  readonly refText: string | null;
}

const timeOf = (o: Observation): number => {
  const ms = o.at === null ? Number.NaN : Date.parse(o.at);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

export function groupTrends(observations: readonly Observation[]): Trend[] {
  const groups = new Map<string, Observation[]>();
  observations.forEach((o, index) => {
    // With neither code nor name nothing says two values measure the same thing: each stands alone.
    const key = `${o.category}|${o.code ?? o.name ?? `#${index}`}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  });
  return [...groups.entries()]
    .map(([key, list]) => {
      const values = [...list].sort((a, b) => timeOf(b) - timeOf(a));
      const latest = values.find((o) => o.refLow !== null || o.refHigh !== null || o.refText);
      const newest = values[0];
      return {
        key,
        name: newest?.name ?? null,
        code: newest?.code ?? null,
        category: newest?.category ?? 'other',
        unit: values.find((o) => o.unit !== null)?.unit ?? null,
        values,
        series: values
          .filter((o) => o.value !== null && Number.isFinite(timeOf(o)))
          .map((o) => ({ atMs: timeOf(o), value: o.value ?? 0 }))
          .reverse(),
        refLow: latest?.refLow ?? null,
        refHigh: latest?.refHigh ?? null,
        refText: latest?.refText ?? null,
      };
    })
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Flags that mean "outside the normal range": shown in bold with their code. */
export function isAbnormal(flag: string | null): boolean {
  return flag !== null && flag !== 'N' && flag.trim() !== '';
}
