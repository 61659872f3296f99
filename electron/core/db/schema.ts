/**
 * The export database: every table of the `.dtx` payload, documented here and nowhere else.
 * STRICT tables (a wrong type is an error, not a silent conversion); `user_version` carries
 * SCHEMA_VERSION so a viewer refuses an export newer than it understands.
 *
 * Conventions: ids are the FHIR resource ids (or `urn:uuid:` full URLs when a resource has no
 * id); dates and instants are ISO 8601 text as given by the source (partial dates kept);
 * booleans are INTEGER 0/1; child rows keep their source order through `seq`.
 */
import Database from 'better-sqlite3';
import { ROUTE_TERMS } from '../../common/route.ts';
import { AppError } from '../errors.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import type { WritableDb } from './handle.ts';

/** common/route.ts's terms, for the CHECK of every route_term column. */
const ROUTE_LIST = ROUTE_TERMS.map((term) => `'${term}'`).join(', ');

const TABLES_DDL = `
-- One row per key: siteId, siteName, dataAsOf (ISO instant of the census), demo ('0'/'1').
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Names are NULL when the source gives none (the unknown site 'unknown-site', a site's
-- unassigned ward '<site>:unassigned'): the display says the placeholder word, the data none.
CREATE TABLE sites (
  id   TEXT PRIMARY KEY,
  name TEXT
) STRICT;

-- in_scope = 1: exported with full detail; 0: its patients are locator rows only.
CREATE TABLE wards (
  id       TEXT PRIMARY KEY,
  site_id  TEXT NOT NULL REFERENCES sites(id),
  name     TEXT,
  in_scope INTEGER NOT NULL CHECK (in_scope IN (0, 1))
) STRICT;

-- Every bed known from Location resources (physicalType bd), occupied or not, and every room
-- (ro) without bed Locations (name NULL): the bed board lists the empty ones too.
CREATE TABLE beds (
  id      TEXT PRIMARY KEY,
  ward_id TEXT NOT NULL REFERENCES wards(id),
  room    TEXT,
  name    TEXT
) STRICT;

-- Every patient of the input. locator = 1: admitted to a ward outside the scope, so only
-- name, birth date, MRN and whereabouts are exported. name is "FAMILY, Given" (family, given
-- and name NULL when the source records none).
-- record_status: 'active'; 'inactive' (Patient.active = false) or 'replaced' (link replaced-by):
-- kept for the record, never found by search or scan as a live patient.
CREATE TABLE patients (
  id            TEXT PRIMARY KEY,
  mrn           TEXT NOT NULL,
  family        TEXT,
  given         TEXT,
  name          TEXT,
  birth_date    TEXT,
  sex           TEXT,
  language      TEXT,
  weight_kg     REAL,
  height_cm     REAL,
  allergy_state TEXT NOT NULL CHECK (allergy_state IN ('present', 'none-known', 'unknown')),
  locator       INTEGER NOT NULL CHECK (locator IN (0, 1)),
  record_status TEXT NOT NULL CHECK (record_status IN ('active', 'inactive', 'replaced'))
) STRICT;

CREATE TABLE patient_identifiers (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  seq        INTEGER NOT NULL,
  system     TEXT,
  value      TEXT NOT NULL,
  PRIMARY KEY (patient_id, seq)
) STRICT;

CREATE TABLE contacts (
  patient_id   TEXT NOT NULL REFERENCES patients(id),
  seq          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  relationship TEXT,
  phone        TEXT,
  PRIMARY KEY (patient_id, seq)
) STRICT;

-- The current stay at dataAsOf: at most one per patient; the census is this table.
CREATE TABLE stays (
  patient_id         TEXT PRIMARY KEY REFERENCES patients(id),
  ward_id            TEXT NOT NULL REFERENCES wards(id),
  room               TEXT,
  bed                TEXT,
  admitted_at        TEXT,
  expected_discharge TEXT,
  attending          TEXT,
  service            TEXT,
  reason             TEXT,
  isolation          TEXT,
  code_status        TEXT NOT NULL CHECK (code_status IN ('full-code', 'dnr', 'dnr-dni', 'comfort-care', 'limited', 'unknown', 'conflicting')),
  code_status_text   TEXT,
  -- 1: read from a diagnosis or flag text alone ("DNR — from a diagnosis text, verify").
  code_status_from_text INTEGER NOT NULL CHECK (code_status_from_text IN (0, 1)),
  diet               TEXT,
  mobility           TEXT,
  fall_risk          TEXT
) STRICT;

-- I-PASS handover: illness severity, patient summary, situation awareness; actions below.
CREATE TABLE handover (
  patient_id          TEXT PRIMARY KEY REFERENCES patients(id),
  severity            TEXT CHECK (severity IN ('stable', 'watcher', 'unstable')),
  summary             TEXT,
  situation_awareness TEXT
) STRICT;

CREATE TABLE handover_actions (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  seq        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (patient_id, seq)
) STRICT;

-- The claims behind a code status that is 'conflicting' (or unverified): each source's statement.
CREATE TABLE code_status_claims (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  seq        INTEGER NOT NULL,
  value      TEXT NOT NULL CHECK (value IN ('full-code', 'dnr', 'dnr-dni', 'comfort-care', 'limited')),
  source     TEXT NOT NULL CHECK (source IN ('observation', 'condition', 'flag', 'consent')),
  text       TEXT,
  at         TEXT,
  from_text  INTEGER NOT NULL CHECK (from_text IN (0, 1)),
  unverified INTEGER NOT NULL CHECK (unverified IN (0, 1)),
  PRIMARY KEY (patient_id, seq)
) STRICT;

-- verification: FHIR verificationStatus (a refuted allergy is kept, shown as refuted, and does
-- not make allergy_state 'present'), or 'not-interpretable' (an unknown modifierExtension).
-- substance NULL when nothing in the source names it in words; code: the source's code of the
-- substance (shown beside the placeholder when the substance has no words: "code X-17").
CREATE TABLE allergies (
  patient_id   TEXT NOT NULL REFERENCES patients(id),
  substance    TEXT,
  code         TEXT,
  reaction     TEXT,
  reaction_code TEXT,
  severity     TEXT,
  criticality  TEXT,
  status       TEXT,
  verification TEXT,
  category     TEXT,
  recorded_at  TEXT
) STRICT;

-- "No known … allergy" statements (never allergies): category 'all' (NKA) or one category.
CREATE TABLE allergy_absences (
  patient_id   TEXT NOT NULL REFERENCES patients(id),
  category     TEXT NOT NULL CHECK (category IN ('all', 'medication', 'food', 'environment', 'biologic', 'latex', 'contrast', 'insect', 'animal')),
  text         TEXT,
  verification TEXT,
  recorded_at  TEXT
) STRICT;

-- text NULL when the condition's code has no words (code then says what the source coded).
CREATE TABLE problems (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  text       TEXT,
  code       TEXT,
  status     TEXT,
  onset      TEXT
) STRICT;

-- Medication orders in every state the ward must see (only state 'active' is ever scheduled):
-- held, draft, status unknown, stopped in the last 72 h, not interpretable (an unknown
-- modifierExtension, or several instructions that cannot be combined). do_not_perform = 1: an
-- order NOT to give the drug. drug is NULL only when nothing in the source names it. timing is
-- the FHIR Timing JSON, expanded into times when viewed or printed; frequency is its short
-- reading. An order of several dosage instructions keeps each in dose_lines, a JSON array of
-- model.ts OrderDoseLine (dose, rate, route, timing, PRN … per line, with sequence and text);
-- its own dose columns then read "several" (dose NULL, dose_text every line's dose joined).
-- route is the source's words; route_term (common/route.ts) the term its code names when the
-- source gave a code and no words of its own (fhir/route-codes.ts), said in the reader's words.
CREATE TABLE medication_orders (
  id                TEXT PRIMARY KEY,
  patient_id        TEXT NOT NULL REFERENCES patients(id),
  drug              TEXT,
  code              TEXT,
  state             TEXT NOT NULL CHECK (state IN ('active', 'held', 'draft', 'status-unknown', 'recently-stopped', 'not-interpretable')),
  status            TEXT NOT NULL,
  status_reason     TEXT,
  not_interpretable TEXT CHECK (not_interpretable IN ('unknown-modifier', 'several-instructions')),
  do_not_perform    INTEGER NOT NULL CHECK (do_not_perform IN (0, 1)),
  dose              REAL,
  dose_unit         TEXT,
  dose_text         TEXT,
  rate              REAL,
  rate_unit         TEXT,
  rate_text         TEXT,
  continuous        INTEGER NOT NULL CHECK (continuous IN (0, 1)),
  concentration     TEXT,
  route             TEXT,
  route_term        TEXT CHECK (route_term IN (${ROUTE_LIST})),
  route_code        TEXT,
  frequency         TEXT,
  timing            TEXT,
  prn               INTEGER NOT NULL CHECK (prn IN (0, 1)),
  prn_reason        TEXT,
  prn_reason_code   TEXT,
  max_dose          TEXT,
  dose_lines        TEXT NOT NULL,
  start             TEXT,
  end               TEXT,
  prescriber        TEXT,
  instructions      TEXT,
  high_alert        INTEGER NOT NULL CHECK (high_alert IN (0, 1))
) STRICT;

CREATE TABLE administrations (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  order_id   TEXT,
  drug       TEXT,
  dose       TEXT,
  route      TEXT,
  route_term TEXT CHECK (route_term IN (${ROUTE_LIST})),
  route_code TEXT,
  at         TEXT,
  status     TEXT NOT NULL,
  performer  TEXT,
  note       TEXT
) STRICT;

-- Vitals and labs. value for numbers (with unit and comparator: "> 60"), value_text for anything
-- else. ref_* is the range that applies to the patient; other_ranges the others, as JSON
-- [{low, high, label}] (NULL when none). flag is an HL7 interpretation code; flag_text the
-- source's wording when no code could be read.
CREATE TABLE observations (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  code       TEXT,
  name       TEXT,
  category   TEXT NOT NULL CHECK (category IN ('vital-signs', 'laboratory', 'other')),
  value      REAL,
  value_text TEXT,
  unit       TEXT,
  comparator TEXT CHECK (comparator IN ('<', '<=', '>=', '>')),
  ref_low    REAL,
  ref_high   REAL,
  ref_text   TEXT,
  other_ranges TEXT,
  flag       TEXT,
  flag_text  TEXT,
  at         TEXT
) STRICT;

-- Care plan activities, goals, service requests, nursing tasks, diet, recent procedures, flags.
-- text NULL when the item is named only by a code (code: the source's code, shown with the
-- placeholder: "(item not named) (code X-17)").
CREATE TABLE plan_items (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind       TEXT NOT NULL CHECK (kind IN ('careplan-activity', 'goal', 'service-request', 'nursing-task', 'diet', 'activity', 'procedure', 'flag')),
  text       TEXT,
  code       TEXT,
  status     TEXT,
  due        TEXT,
  detail     TEXT,
  do_not_perform INTEGER NOT NULL CHECK (do_not_perform IN (0, 1))
) STRICT;

-- Lines, drains and devices in use (DeviceUseStatement active): the source's words for its kind
-- (Device.type), name (Device.deviceName), body site; placed_at as given. unverified = 1: an
-- unknown modifierExtension on the statement or its Device.
CREATE TABLE devices (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind       TEXT,
  name       TEXT,
  site       TEXT,
  placed_at  TEXT,
  note       TEXT,
  unverified INTEGER NOT NULL CHECK (unverified IN (0, 1))
) STRICT;

-- kind: the document type's words (NULL when none); title: description, else the type.
CREATE TABLE notes (
  patient_id TEXT NOT NULL REFERENCES patients(id),
  kind       TEXT,
  title      TEXT,
  author     TEXT,
  at         TEXT,
  text       TEXT NOT NULL
) STRICT;

-- The search index, rowid = patients.rowid. name is folded (see fold.ts): "lefevre-dupont
-- helene"; birth is ISO (YYYY-MM-DD); queries are folded the same way and every token quoted.
-- Patients are written in search order (search-order.ts: admitted first, then by name), so
-- rowid order is the order the search lists its matches in (since schema 6).
CREATE VIRTUAL TABLE patient_search USING fts5(
  name, mrn, bed, birth,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
`;

/** A CHECK constraint: its expression as the schema writes it, and as the scan evaluates it. */
export interface Check {
  readonly rule: string;
  readonly scan: string;
}

/**
 * Each table's CHECK expressions, read from TABLES_DDL (the one place they are written), for
 * the check after a bulk load. A CHECK fails when its expression is false, not when it is NULL,
 * so `NOT (expr)` selects exactly the rows SQLite would have refused.
 */
export const CHECKS: ReadonlyMap<string, readonly Check[]> = checksOf(TABLES_DDL);

/**
 * A CHECK as the scan after a bulk load evaluates it: `column IN (a, b, …)` of literals as
 * `(column = a OR column = b …)`. Both are true, false or NULL for the same values (NULL only
 * for a NULL column: a CHECK lets it through), compared under the column's affinity and
 * collation alike; but SQLite looks each row's value up in a table it builds of the IN list,
 * where it compares the OR's few constants in place: the scan of 185k observations took 61 ms
 * with the IN lists, 20 ms with the ORs (decoding the two columns alone, 14 ms). Any other
 * expression is scanned as written.
 */
export function scanOfCheck(rule: string): string {
  const inList = /^(\w+) IN \((.*)\)$/s.exec(rule.trim());
  if (!inList) return rule;
  const [, column, list] = inList as unknown as [string, string, string];
  const literal = /\s*('(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*(?:,|$)/y;
  const literals: string[] = [];
  while (literal.lastIndex < list.length) {
    const m = literal.exec(list);
    if (!m) return rule;
    literals.push(m[1]!);
  }
  if (literals.length === 0) return rule;
  return `(${literals.map((l) => `${column} = ${l}`).join(' OR ')})`;
}

function checksOf(ddl: string): Map<string, Check[]> {
  const checks = new Map<string, Check[]>();
  let table = '';
  const token = /CREATE (?:VIRTUAL )?TABLE (\w+)|\bCHECK \(/g;
  for (let m = token.exec(ddl); m !== null; m = token.exec(ddl)) {
    if (m[1] !== undefined) {
      table = m[1];
      continue;
    }
    // The expression runs to the parenthesis that closes `CHECK (` (none sits inside a string).
    let depth = 1;
    let end = token.lastIndex;
    for (; depth > 0 && end < ddl.length; end++) {
      if (ddl[end] === '(') depth++;
      else if (ddl[end] === ')') depth--;
    }
    const list = checks.get(table) ?? [];
    const rule = ddl.slice(token.lastIndex, end - 1);
    list.push({ rule, scan: scanOfCheck(rule) });
    checks.set(table, list);
    token.lastIndex = end;
  }
  return checks;
}

/**
 * Indexes for the viewer's queries. An import creates them after the rows are in (one sort
 * per index instead of a B-tree update per row).
 */
const INDEXES_DDL = `
CREATE INDEX patients_mrn ON patients(mrn);
CREATE INDEX patient_identifiers_value ON patient_identifiers(value);
CREATE INDEX stays_ward ON stays(ward_id);
CREATE INDEX allergies_patient ON allergies(patient_id);
CREATE INDEX allergy_absences_patient ON allergy_absences(patient_id);
CREATE INDEX beds_ward ON beds(ward_id);
CREATE INDEX problems_patient ON problems(patient_id);
CREATE INDEX medication_orders_patient ON medication_orders(patient_id);
CREATE INDEX administrations_patient ON administrations(patient_id);
CREATE INDEX observations_patient ON observations(patient_id, at);
CREATE INDEX plan_items_patient ON plan_items(patient_id);
CREATE INDEX notes_patient ON notes(patient_id, at);
CREATE INDEX devices_patient ON devices(patient_id);
`;

/** The table names whose rows `recordCounts` and the import report count. */
export const TABLES = [
  'sites',
  'wards',
  'beds',
  'patients',
  'patient_identifiers',
  'contacts',
  'stays',
  'handover',
  'handover_actions',
  'code_status_claims',
  'allergies',
  'allergy_absences',
  'problems',
  'medication_orders',
  'administrations',
  'observations',
  'plan_items',
  'devices',
  'notes',
] as const;
export type Table = (typeof TABLES)[number];

/** A new, empty, writable export database in memory. */
export function createExportDatabase(): WritableDb {
  const db = createExportTables();
  finishBulkLoad(db);
  return db;
}

/**
 * The export database without its indexes, for a bulk load; call `finishBulkLoad` after.
 * CHECK constraints are checked once over the whole load instead of row by row: SQLite
 * evaluates a CHECK's `IN (…)` list by building a table of it for every row (185k
 * observations took 420 ms to insert with the schema's CHECKs, 140 ms without). Foreign keys
 * stay checked row by row: a probe of the parent's key costs no more than a check afterwards.
 */
export function createExportTables(): WritableDb {
  const db = new Database(':memory:');
  db.exec(TABLES_DDL);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  bulkLoading(db);
  return db as WritableDb;
}

/**
 * A connection loading an export: CHECKs deferred (above), and SQLite's temporary storage in
 * memory. Creating an index sorts its keys, and a sort larger than the page cache (16 MB)
 * spills to a temporary file by default: at 30,000 patients the observations' index holds 1.9
 * million patient ids and times, and an index of 1.5 million such keys was seen opening an
 * unnamed file in the temporary directory, which patient data must never reach (none opened
 * with `temp_store = MEMORY`; the finish took as long either way at 30,000).
 */
function bulkLoading(db: Database.Database): void {
  db.pragma('temp_store = MEMORY');
  db.pragma('ignore_check_constraints = ON');
}

/**
 * A writable copy of a bulk load in progress from its image (`serialize()` before
 * `finishBulkLoad`), to load further and finish: the copy a fleet plan's scoped exports each
 * start from (fhir/import.ts `planWriter`).
 */
export function copyBulkLoad(image: Buffer): WritableDb {
  const db = new Database(image);
  bulkLoading(db);
  return db as WritableDb;
}

/**
 * Ends a bulk load: every CHECK constraint is checked over the rows written, one scan per
 * table (an error names the table and the rule, never a value: it may be patient data), CHECKs
 * are back on row by row, and the indexes are created.
 */
export function finishBulkLoad(db: WritableDb): void {
  const breaks = (table: string, checks: readonly Check[]): number =>
    db
      .prepare(
        `SELECT count(*) FROM ${table} WHERE ${checks.map((c) => `NOT (${c.scan})`).join(' OR ')}`,
      )
      .pluck()
      .get() as number;
  for (const [table, checks] of CHECKS) {
    const rows = breaks(table, checks);
    if (rows === 0) continue;
    const rule =
      checks.find((check) => breaks(table, [check]) > 0)?.rule ??
      checks.map((c) => c.rule).join(' AND ');
    throw new AppError(
      'internal',
      `The export database is inconsistent: ${rows} row(s) of ${table} break CHECK (${rule}).`,
    );
  }
  db.pragma('ignore_check_constraints = OFF');
  db.exec(INDEXES_DDL);
}

/**
 * The database as the bytes of a SQLite file, in rollback-journal mode: a WAL image does not
 * deserialize, and the viewer opens the payload with `new Database(buffer)`.
 */
export function toSqliteImage(db: Database.Database): Buffer {
  db.pragma('journal_mode = DELETE');
  return db.serialize();
}
