/**
 * The named queries over an open export: the only way the app, the CLI and the printer read
 * it. Each takes the branded read-only handle; statements are prepared once per handle.
 */
import type { Bed, CensusRow, SearchHit, Ward } from '../model.ts';
import { selectColumns } from './columns.ts';
import { type ReadonlyDb, cached } from './handle.ts';
import { CENSUS_COLUMNS, CENSUS_FROM, byBed, toCensusRow } from './rows.ts';
import { matchExpression } from './search-query.ts';

export type { ReadonlyDb } from './handle.ts';
export { getChart } from './chart.ts';
export {
  type ExportInfo,
  type RecordCounts,
  exportInfo,
  recordCounts,
  scopeWards,
} from './export-facts.ts';

const WARD_COLUMNS = [
  selectColumns('wards', 'w', ['id', 'name', 'siteId', 'inScope']),
  selectColumns('sites', 'si', ['name'], { name: 'siteName' }),
].join(', ');

export function listWards(db: ReadonlyDb): Ward[] {
  const rows = cached(
    db,
    `SELECT ${WARD_COLUMNS},
            (SELECT count(*) FROM stays s WHERE s.ward_id = w.id) AS censusCount
     FROM wards w JOIN sites si ON si.id = w.site_id
     ORDER BY si.name, w.name`,
  ).all() as (Omit<Ward, 'inScope'> & { inScope: number })[];
  return rows.map((w) => ({ ...w, inScope: w.inScope === 1 }));
}

/** The patients of a ward, in bed order. */
export function censusByWard(db: ReadonlyDb, wardId: string): CensusRow[] {
  const rows = cached(db, `SELECT ${CENSUS_COLUMNS} FROM ${CENSUS_FROM} WHERE s.ward_id = ?`).all(
    wardId,
  ) as Parameters<typeof toCensusRow>[0][];
  return rows.map(toCensusRow).sort(byBed);
}

const HIT_COLUMNS = `
  ${selectColumns('patients', 'p', ['id', 'mrn', 'name', 'birthDate', 'sex'], { id: 'patientId' })},
  ${selectColumns('wards', 'w', ['name'], { name: 'wardName' })}, ${selectColumns('stays', 's', ['bed'])},
  ${selectColumns('patients', 'p', ['locator'])}, s.patient_id IS NOT NULL AS admitted`;
const HIT_JOINS = `
  LEFT JOIN stays s ON s.patient_id = p.id
  LEFT JOIN wards w ON w.id = s.ward_id`;

type RawHit = Omit<SearchHit, 'locator' | 'admitted'> & { locator: number; admitted: number };
const toHit = (h: RawHit): SearchHit => ({
  ...h,
  locator: h.locator === 1,
  admitted: h.admitted === 1,
});

/**
 * Patients matching a typed query: names (accents, case, ligatures and word order ignored,
 * prefixes allowed), MRN and other identifiers, room or bed, birth date (YYYY-MM-DD or
 * DD/MM/YYYY). Admitted patients first, then by name.
 */
export function searchPatients(db: ReadonlyDb, query: string, limit = 20): SearchHit[] {
  const n = Math.max(1, Math.min(limit, 200));
  const digits = query.trim();
  if (DIGITS_ONLY.test(digits)) return numberSearch(db, digits, n);
  const match = matchExpression(query);
  if (match === null) return [];
  return rankedMatches(db, match, n).map(toHit);
}

const DIGITS_ONLY = /^\d+$/;

/**
 * The first `n` patients an FTS expression matches, admitted first, then by name. Rows are
 * written in that order (search-order.ts), so the first `n` matches in rowid order are those:
 * a short prefix ("va") matches thousands of patients at a large hospital, and FTS stops after
 * `n` instead of every match being joined and sorted. The final sort only puts the `n` in order.
 */
function rankedMatches(db: ReadonlyDb, match: string, n: number): RawHit[] {
  return cached(
    db,
    `WITH m AS (
       SELECT rowid FROM patient_search WHERE patient_search MATCH ? ORDER BY rowid LIMIT ?
     )
     SELECT ${HIT_COLUMNS}
     FROM m JOIN patients p ON p.rowid = m.rowid ${HIT_JOINS}
     ORDER BY admitted DESC, p.name, p.id`,
  ).all(match, n) as RawHit[];
}

/**
 * A number typed at the bedside is a bed ("12"), or an MRN or other identifier being typed or
 * scanned. Identifiers are read as prefix ranges straight off their indexes: a hospital's MRNs
 * all share their first digits, and as FTS prefixes every keystroke would rank every patient.
 */
function numberSearch(db: ReadonlyDb, digits: string, n: number): SearchHit[] {
  const range = [digits, `${digits}\uffff`, n];
  // Beds, then MRNs, then other identifiers; each kind is read only while the list has room.
  const kinds: (() => RawHit[])[] = [
    () => {
      const bedMatch = bedExpression(db, digits);
      return bedMatch === null ? [] : rankedMatches(db, bedMatch, n);
    },
    () =>
      cached(
        db,
        `SELECT ${HIT_COLUMNS} FROM patients p ${HIT_JOINS}
         WHERE p.mrn >= ? AND p.mrn < ? AND ${LIVE} ORDER BY p.mrn LIMIT ?`,
      ).all(...range) as RawHit[],
    () =>
      cached(
        db,
        `SELECT ${HIT_COLUMNS} FROM patients p ${HIT_JOINS}
         WHERE p.id IN (SELECT patient_id FROM patient_identifiers WHERE value >= ? AND value < ? LIMIT ?)
           AND ${LIVE}`,
      ).all(...range) as RawHit[],
  ];
  const hits = new Map<string, RawHit>();
  for (const read of kinds) {
    if (hits.size >= n) break;
    for (const h of read()) if (hits.size < n && !hits.has(h.patientId)) hits.set(h.patientId, h);
  }
  return [...hits.values()].map(toHit);
}

/**
 * The FTS expression for rooms and beds starting with `digits`: the room and bed words the
 * export holds that do, each exact — as a prefix ("30"*) FTS would walk every MRN, identifier and
 * birth date starting with those digits too (one index holds every column) only to keep the bed
 * column's: 1.5 ms for a bed prefix no bed has at 30,000 patients, typed at every MRN's second
 * digit. Null when no room or bed does; past `MAX_BED_WORDS` words, enough beds match for the
 * prefix to stop early.
 */
function bedExpression(db: ReadonlyDb, digits: string): string | null {
  const words = bedWords(db).filter((w) => w.startsWith(digits));
  if (words.length === 0) return null;
  if (words.length > MAX_BED_WORDS) return `{bed} : "${digits}"*`;
  return `{bed} : (${words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')})`;
}

const MAX_BED_WORDS = 100;
const bedWordsOf = new WeakMap<ReadonlyDb, readonly string[]>();

/**
 * The words of the search index's bed column, as FTS folded them, read once per open export
 * (~20 ms at 30,000 patients). The vocabulary is a virtual table over the index in the
 * connection's temporary schema: nothing is written into the export.
 */
function bedWords(db: ReadonlyDb): readonly string[] {
  let words = bedWordsOf.get(db);
  if (!words) {
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, 'patient_search', 'col')",
    );
    words = db
      .prepare("SELECT term FROM temp.search_words WHERE col = 'bed'")
      .pluck()
      .all() as string[];
    bedWordsOf.set(db, words);
  }
  return words;
}

/** Live patient records only: inactive and replaced ones are never found as patients. */
const LIVE = `p.record_status = 'active'`;

/**
 * Every live patient a scanned MRN barcode names (or, when no MRN matches, any other identifier,
 * exactly). Two hospitals' records can share an MRN: a scan lists every match and never opens
 * one silently — the caller shows a choice when there is more than one.
 */
export function findPatientsByMrn(db: ReadonlyDb, mrn: string): SearchHit[] {
  const value = mrn.trim();
  const byMrn = cached(
    db,
    `SELECT ${HIT_COLUMNS} FROM patients p ${HIT_JOINS} WHERE p.mrn = ? AND ${LIVE}
     ORDER BY admitted DESC, p.name LIMIT 50`,
  ).all(value) as RawHit[];
  const rows =
    byMrn.length > 0
      ? byMrn
      : (cached(
          db,
          `SELECT ${HIT_COLUMNS} FROM patients p ${HIT_JOINS}
           WHERE p.id IN (SELECT patient_id FROM patient_identifiers WHERE value = ? LIMIT 50)
             AND ${LIVE}
           ORDER BY admitted DESC, p.name`,
        ).all(value) as RawHit[]);
  return rows.map(toHit);
}

/**
 * The patient a scanned MRN names, or null — also null when the MRN is shared by several
 * patients (then `findPatientsByMrn` lists them): one is never picked silently.
 */
export function findPatientByMrn(db: ReadonlyDb, mrn: string): SearchHit | null {
  const hits = findPatientsByMrn(db, mrn);
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * A ward's bed board: every bed (and bedless room) known from Location resources, occupied or
 * empty, in bed order; each with the patients whose current stay is there.
 */
export function bedsOfWard(db: ReadonlyDb, wardId: string): Bed[] {
  const beds = cached(
    db,
    `SELECT ${selectColumns('beds', 'b', ['id', 'wardId', 'room', 'name'], { name: 'bed' })},
            (SELECT group_concat(s.patient_id, char(31)) FROM stays s
             WHERE s.ward_id = b.ward_id
               AND (b.name IS NOT NULL AND s.bed = b.name
                      AND (s.room IS NULL OR b.room IS NULL OR s.room = b.room)
                    OR b.name IS NULL AND s.bed IS NULL AND s.room = b.room)
            ) AS patientIds
     FROM beds b WHERE b.ward_id = ?`,
  ).all(wardId) as (Omit<Bed, 'patientIds'> & { patientIds: string | null })[];
  return beds
    .map((b) => ({ ...b, patientIds: b.patientIds === null ? [] : b.patientIds.split('\u001f') }))
    .sort((a, b) =>
      byBed({ room: a.room, bed: a.bed, name: a.id }, { room: b.room, bed: b.bed, name: b.id }),
    );
}

/** Every patient record's id, in id order (what `inspect --charts all` walks). */
export function allPatientIds(db: ReadonlyDb): string[] {
  return cached(db, 'SELECT id FROM patients ORDER BY id').pluck().all() as string[];
}

/** An allergy's substance as the bed board names it (null: in no words; code: the source's). */
export interface AllergySubstance {
  readonly substance: string | null;
  readonly code: string | null;
}

/**
 * The allergy substances of a ward's patients, by patient id, most critical first (refuted
 * ones left out; null for an unnamed one): what the printed bed board names in each row.
 */
export function allergySubstancesOfWard(
  db: ReadonlyDb,
  wardId: string,
): Map<string, AllergySubstance[]> {
  const rows = cached(
    db,
    `SELECT ${selectColumns('allergies', 'a', ['patientId', 'substance', 'code'])}
     FROM allergies a JOIN stays s ON s.patient_id = a.patient_id
     WHERE s.ward_id = ? AND coalesce(a.verification, '') <> 'refuted'
     ORDER BY a.patient_id, a.criticality = 'high' DESC, a.substance`,
  ).all(wardId) as ({ patientId: string } & AllergySubstance)[];
  const byPatient = new Map<string, AllergySubstance[]>();
  for (const { patientId, substance, code } of rows) {
    const list = byPatient.get(patientId) ?? [];
    list.push({ substance, code });
    byPatient.set(patientId, list);
  }
  return byPatient;
}
