/**
 * What an import writes, row for row, on the three public fixture sets and a small demo
 * hospital (the bench's input shape): one digest of every table's rows, in the order they were
 * written, against a checked-in expectation. A change to how input is read or rows are
 * inserted that is meant to be invisible (a faster reader, bigger batches) must leave it
 * unchanged; a change to what the importer says updates it (`vitest -u`) in the same commit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import type { WritableDb } from '../../../electron/core/db/handle.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';

const FIXTURES = path.resolve('../shared/fixtures/fhir');
const AS_OF = new Date('2026-11-28T07:00:00Z');

/** Per table: its row count and a digest of its rows in rowid order. */
function contentOf(db: WritableDb): Record<string, string> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'patient_search_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const content: Record<string, string> = {};
  for (const table of tables) {
    const digest = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
      digest.update(JSON.stringify(row));
      rows++;
    }
    content[table] = `${rows} rows ${digest.digest('hex').slice(0, 24)}`;
  }
  return content;
}

/** The content as the expectation file holds it (JSON as the formatter writes it). */
async function importedContent(input: string): Promise<string> {
  const { db } = await importFhir([input], { asOf: AS_OF, demo: true });
  try {
    return `${JSON.stringify(contentOf(db), null, 2)}\n`;
  } finally {
    db.close();
  }
}

describe('the rows an import writes', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'import-content-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(['bulk-ndjson-synthea3', 'bundles-synthea2019', 'inferno-uscore'])(
    'stay the same for the public fixtures %s',
    async (set) => {
      await expect(await importedContent(path.join(FIXTURES, set))).toMatchFileSnapshot(
        `./__snapshots__/import-content.${set}.json`,
      );
    },
  );

  it('stay the same for a 40-patient demo hospital', async () => {
    await generateDemoHospital({ patients: 40, seed: 1, asOf: AS_OF, outDir: scratch });
    await expect(await importedContent(scratch)).toMatchFileSnapshot(
      './__snapshots__/import-content.demo-40.json',
    );
  }, 30_000);
});
