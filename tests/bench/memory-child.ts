/**
 * Run by rows/memory.ts in a fresh process (argv: the fixture as JSON, a prepared data
 * folder): starts the viewer, then opens the export and answers one search, and prints
 * `{"addedBytes": n}` — the peak resident memory of the whole process (main thread and engine
 * worker) above what it used just before unlocking.
 */
import type { Fixture } from './fixture.ts';
import { startBenchViewer } from './viewer.ts';

const SAMPLE_EVERY_MS = 2;

const [fixtureJson, dataDir] = process.argv.slice(2);
if (!fixtureJson || !dataDir) throw new Error('usage: memory-child.ts FIXTURE_JSON DATA_DIR');
const fixture = JSON.parse(fixtureJson) as Fixture;

const viewer = await startBenchViewer(fixture, dataDir);
await viewer.call('lock', {}); // the engine worker is loaded and idle
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const before = process.memoryUsage.rss();
const maxBefore = maxRss();
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, SAMPLE_EVERY_MS);
await viewer.unlock();
await viewer.call('search', { query: 'lef' });
clearInterval(sampler);
// Between samples the high-water mark may have been higher; it counts when opening raised it.
const maxAfter = maxRss();
peak = Math.max(peak, process.memoryUsage.rss(), maxAfter > maxBefore ? maxAfter : 0);
await viewer.stop();
process.stdout.write(`${JSON.stringify({ addedBytes: peak - before })}\n`);
