import { describe, expect, it } from 'vitest';
import { createRng } from '../../../electron/cli/demo/prng.ts';
import { parseBenchArgs } from '../../bench/args.ts';
import { formatGrowth, formatTable } from '../../bench/report.ts';
import { budgetRow, medianRow } from '../../bench/row.ts';
import { keystrokes, plainLetters, typedSearches } from '../../bench/rows/typed-searches.ts';
import { quantile, summarize } from '../../bench/stats.ts';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, so each is a measured value', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted input
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(summarize([3, 1, 2])).toEqual({ median: 2, p95: 3, runs: 3 });
  });
});

describe('typed searches', () => {
  it('sends one search per keystroke from the second letter on', () => {
    expect(keystrokes('müller')).toEqual(['mü', 'mül', 'müll', 'mülle', 'müller']);
    expect(keystrokes('van jan', 'van ')).toEqual(['van j', 'van ja', 'van jan']);
  });

  it('types names with and without accents and ligatures', () => {
    expect(plainLetters('Œuvrard Hélène Strauß')).toBe('oeuvrard helene strauss');
  });

  it('mixes names, two words, MRNs and beds up to the requested count', () => {
    const people = [
      { name: 'LEFÈVRE-DUPONT, Hélène', mrn: 'MRN0001', bed: '3B-12' },
      { name: 'ŒUVRARD, Benoît', mrn: 'MRN0002', bed: null },
    ];
    const searches = typedSearches(people, 300, createRng(1));
    expect(searches).toHaveLength(300);
    expect(searches).toContain('lefèvre');
    expect(searches).toContain('oeuvrard');
    expect(searches.some((q) => /^(lefèvre-dupont h|œuvrard b)/.test(q))).toBe(true);
    expect(searches).toContain('MRN0001');
    expect(searches).toContain('3B-12');
  });
});

describe('bench command line', () => {
  it('runs the three scales by default and only 3,000 patients with --quick', () => {
    expect(parseBenchArgs([])).toMatchObject({
      scales: [100, 3000, 30000],
      quick: false,
      jsonFile: null,
    });
    expect(parseBenchArgs(['--quick', '--json', 'out.json'])).toMatchObject({
      scales: [3000],
      jsonFile: 'out.json',
    });
  });

  it('names what is wrong with a bad argument', () => {
    expect(parseBenchArgs(['--json'])).toBe('--json needs a file name');
    expect(parseBenchArgs(['--fast'])).toBe('unknown argument --fast');
    expect(parseBenchArgs(['--scales', '100,lots'])).toMatch(/whole numbers/);
    expect(parseBenchArgs(['--rows', 'chart,speed'])).toBe('--rows: unknown row "speed"');
  });

  it('measures every row unless told which', () => {
    const all = parseBenchArgs([]);
    const some = parseBenchArgs(['--quick', '--rows', 'memory,chart']);
    if (typeof all === 'string' || typeof some === 'string') throw new Error('parse failed');
    expect(all.rows.size).toBe(10);
    expect([...some.rows].sort()).toEqual(['chart', 'memory']);
  });
});

describe('bench report', () => {
  const ms = (median: number) => ({ median, p95: median * 1.2, runs: 5 });
  const rows = [
    medianRow('open', 100, 'ms', { ours: ms(30), baseline: ms(40) }),
    medianRow('open', 30000, 'ms', { ours: ms(4000), baseline: ms(2000) }),
    budgetRow('search', 100, ms(1), 2, null),
  ];

  it('marks each ratio against its goal', () => {
    const table = formatTable(rows);
    expect(table).toMatch(/\| open +\| 100 +\| 30\.0 ms +\| 40\.0 ms +\| 0\.75× +\| ≤ 1 +\| ok/);
    expect(table).toMatch(/\| open +\| 30,000 .*\| 2\.00× +\| ≤ 1 +\| MISSED/);
    expect(table).toMatch(/\| search +\| 100 +\| p95 1\.20 ms +\| 2\.00 ms +\| 0\.60×/);
  });

  it('shows growth from the smallest to the largest scale, or says it needs two scales', () => {
    expect(formatGrowth(rows)).toContain('open     30.0 ms → 4000 ms (×133.3); ratio 0.75 → 2.00');
    expect(formatGrowth(rows.slice(2))).toMatch(/needs two scales/);
  });
});
