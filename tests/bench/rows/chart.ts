/**
 * `chart`: the 95th percentile of full chart loads through the API (patient, stay, allergies,
 * medications with their next 24 h of doses, administrations, observations, plan, notes,
 * handover), against a 2 ms budget. Should not grow with scale.
 */
import type { CensusRow } from '../../../electron/core/model.ts';
import { createRng } from '../../../electron/cli/demo/prng.ts';
import { budgetRow, type Row } from '../row.ts';
import { quantile, summarize, timeWallAndCpuMs } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { BUDGET_MS } from './search.ts';

const LOADS = 300;
const WARMUP = 30;

export async function measureChart(
  scale: number,
  viewer: BenchViewer,
  census: readonly CensusRow[],
): Promise<Row> {
  const detailed = census.filter((row) => !row.locator);
  if (detailed.length === 0) throw new Error('no patient with a full chart in the export');
  const rng = createRng(9);
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARMUP + LOADS; i++) {
    const { patientId } = rng.pick(detailed);
    let size = 0;
    const { wall, cpu: cpuMs } = await timeWallAndCpuMs(async () => {
      const chart = await viewer.call('chart', { patientId });
      size =
        chart.medications.length +
        chart.administrations.length +
        chart.observations.length +
        chart.plan.length +
        chart.notes.length;
    });
    if (i >= WARMUP) {
      times.push(wall);
      cpu.push(cpuMs);
      rows += size;
    }
  }
  const ours = summarize(times);
  return budgetRow(
    'chart',
    scale,
    ours,
    BUDGET_MS,
    `median ${ours.median.toFixed(2)} ms, CPU p95 ${quantile(cpu, 0.95).toFixed(2)} ms, ${Math.round(rows / LOADS)} rows/chart`,
  );
}
