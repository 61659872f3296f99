/**
 * The numbers a row reports: medians and 95th percentiles over repeated runs. Nearest-rank
 * percentiles (no interpolation), so a p95 is always a time that was actually measured.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `npm run bench` runs plain `node`, so expose the collector from inside.
setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;

export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

/** The q-quantile (0 < q ≤ 1) of the samples by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length };
}

/** Milliseconds one call of `fn` takes. */
export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * One call's wall time and the CPU time the process spent in it (every thread: the API on the
 * main thread, the engine worker, the garbage collector). On a busy machine a p95 of wall time
 * is mostly waiting for a core; the CPU time says what the call itself costs.
 */
export async function timeWallAndCpuMs(
  fn: () => Promise<unknown> | unknown,
): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const wall = await timeMs(fn);
  const { user, system } = process.cpuUsage(cpuStart);
  return { wall, cpu: (user + system) / 1000 };
}

export interface Repeat {
  readonly runs: number;
  /** Untimed runs first (JIT, caches); 0 where one run is already long. */
  readonly warmups: number;
}

/** What one side of a comparison runs; `reset` (untimed) undoes it before the next run. */
export interface Trial {
  run(): Promise<unknown> | unknown;
  reset?(): Promise<unknown> | unknown;
}

/**
 * Runs `ours` and `baseline` alternately, so a burst of load from elsewhere on the machine
 * hits both sides alike. Garbage is collected between trials (untimed): otherwise one side's
 * large buffers get collected inside the other side's timing.
 */
export async function sideBySide(
  { runs, warmups }: Repeat,
  ours: Trial,
  baseline: Trial,
): Promise<{ ours: Summary; baseline: Summary }> {
  const samples = { ours: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < warmups + runs; i++) {
    for (const [side, trial] of [
      ['ours', ours],
      ['baseline', baseline],
    ] as const) {
      const ms = await timeMs(() => trial.run());
      await trial.reset?.();
      collectGarbage();
      if (i >= warmups) samples[side].push(ms);
    }
  }
  return { ours: summarize(samples.ours), baseline: summarize(samples.baseline) };
}
