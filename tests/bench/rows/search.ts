/**
 * `search`: the 95th percentile of 1,000 typed searches through the API, against a 2 ms budget
 * (an eighth of a 60 Hz frame: results can follow every keystroke). Should not grow with scale.
 */
import type { CensusRow } from '../../../electron/core/model.ts';
import { createRng } from '../../../electron/cli/demo/prng.ts';
import { budgetRow, type Row } from '../row.ts';
import { quantile, summarize, timeWallAndCpuMs } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { typedSearches } from './typed-searches.ts';

export const BUDGET_MS = 2;
const SEARCHES = 1_000;
const WARMUP = 100;

export async function measureSearch(
  scale: number,
  viewer: BenchViewer,
  census: readonly CensusRow[],
): Promise<Row> {
  const queries = typedSearches(census, WARMUP + SEARCHES, createRng(8));
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const [i, query] of queries.entries()) {
    let found = 0;
    const { wall, cpu: cpuMs } = await timeWallAndCpuMs(async () => {
      found = (await viewer.call('search', { query })).length;
    });
    if (i >= WARMUP) {
      times.push(wall);
      cpu.push(cpuMs);
      hits += found;
    }
  }
  const ours = summarize(times);
  return budgetRow(
    'search',
    scale,
    ours,
    BUDGET_MS,
    `median ${ours.median.toFixed(2)} ms, CPU p95 ${quantile(cpu, 0.95).toFixed(2)} ms, ${(hits / SEARCHES).toFixed(1)} hits/search`,
  );
}
