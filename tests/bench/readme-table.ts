/**
 * Puts the table of a `npm run bench -- --json FILE` run into the README's Performance section
 * (the fenced block that starts with "| row"), so the README shows a run as it was printed:
 *
 *   node tests/bench/readme-table.ts bench.json
 *
 * Prints the table and the run's commit and machine; the prose around it is written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatTable } from './report.ts';
import type { Row } from './row.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const TABLE_BLOCK = /(## Performance[\s\S]*?```\n)\| row [^`]*?(```)/;

const [jsonFile] = process.argv.slice(2);
if (!jsonFile) {
  console.error('usage: node tests/bench/readme-table.ts BENCH.json');
  process.exit(2);
}
const run = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
  commit: string;
  machine: string;
  rows: Row[];
};
const table = formatTable(run.rows);
const readme = readFileSync(README, 'utf8');
if (!TABLE_BLOCK.test(readme)) {
  console.error('README.md has no fenced "| row" table under "## Performance" to replace.');
  process.exit(1);
}
writeFileSync(
  README,
  readme.replace(TABLE_BLOCK, (_, before: string, end: string) => `${before}${table}\n${end}`),
);
console.log(`${table}\n\nREADME.md updated: commit ${run.commit}, ${run.machine}`);
