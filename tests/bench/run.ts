/**
 * `npm run bench`: builds (or reuses) the demo exports at each scale, measures every row of
 * DESIGN.md §9 side by side with its baseline, prints the table and the growth across scales,
 * and with `--json FILE` writes the rows. Timings are reported, never asserted.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CensusRow } from '../../electron/core/model.ts';
import { parseBenchArgs, USAGE } from './args.ts';
import { ensureFixture } from './fixture.ts';
import { benchJson, formatGrowth, formatTable, machineDescription } from './report.ts';
import type { Row, RowId } from './row.ts';
import { readBuildInfo } from '../../scripts/build-info.ts';
import { measureChart } from './rows/chart.ts';
import { measureFleet } from './rows/fleet.ts';
import { launchChromium, measureHandover } from './rows/handover.ts';
import { measureImport } from './rows/import.ts';
import { measureMar } from './rows/mar.ts';
import { measureMemory } from './rows/memory.ts';
import { measureOpen } from './rows/open.ts';
import { measureSearch } from './rows/search.ts';
import { measureSoak } from './rows/soak.ts';
import { measureUnlock } from './rows/unlock.ts';
import type { Repeat } from './stats.ts';
import { prepareWardDir, startBenchViewer, type BenchViewer } from './viewer.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = fileURLToPath(new URL('./.cache', import.meta.url));

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Fewer repetitions where one run is long, so the full run stays within minutes. */
function plan(
  scale: number,
  quick: boolean,
): {
  open: Repeat;
  import: Repeat;
  handover: Repeat;
  unlock: Repeat;
  fleet: Repeat;
  memoryRuns: number;
  soakCalls: number;
} {
  // A week of a ward's use is ~100,000 calls; --quick runs a tenth (said in the row's note).
  const soakCalls = quick ? 10_000 : 100_000;
  const unlock = { runs: 5, warmups: 1 };
  if (scale <= 1_000) {
    return {
      open: { runs: 15, warmups: 2 },
      import: { runs: 7, warmups: 1 },
      handover: { runs: 7, warmups: 1 },
      unlock,
      fleet: { runs: 5, warmups: 1 },
      memoryRuns: 3,
      soakCalls,
    };
  }
  if (scale <= 10_000) {
    return {
      open: { runs: 7, warmups: 1 },
      import: { runs: 3, warmups: 0 },
      handover: { runs: 5, warmups: 1 },
      unlock,
      fleet: { runs: 3, warmups: 0 },
      memoryRuns: 3,
      soakCalls,
    };
  }
  // One import of 30,000 patients reads ~2 GB of NDJSON: a single run, said so in the table.
  return {
    open: { runs: 3, warmups: 1 },
    import: { runs: 1, warmups: 0 },
    handover: { runs: 5, warmups: 1 },
    unlock,
    fleet: { runs: 1, warmups: 0 },
    memoryRuns: 3,
    soakCalls,
  };
}

async function everyone(viewer: BenchViewer, wardIds: readonly string[]): Promise<CensusRow[]> {
  const rows: CensusRow[] = [];
  for (const wardId of wardIds) rows.push(...(await viewer.call('census', { wardId })));
  return rows;
}

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const machine = machineDescription();
  say(`Downtime Viewer benchmarks — ${machine}`);
  const pdf = await launchChromium();
  if ('unavailable' in pdf) say(`handover baseline skipped: ${pdf.unavailable}`);
  const rows: Row[] = [];
  const failed: string[] = [];
  let since = performance.now();
  /** Runs one row; a failure is reported and the other rows still run. */
  const attempt = async (id: RowId, scale: number, measure: () => Promise<Row>) => {
    if (!args.rows.has(id)) return;
    try {
      const row = await measure();
      rows.push(row);
      const ratio = row.ratio?.toFixed(2) ?? '—';
      const took = ((performance.now() - since) / 1000).toFixed(0);
      say(`  ${id}: ours ${row.ours.toFixed(2)} ${row.unit}, ratio ${ratio} (${took} s)`);
    } catch (e) {
      failed.push(`${id} at ${scale.toLocaleString('en')}`);
      say(`  ${id}: FAILED — ${e instanceof Error ? e.message : String(e)}`);
    }
    since = performance.now();
  };
  try {
    for (const scale of args.scales) {
      const fixture = await ensureFixture(CACHE, REPO, scale, args.seed, say);
      const repeat = plan(scale, args.quick);
      say(`${scale.toLocaleString('en')} patients:`);
      since = performance.now();
      const dataDir = await prepareWardDir(fixture);
      try {
        const viewer = await startBenchViewer(fixture, dataDir);
        try {
          await attempt('open', scale, () => measureOpen(fixture, viewer, repeat.open));
          const session = viewer.unlock().then(async (wards) => ({
            wards,
            census: await everyone(
              viewer,
              wards.map((w) => w.id),
            ),
          }));
          session.catch(() => undefined); // reported by each row that needs it
          await attempt('search', scale, async () =>
            measureSearch(scale, viewer, (await session).census),
          );
          await attempt('chart', scale, async () =>
            measureChart(scale, viewer, (await session).census),
          );
          await attempt('handover', scale, async () =>
            measureHandover(scale, viewer, fixture, (await session).wards, pdf, repeat.handover),
          );
          await attempt('mar', scale, async () =>
            measureMar(scale, viewer, fixture, (await session).wards, pdf, repeat.handover),
          );
          await attempt('soak', scale, async () => {
            const { wards, census } = await session;
            return measureSoak(scale, viewer, wards, census, repeat.soakCalls);
          });
        } finally {
          await viewer.stop();
        }
        await attempt('memory', scale, () => measureMemory(fixture, dataDir, repeat.memoryRuns));
        // Last on this folder: it reseals the identity at the app's own passphrase cost.
        await attempt('unlock', scale, () => measureUnlock(fixture, dataDir, repeat.unlock));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      await attempt('import', scale, () => measureImport(fixture, repeat.import));
      await attempt('fleet', scale, () => measureFleet(fixture, repeat.fleet));
    }
  } finally {
    if ('browser' in pdf) await pdf.browser.close();
  }
  say('');
  say(formatTable(rows));
  say('');
  say(formatGrowth(rows));
  if (args.jsonFile) {
    writeFileSync(args.jsonFile, benchJson(machine, readBuildInfo().commit, rows));
    say(`\nrows written to ${args.jsonFile}`);
  }
  if (failed.length > 0) {
    console.error(`\nfailed rows: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
