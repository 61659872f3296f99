/**
 * One column descriptor per export table: each field as the model and the importer name it
 * (camelCase) → its SQL column, in the table's column order. The INSERT statements and the
 * SELECT aliases are generated from these, so a value is tied to its column by name, never by
 * its place in an argument list. `tests/unit/db/columns.test.ts` keeps every descriptor equal
 * to the schema's `PRAGMA table_info`.
 */
import type { Table } from './schema.ts';

export const COLUMNS = {
  sites: { id: 'id', name: 'name' },
  wards: { id: 'id', siteId: 'site_id', name: 'name', inScope: 'in_scope' },
  beds: { id: 'id', wardId: 'ward_id', room: 'room', name: 'name' },
  patients: {
    id: 'id',
    mrn: 'mrn',
    family: 'family',
    given: 'given',
    name: 'name',
    birthDate: 'birth_date',
    sex: 'sex',
    language: 'language',
    weightKg: 'weight_kg',
    heightCm: 'height_cm',
    allergyState: 'allergy_state',
    locator: 'locator',
    recordStatus: 'record_status',
  },
  patient_identifiers: { patientId: 'patient_id', seq: 'seq', system: 'system', value: 'value' },
  contacts: {
    patientId: 'patient_id',
    seq: 'seq',
    name: 'name',
    relationship: 'relationship',
    phone: 'phone',
  },
  stays: {
    patientId: 'patient_id',
    wardId: 'ward_id',
    room: 'room',
    bed: 'bed',
    admittedAt: 'admitted_at',
    expectedDischarge: 'expected_discharge',
    attending: 'attending',
    service: 'service',
    reason: 'reason',
    isolation: 'isolation',
    codeStatus: 'code_status',
    codeStatusText: 'code_status_text',
    codeStatusFromText: 'code_status_from_text',
    diet: 'diet',
    mobility: 'mobility',
    fallRisk: 'fall_risk',
  },
  handover: {
    patientId: 'patient_id',
    severity: 'severity',
    summary: 'summary',
    situationAwareness: 'situation_awareness',
  },
  handover_actions: { patientId: 'patient_id', seq: 'seq', text: 'text' },
  code_status_claims: {
    patientId: 'patient_id',
    seq: 'seq',
    value: 'value',
    source: 'source',
    text: 'text',
    at: 'at',
    fromText: 'from_text',
    unverified: 'unverified',
  },
  allergies: {
    patientId: 'patient_id',
    substance: 'substance',
    code: 'code',
    reaction: 'reaction',
    reactionCode: 'reaction_code',
    severity: 'severity',
    criticality: 'criticality',
    status: 'status',
    verification: 'verification',
    category: 'category',
    recordedAt: 'recorded_at',
  },
  allergy_absences: {
    patientId: 'patient_id',
    category: 'category',
    text: 'text',
    verification: 'verification',
    recordedAt: 'recorded_at',
  },
  problems: {
    patientId: 'patient_id',
    text: 'text',
    code: 'code',
    status: 'status',
    onset: 'onset',
  },
  medication_orders: {
    id: 'id',
    patientId: 'patient_id',
    drug: 'drug',
    code: 'code',
    state: 'state',
    status: 'status',
    statusReason: 'status_reason',
    notInterpretable: 'not_interpretable',
    doNotPerform: 'do_not_perform',
    dose: 'dose',
    doseUnit: 'dose_unit',
    doseText: 'dose_text',
    rate: 'rate',
    rateUnit: 'rate_unit',
    rateText: 'rate_text',
    continuous: 'continuous',
    concentration: 'concentration',
    route: 'route',
    routeTerm: 'route_term',
    routeCode: 'route_code',
    frequency: 'frequency',
    timing: 'timing',
    prn: 'prn',
    prnReason: 'prn_reason',
    prnReasonCode: 'prn_reason_code',
    maxDose: 'max_dose',
    doseLines: 'dose_lines',
    start: 'start',
    end: 'end',
    prescriber: 'prescriber',
    instructions: 'instructions',
    highAlert: 'high_alert',
  },
  administrations: {
    patientId: 'patient_id',
    orderId: 'order_id',
    drug: 'drug',
    dose: 'dose',
    route: 'route',
    routeTerm: 'route_term',
    routeCode: 'route_code',
    at: 'at',
    status: 'status',
    performer: 'performer',
    note: 'note',
  },
  observations: {
    patientId: 'patient_id',
    code: 'code',
    name: 'name',
    category: 'category',
    value: 'value',
    valueText: 'value_text',
    unit: 'unit',
    comparator: 'comparator',
    refLow: 'ref_low',
    refHigh: 'ref_high',
    refText: 'ref_text',
    otherRanges: 'other_ranges',
    flag: 'flag',
    flagText: 'flag_text',
    at: 'at',
  },
  plan_items: {
    patientId: 'patient_id',
    kind: 'kind',
    text: 'text',
    code: 'code',
    status: 'status',
    due: 'due',
    detail: 'detail',
    doNotPerform: 'do_not_perform',
  },
  devices: {
    patientId: 'patient_id',
    kind: 'kind',
    name: 'name',
    site: 'site',
    placedAt: 'placed_at',
    note: 'note',
    unverified: 'unverified',
  },
  notes: {
    patientId: 'patient_id',
    kind: 'kind',
    title: 'title',
    author: 'author',
    at: 'at',
    text: 'text',
  },
} as const satisfies Record<Table, Readonly<Record<string, string>>>;

export type Field<T extends Table> = keyof (typeof COLUMNS)[T] & string;

/** What SQLite stores for a field: text, a number (booleans as 0/1), or NULL. */
export type SqlValue = string | number | null;

/** One row to insert, every field of the table named. */
export type RowOf<T extends Table> = { readonly [F in Field<T>]: SqlValue };

/** The table's fields in column order. */
export function fieldsOf<T extends Table>(table: T): readonly Field<T>[] {
  return Object.keys(COLUMNS[table]) as Field<T>[];
}

const columnOf = <T extends Table>(table: T, field: Field<T>): string =>
  (COLUMNS[table] as Readonly<Record<string, string>>)[field]!;

/**
 * `INSERT INTO table (columns…) VALUES …` binding one row by name (`@field`, a `RowOf<T>`
 * object); with `rows`, that many rows of positional placeholders in column order (`insertRowsSql`).
 */
export function insertSql(table: Table, rows?: number): string {
  if (rows !== undefined) return insertRowsSql(table, rows);
  const fields = fieldsOf(table);
  return `INSERT INTO ${table} (${columnList(table)}) VALUES (${fields.map((f) => `@${f}`).join(', ')})`;
}

/**
 * `rows` rows of positional placeholders, bound with each row's fields in `fieldsOf` order:
 * the importer's form (binding by name costs a property lookup through N-API per field). The
 * `nulls` fields are written NULL in every row, not bound (and so not counted in the order).
 */
export function insertRowsSql<T extends Table>(
  table: T,
  rows: number,
  nulls: ReadonlySet<Field<T>> = new Set(),
): string {
  const row = `(${fieldsOf(table)
    .map((field) => (nulls.has(field) ? 'NULL' : '?'))
    .join(', ')})`;
  return `INSERT INTO ${table} (${columnList(table)}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
}

/**
 * `insertRowsSql` that, when a row with the same `key` is there, replaces its other columns in
 * place instead (an upsert: the row keeps its rowid, and so its place in rowid order).
 */
export function replaceRowsSql<T extends Table>(
  table: T,
  rows: number,
  key: Field<T>,
  nulls: ReadonlySet<Field<T>> = new Set(),
): string {
  const keyColumn = columnOf(table, key);
  const others = fieldsOf(table)
    .map((field) => columnOf(table, field))
    .filter((column) => column !== keyColumn);
  return `${insertRowsSql(table, rows, nulls)} ON CONFLICT (${keyColumn}) DO UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

const columnList = (table: Table): string =>
  fieldsOf(table)
    .map((field) => columnOf(table, field))
    .join(', ');

/** `alias.column AS field, …` for the named fields (all by default), for a SELECT list. */
export function selectColumns<T extends Table>(
  table: T,
  alias: string | null,
  fields: readonly Field<T>[] = fieldsOf(table),
  rename: Partial<Record<Field<T>, string>> = {},
): string {
  return fields
    .map((field) => {
      const column = alias ? `${alias}.${columnOf(table, field)}` : columnOf(table, field);
      const name = rename[field] ?? field;
      return column === name ? column : `${column} AS ${name}`;
    })
    .join(', ');
}
