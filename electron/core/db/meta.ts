/** The export's own facts (site, census instant, demo flag), kept in the `meta` table. */
import type { WritableDb } from './handle.ts';

export interface ExportMeta {
  readonly siteId: string;
  /** Null when the source names no site (the key is then absent). */
  readonly siteName: string | null;
  /** ISO instant the census was computed for. */
  readonly dataAsOf: string;
  readonly demo: boolean;
}

/** Writes (or overwrites) the given meta fields. */
export function writeExportMeta(db: WritableDb, meta: Partial<ExportMeta>): void {
  const upsert = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(meta)) {
    if (value === undefined || value === null) continue;
    upsert.run(key, typeof value === 'boolean' ? (value ? '1' : '0') : value);
  }
}
