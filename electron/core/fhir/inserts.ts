/**
 * One prepared INSERT per export table, counting the rows it writes into the report. Each row
 * is an object named field by field after the table's column descriptor (db/columns.ts).
 */
import { fold as foldText } from '../../common/fold.ts';
import {
  type Field,
  fieldsOf,
  insertRowsSql,
  replaceRowsSql,
  type RowOf,
  type SqlValue,
} from '../db/columns.ts';
import type Database from 'better-sqlite3';
import type { WritableDb } from '../db/handle.ts';
import type { Table } from '../db/schema.ts';
import type {
  Administration,
  Allergy,
  AllergyAbsence,
  CodeStatusClaim,
  Device,
  Handover,
  MedicationOrder,
  Note,
  Observation,
  PlanItem,
  Problem,
} from '../model.ts';
import type { Placement } from './census.ts';
import type { PatientRecord } from './records.ts';
import type { ReportTally } from './report.ts';
import type { StayFacts } from './stay-facts.ts';

const bit = (b: boolean) => (b ? 1 : 0);

/**
 * Rows per multi-row INSERT for the tables nothing references: one statement step per batch
 * instead of one per row took a third off the inserts at 32 rows (observations alone are ~100
 * rows a patient), and 128 about a tenth of the write phase more. The widest table (orders,
 * 30 columns) binds 3,840 values a batch, far below SQLite's 32,766.
 */
const BATCH_ROWS = 128;

/**
 * A value as it is bound. better-sqlite3 asks N-API a value's type one kind after another
 * (number, bigint, string, buffer, then null), so a NULL costs five calls and a number one;
 * SQLite has no NaN and stores a NaN bound as a double as NULL. Four in ten of an export's
 * values are NULL: sent as NaN (and the batch as spread arguments, below) they cut the write
 * phase's median by about a tenth at 3,000 patients, the rows unchanged
 * (`tests/unit/fhir/bound-values.test.ts` holds SQLite to NaN-is-NULL).
 */
const bound = (value: SqlValue | undefined): SqlValue => value ?? Number.NaN;

/**
 * A multi-row INSERT for the batches that leave the same columns NULL in every row: those are
 * written NULL in the statement, not bound (`boundColumns` are, in order; null: every column).
 * Binding a NULL costs six N-API and SQLite calls; at 3,000 patients five of the observations'
 * fifteen columns are NULL in every row, and writing them so cut the observations' inserts by
 * a tenth (629 → 555 ms CPU, measured alone), the write phase by 2 % (finding the NULL columns
 * and packing the rest cost a part of it back).
 */
interface BatchShape {
  readonly statement: Database.Statement;
  readonly boundColumns: readonly number[] | null;
  readonly packed: SqlValue[];
}

/**
 * Statements a table prepares for the shapes of its batches, at most (a 128-row statement takes
 * 0.4 to 0.9 ms to prepare); past them, a batch binds every column.
 */
const NULL_SHAPES = 4;

/**
 * The rows a scoped export writes over its locator base (fhir/write-rows.ts WriteMode) in place
 * of the base's: its wards' scope flag, and its patients' rows and stays in full.
 */
const LOCATOR_ROW_KEYS: { readonly [T in Table]?: Field<T> } = {
  wards: 'id',
  patients: 'id',
  stays: 'patientId',
};

export function prepareInserts(db: WritableDb, options = { replacingLocators: false }) {
  const written = new Map<Table, () => number>();
  const flushes: (() => void)[] = [];
  const sqlOf = <T extends Table>(
    table: T,
    rows: number,
    nulls: ReadonlySet<Field<T>> = new Set(),
  ): string => {
    const key = options.replacingLocators
      ? (LOCATOR_ROW_KEYS[table] as Field<T> | undefined)
      : undefined;
    return key === undefined
      ? insertRowsSql(table, rows, nulls)
      : replaceRowsSql(table, rows, key, nulls);
  };
  /**
   * Row by row: for the tables other rows reference (their foreign keys are checked as each
   * row is written, so the parent must be in first).
   */
  const insert = <T extends Table>(table: T) => {
    const fields = fieldsOf(table);
    const statement = db.prepare(sqlOf(table, 1));
    const values = new Array<SqlValue>(fields.length);
    let rows = 0;
    written.set(table, () => rows);
    return (row: RowOf<T>) => {
      for (let i = 0; i < fields.length; i++) values[i] = bound(row[fields[i]!]);
      statement.run(...values);
      rows++;
    };
  };
  /** In batches of BATCH_ROWS: for the tables nothing references; `flush()` the rest. */
  const batched = <T extends Table>(table: T) => {
    const fields = fieldsOf(table);
    const width = fields.length;
    let one: Database.Statement | null = null;
    /**
     * The pending rows' values, in column order, row after row: one array for the whole load,
     * written in place (a run binds copies of its arguments). A fresh array a batch, grown by
     * `push`, took twice as long to fill (the observations of 3,000 patients, measured apart
     * from SQLite: 60 ms in place, 130 ms pushed).
     */
    const values = new Array<SqlValue>(BATCH_ROWS * width);
    /** Whether any row of the batch gives the column a value (a NULL is bound as NaN). */
    const given = new Array<boolean>(width).fill(false);
    const readGiven = () => {
      for (let column = 0; column < width; column++) {
        let any = false;
        for (let at = column; at < values.length && !any; at += width)
          any = !Number.isNaN(values[at]);
        given[column] = any;
      }
    };
    const shapes = new Map<string, BatchShape>();
    const shapeOf = (key: string): BatchShape => {
      const known = shapes.get(key);
      if (known) return known;
      const nulls = new Set(fields.filter((_, i) => !given[i]));
      const boundColumns = fields.flatMap((_, i) => (given[i] ? [i] : []));
      const shape: BatchShape = {
        statement: db.prepare(sqlOf(table, BATCH_ROWS, nulls)),
        boundColumns: nulls.size > 0 ? boundColumns : null,
        packed: new Array<SqlValue>(nulls.size > 0 ? BATCH_ROWS * boundColumns.length : 0),
      };
      shapes.set(key, shape);
      return shape;
    };
    const shapeKey = () => given.map((g) => (g ? '1' : '0')).join('');
    const runBatch = () => {
      readGiven();
      let key = shapeKey();
      if (!shapes.has(key) && shapes.size >= NULL_SHAPES) {
        given.fill(true);
        key = shapeKey();
      }
      const shape = shapeOf(key);
      const columns = shape.boundColumns;
      // Spread, not an array: an argument is read directly, an array element by N-API.
      if (columns === null) shape.statement.run(...values);
      else {
        const packed = shape.packed;
        let k = 0;
        for (let row = 0; row < values.length; row += width)
          for (const column of columns) packed[k++] = values[row + column]!;
        shape.statement.run(...packed);
      }
    };
    let at = 0;
    let rows = 0;
    written.set(table, () => rows);
    flushes.push(() => {
      if (at > 0) one ??= db.prepare(sqlOf(table, 1));
      for (let row = 0; row < at; row += width) one!.run(...values.slice(row, row + width));
      at = 0;
    });
    return (row: RowOf<T>) => {
      for (let i = 0; i < width; i++) values[at++] = bound(row[fields[i]!]);
      rows++;
      if (at === values.length) {
        runBatch();
        at = 0;
      }
    };
  };
  const site = insert('sites');
  const ward = insert('wards');
  const bed = insert('beds');
  const patient = insert('patients');
  const identifier = batched('patient_identifiers');
  const contact = batched('contacts');
  const stay = batched('stays');
  const handover = batched('handover');
  const action = batched('handover_actions');
  const claim = batched('code_status_claims');
  const allergy = batched('allergies');
  const absence = batched('allergy_absences');
  const problem = batched('problems');
  const order = batched('medication_orders');
  const administration = batched('administrations');
  const observation = batched('observations');
  const plan = batched('plan_items');
  const note = batched('notes');
  const device = batched('devices');
  const search = db.prepare(
    'INSERT INTO patient_search (rowid, name, mrn, bed, birth) VALUES ((SELECT rowid FROM patients WHERE id = ?), ?, ?, ?, ?)',
  );

  return {
    /** Writes the rows still waiting for a full batch; call before the transaction ends. */
    flush() {
      for (const flush of flushes) flush();
    },
    /** Adds the rows written, per table, to the report. */
    report(tally: ReportTally) {
      for (const [table, rows] of written) if (rows() > 0) tally.wrote(table, rows());
    },
    site: (id: string, name: string | null) => site({ id, name }),
    ward: (id: string, siteId: string, name: string | null, inScope: boolean) =>
      ward({ id, siteId, name, inScope: bit(inScope) }),
    bed: (id: string, wardId: string, room: string | null, name: string | null) =>
      bed({ id, wardId, room, name }),

    /**
     * The patient row; identifiers and contacts only with `detail` (a locator row, or a patient
     * outside the scope, says who and where, nothing more).
     */
    patient(p: PatientRecord, facts: StayFacts, row: { locator: boolean; detail: boolean }) {
      // (record_status below: a patient record that is not live is never found as one.)
      patient({
        id: p.id,
        mrn: p.mrn,
        family: p.family,
        given: p.given,
        name: p.name,
        birthDate: p.birthDate,
        sex: p.sex,
        language: p.language,
        weightKg: facts.weightKg,
        heightCm: facts.heightCm,
        allergyState: facts.allergyState,
        locator: bit(row.locator),
        recordStatus: p.recordStatus,
      });
      if (!row.detail) return;
      p.identifiers.forEach((i, seq) =>
        identifier({ patientId: p.id, seq, system: i.system, value: i.value }),
      );
      p.contacts.forEach((c, seq) =>
        contact({
          patientId: p.id,
          seq,
          name: c.name,
          relationship: c.relationship,
          phone: c.phone,
        }),
      );
    },

    /**
     * The patient's search row: folded name, MRN and other identifiers, room and bed, birth date.
     * Only live records: an inactive or replaced one is not found as a patient.
     */
    search(p: PatientRecord, place: Placement | null) {
      if (p.recordStatus !== 'active') return;
      const ids = [p.mrn, ...p.identifiers.map((i) => i.value).filter((v) => v !== p.mrn)].join(
        ' ',
      );
      const where = [place?.room, place?.bed].filter((x) => x).join(' ');
      search.run(
        p.id,
        foldText(`${p.family ?? ''} ${p.given ?? ''} ${p.family ? '' : (p.name ?? '')}`),
        ids,
        where,
        p.birthDate ?? '',
      );
    },

    stay(
      patientId: string,
      place: Placement,
      s: {
        admittedAt: string | null;
        expectedDischarge: string | null;
        attending: string | null;
        service: string | null;
        reason: string | null;
        facts: StayFacts;
      },
    ) {
      const f = s.facts;
      stay({
        patientId,
        wardId: place.wardId,
        room: place.room,
        bed: place.bed,
        admittedAt: s.admittedAt,
        expectedDischarge: s.expectedDischarge,
        attending: s.attending,
        service: s.service,
        reason: s.reason,
        isolation: f.isolation,
        codeStatus: f.codeStatus,
        codeStatusText: f.codeStatusText,
        codeStatusFromText: bit(f.codeStatusFromText),
        diet: f.diet,
        mobility: f.mobility,
        fallRisk: f.fallRisk,
      });
      f.codeStatusClaims.forEach((c: CodeStatusClaim, seq) =>
        claim({
          patientId,
          seq,
          value: c.value,
          source: c.source,
          text: c.text,
          at: c.at,
          fromText: bit(c.fromText),
          unverified: bit(c.unverified),
        }),
      );
    },

    handover(patientId: string, h: Handover) {
      handover({
        patientId,
        severity: h.severity,
        summary: h.summary,
        situationAwareness: h.situationAwareness,
      });
      h.actions.forEach((text, seq) => action({ patientId, seq, text }));
    },

    allergy: (patientId: string, a: Allergy) =>
      allergy({
        patientId,
        substance: a.substance,
        code: a.code,
        reaction: a.reaction,
        reactionCode: a.reactionCode,
        severity: a.severity,
        criticality: a.criticality,
        status: a.status,
        verification: a.verification,
        category: a.category,
        recordedAt: a.recordedAt,
      }),
    absence: (patientId: string, a: AllergyAbsence) =>
      absence({
        patientId,
        category: a.category,
        text: a.text,
        verification: a.verification,
        recordedAt: a.recordedAt,
      }),
    problem: (patientId: string, p: Problem) =>
      problem({ patientId, text: p.text, code: p.code, status: p.status, onset: p.onset }),
    /**
     * An order row: `o` as mapped, `resolved` what its references decided. Apart, not spread
     * into one object: copying every order's thirty fields (rest, then spread) took 25 ms of
     * the write phase's 550 ms of JS at 3,000 patients (9,610 orders).
     */
    order: (
      id: string,
      patientId: string,
      o: Omit<MedicationOrder, 'id' | keyof ResolvedOrder>,
      resolved: ResolvedOrder,
    ) =>
      order({
        id,
        patientId,
        drug: resolved.drug,
        code: o.code,
        state: resolved.state,
        status: o.status,
        statusReason: o.statusReason,
        notInterpretable: resolved.notInterpretable,
        doNotPerform: bit(o.doNotPerform),
        dose: o.dose,
        doseUnit: o.doseUnit,
        doseText: o.doseText,
        rate: o.rate,
        rateUnit: o.rateUnit,
        rateText: o.rateText,
        continuous: bit(o.continuous),
        concentration: resolved.concentration,
        route: o.route,
        routeTerm: o.routeTerm,
        routeCode: o.routeCode,
        frequency: o.frequency,
        timing: o.timing,
        prn: bit(o.prn),
        prnReason: o.prnReason,
        prnReasonCode: o.prnReasonCode,
        maxDose: o.maxDose,
        doseLines: JSON.stringify(o.doseLines),
        start: o.start,
        end: o.end,
        prescriber: resolved.prescriber,
        instructions: o.instructions,
        highAlert: bit(resolved.highAlert),
      }),
    administration: (patientId: string, a: Administration) =>
      administration({
        patientId,
        orderId: a.orderId,
        drug: a.drug,
        dose: a.dose,
        route: a.route,
        routeTerm: a.routeTerm,
        routeCode: a.routeCode,
        at: a.at,
        status: a.status,
        performer: a.performer,
        note: a.note,
      }),
    observation: (patientId: string, o: Observation) =>
      observation({
        patientId,
        code: o.code,
        name: o.name,
        category: o.category,
        value: o.value,
        valueText: o.valueText,
        unit: o.unit,
        comparator: o.comparator,
        refLow: o.refLow,
        refHigh: o.refHigh,
        refText: o.refText,
        otherRanges: o.otherRanges.length > 0 ? JSON.stringify(o.otherRanges) : null,
        flag: o.flag,
        flagText: o.flagText,
        at: o.at,
      }),
    plan: (patientId: string, p: PlanItem) =>
      plan({
        patientId,
        kind: p.kind,
        text: p.text,
        code: p.code,
        status: p.status,
        due: p.due,
        detail: p.detail,
        doNotPerform: p.doNotPerform ? 1 : 0,
      }),
    note: (patientId: string, n: Note) =>
      note({ patientId, kind: n.kind, title: n.title, author: n.author, at: n.at, text: n.text }),
    device: (patientId: string, d: Device) =>
      device({
        patientId,
        kind: d.kind,
        name: d.name,
        site: d.site,
        placedAt: d.placedAt,
        note: d.note,
        unverified: bit(d.unverified),
      }),
  };
}

export type Inserts = ReturnType<typeof prepareInserts>;

/** An order's fields its Medication and prescriber references decide (fhir/write-rows.ts). */
export type ResolvedOrder = Pick<
  MedicationOrder,
  'drug' | 'concentration' | 'highAlert' | 'state' | 'notInterpretable' | 'prescriber'
>;
