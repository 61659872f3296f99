/**
 * The export's own facts that its public manifest states (export/pipeline.ts `manifestFor`) and
 * `downtime inspect` shows: site, census instant, ward scope, record counts. Kept apart from the
 * screens' queries (queries.ts re-exports them) because they shape every sealed export, which
 * the bench's fixture key follows (tests/bench/code-version.ts): a screen query's change must
 * not rebuild the fixtures.
 */
import type { ManifestWard } from '../model.ts';
import { type ReadonlyDb, cached } from './handle.ts';

export interface RecordCounts {
  readonly patients: number;
  readonly census: number;
  readonly allergies: number;
  readonly medicationOrders: number;
  readonly administrations: number;
  readonly observations: number;
  readonly notes: number;
}

export function recordCounts(db: ReadonlyDb): RecordCounts {
  return cached(
    db,
    `SELECT (SELECT count(*) FROM patients) AS patients,
            (SELECT count(*) FROM stays) AS census,
            (SELECT count(*) FROM allergies) AS allergies,
            (SELECT count(*) FROM medication_orders) AS medicationOrders,
            (SELECT count(*) FROM administrations) AS administrations,
            (SELECT count(*) FROM observations) AS observations,
            (SELECT count(*) FROM notes) AS notes`,
  ).get() as RecordCounts;
}

export interface ExportInfo {
  readonly siteId: string;
  readonly siteName: string | null;
  readonly dataAsOf: string;
  readonly demo: boolean;
}

export function exportInfo(db: ReadonlyDb): ExportInfo {
  const meta = new Map(cached(db, 'SELECT key, value FROM meta').raw().all() as [string, string][]);
  return {
    siteId: meta.get('siteId') ?? '',
    siteName: meta.get('siteName') ?? null,
    dataAsOf: meta.get('dataAsOf') ?? '',
    demo: meta.get('demo') === '1',
  };
}

/** The wards exported with full detail, with their site, by id (the manifest's scope). */
export function scopeWards(db: ReadonlyDb): ManifestWard[] {
  return cached(
    db,
    `SELECT w.id AS id, w.name AS name, w.site_id AS siteId, s.name AS siteName
     FROM wards w JOIN sites s ON s.id = w.site_id
     WHERE w.in_scope = 1 ORDER BY w.id`,
  ).all() as ManifestWard[];
}
