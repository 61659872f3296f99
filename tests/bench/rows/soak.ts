/**
 * `soak`: a week of use in one sitting — a ward's day of API calls (typed searches, chart
 * loads, a handover preview now and then) repeated — with the process's resident memory after
 * all of them against after the first 1,000 (both after a garbage collection), and the open
 * file descriptors at both points. A leak shows as a ratio above 1 or as fds that grow.
 * The engine worker is a thread of this process, so its memory is in the RSS.
 */
import { readdirSync } from 'node:fs';
import { createRng } from '../../../electron/cli/demo/prng.ts';
import type { CensusRow, Ward } from '../../../electron/core/model.ts';
import { goalOf, type Row } from '../row.ts';
import { collectGarbage } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { handoverWard } from './handover.ts';
import { typedSearches } from './typed-searches.ts';

/** The first point compared: after this many calls the caches and the JIT are warm. */
const FIRST = 1_000;
/** One handover preview per this many calls (a ward prints a few times a shift). */
const RENDER_EVERY = 500;

const MiB = 1024 ** 2;

/** Open file descriptors of this process, where the OS lists them (Linux); else null. */
function openFds(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

function settle(): { rss: number; heap: number; fds: number | null } {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return { rss: m.rss / MiB, heap: m.heapUsed / MiB, fds: openFds() };
}

export async function measureSoak(
  scale: number,
  viewer: BenchViewer,
  wards: readonly Ward[],
  census: readonly CensusRow[],
  calls: number,
): Promise<Row> {
  const detailed = census.filter((row) => !row.locator);
  if (detailed.length === 0) throw new Error('no patient with a full chart in the export');
  const ward = handoverWard(wards);
  const queries = typedSearches(census, 200, createRng(5));
  const rng = createRng(13);
  let first: ReturnType<typeof settle> | null = null;
  for (let i = 0; i < calls; i++) {
    if (i === FIRST) first = settle();
    if (i % RENDER_EVERY === RENDER_EVERY - 1) {
      await viewer.call('renderReport', {
        report: 'handover',
        wardId: ward.id,
        paper: 'A4',
        language: 'fr',
      });
    } else if (i % 3 === 0) {
      await viewer.call('chart', { patientId: rng.pick(detailed).patientId });
    } else {
      await viewer.call('search', { query: queries[i % queries.length] ?? 'a' });
    }
  }
  const last = settle();
  if (!first) throw new Error(`a soak needs more than ${FIRST} calls`);
  const fds =
    first.fds === null || last.fds === null
      ? 'fds not listed here'
      : `fds ${first.fds} → ${last.fds}`;
  return {
    id: 'soak',
    scale,
    ours: last.rss,
    baseline: first.rss,
    unit: 'MiB',
    ratio: last.rss / first.rss,
    goal: goalOf('soak'),
    spread: {
      ours: { median: last.rss, p95: last.rss, runs: 1 },
      baseline: { median: first.rss, p95: first.rss, runs: 1 },
    },
    note: `${calls.toLocaleString('en')} calls; heap ${first.heap.toFixed(0)} → ${last.heap.toFixed(0)} MiB, ${fds}`,
  };
}
