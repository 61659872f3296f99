/**
 * What an export database holds, table by table, as one line each: its row count and a digest
 * of its rows in rowid order — for tests that an import's rows stay the same (a faster reader,
 * reading on several threads) without listing them.
 */
import { createHash } from 'node:crypto';
import type { WritableDb } from '../../../electron/core/db/handle.ts';

export function contentOf(db: WritableDb): Record<string, string> {
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
