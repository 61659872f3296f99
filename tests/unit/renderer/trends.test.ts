/** Results grouped into trends, and the small trend chart's geometry. */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../electron/core/model.ts';
import { groupTrends, isAbnormal } from '../../../renderer/lib/observations.ts';
import { sparkline } from '../../../renderer/lib/sparkline.ts';

const obs = (over: Partial<Observation>): Observation => ({
  code: 'hr',
  name: 'Heart rate',
  category: 'vital-signs',
  value: 80,
  valueText: null,
  comparator: null,
  otherRanges: [],
  flagText: null,
  unit: '/min',
  refLow: 60,
  refHigh: 100,
  refText: null,
  flag: null,
  at: '2026-11-28T08:00:00Z',
  ...over,
});

describe('trends', () => {
  it('groups one measured thing, newest first, with a chronological series', () => {
    const [trend, ...rest] = groupTrends([
      obs({ value: 70, at: '2026-11-28T04:00:00Z' }),
      obs({ value: 110, at: '2026-11-28T12:00:00Z', flag: 'H' }),
      obs({ code: 'k', name: 'Potassium', category: 'laboratory', value: 4.1 }),
    ]);
    expect(rest.map((t) => t.name)).toEqual(['Potassium']);
    expect(trend?.name).toBe('Heart rate');
    expect(trend?.values.map((o) => o.value)).toEqual([110, 70]);
    expect(trend?.series.map((p) => p.value)).toEqual([70, 110]);
  });

  it('an observation with neither code nor name stays its own trend, its name null', () => {
    const trends = groupTrends([
      obs({ code: null, name: null, value: 37.4 }),
      obs({ code: null, name: null, value: 12 }),
    ]);
    expect(trends.map((t) => [t.name, t.values.map((o) => o.value)])).toEqual([
      [null, [37.4]],
      [null, [12]],
    ]);
  });

  it('keeps labs and vitals apart', () => {
    const trends = groupTrends([
      obs({}),
      obs({ code: 'k', name: 'Potassium', category: 'laboratory' }),
    ]);
    expect(trends.map((t) => t.category).sort()).toEqual(['laboratory', 'vital-signs']);
  });

  it('treats N and missing flags as normal', () => {
    expect(isAbnormal('N')).toBe(false);
    expect(isAbnormal(null)).toBe(false);
    expect(isAbnormal('HH')).toBe(true);
  });
});

describe('sparkline', () => {
  it('draws the series left to right, higher values higher up', () => {
    const line = sparkline(
      [
        { atMs: 0, value: 60 },
        { atMs: 10, value: 100 },
      ],
      104,
      24,
    );
    expect(line.points).toBe('2,22 102,2');
    expect(line.last).toEqual({ x: 102, y: 2 });
  });

  it('keeps the normal band in scale so an outlier is drawn outside it', () => {
    const line = sparkline(
      [
        { atMs: 0, value: 80 },
        { atMs: 10, value: 140 },
      ],
      100,
      44,
      { low: 60, high: 100 },
    );
    expect(line.band).not.toBeNull();
    expect(line.last?.y ?? 99).toBeLessThan(line.band?.y ?? 0);
  });

  it('draws nothing for no values', () => {
    expect(sparkline([], 100, 20).points).toBe('');
  });
});
