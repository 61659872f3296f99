/** One prepared INSERT per export table, counting the rows it writes into the report. */
import type Database from 'better-sqlite3';
import { fold as foldText } from '../../common/fold.ts';
import type { Table } from '../db/schema.ts';
import type {
  Administration,
  Allergy,
  AllergyAbsence,
  CodeStatusClaim,
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

const insertSql = (table: Table, columns: readonly string[], rows: number): string => {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
};

/**
 * Rows per multi-row INSERT for the clinical tables: one statement step per 32 rows instead of
 * one per row took a third off the inserts (observations alone are ~100 rows a patient).
 */
const BATCH_ROWS = 32;

export function prepareInserts(db: Database.Database) {
  const written = new Map<Table, () => number>();
  const flushes: (() => void)[] = [];
  /** Row by row: for the tables other rows reference (foreign keys are checked at once). */
  const insert = (table: Table, columns: readonly string[]) => {
    const statement = db.prepare(insertSql(table, columns, 1));
    let rows = 0;
    written.set(table, () => rows);
    return (...values: unknown[]) => {
      statement.run(values);
      rows++;
    };
  };
  /** In batches of BATCH_ROWS: for the clinical tables nothing references; `flush()` the rest. */
  const batched = (table: Table, columns: readonly string[]) => {
    const one = db.prepare(insertSql(table, columns, 1));
    const many = db.prepare(insertSql(table, columns, BATCH_ROWS));
    let pending: unknown[] = [];
    let rows = 0;
    written.set(table, () => rows);
    flushes.push(() => {
      for (let i = 0; i < pending.length; i += columns.length) {
        one.run(pending.slice(i, i + columns.length));
      }
      pending = [];
    });
    return (...values: unknown[]) => {
      pending.push(...values);
      rows++;
      if (pending.length === BATCH_ROWS * columns.length) {
        many.run(pending);
        pending = [];
      }
    };
  };
  const site = insert('sites', ['id', 'name']);
  const ward = insert('wards', ['id', 'site_id', 'name', 'in_scope']);
  const bed = insert('beds', ['id', 'ward_id', 'room', 'name']);
  const patient = insert('patients', [
    'id',
    'mrn',
    'family',
    'given',
    'name',
    'birth_date',
    'sex',
    'language',
    'weight_kg',
    'height_cm',
    'allergy_state',
    'locator',
    'record_status',
  ]);
  const identifier = batched('patient_identifiers', ['patient_id', 'seq', 'system', 'value']);
  const contact = batched('contacts', ['patient_id', 'seq', 'name', 'relationship', 'phone']);
  const stay = insert('stays', [
    'patient_id',
    'ward_id',
    'room',
    'bed',
    'admitted_at',
    'expected_discharge',
    'attending',
    'service',
    'reason',
    'isolation',
    'code_status',
    'code_status_text',
    'code_status_from_text',
    'diet',
    'mobility',
    'fall_risk',
  ]);
  const handover = insert('handover', ['patient_id', 'severity', 'summary', 'situation_awareness']);
  const action = batched('handover_actions', ['patient_id', 'seq', 'text']);
  const claim = batched('code_status_claims', [
    'patient_id',
    'seq',
    'value',
    'source',
    'text',
    'at',
    'from_text',
    'unverified',
  ]);
  const allergy = batched('allergies', [
    'patient_id',
    'substance',
    'reaction',
    'severity',
    'criticality',
    'status',
    'verification',
    'category',
    'recorded_at',
  ]);
  const absence = batched('allergy_absences', [
    'patient_id',
    'category',
    'text',
    'verification',
    'recorded_at',
  ]);
  const problem = batched('problems', ['patient_id', 'text', 'code', 'status', 'onset']);
  const order = insert('medication_orders', [
    'id',
    'patient_id',
    'drug',
    'code',
    'dose',
    'dose_unit',
    'dose_text',
    'route',
    'frequency',
    'timing',
    'prn',
    'prn_reason',
    'max_dose',
    'start',
    'end',
    'status',
    'prescriber',
    'instructions',
    'high_alert',
  ]);
  const administration = batched('administrations', [
    'patient_id',
    'order_id',
    'drug',
    'dose',
    'route',
    'at',
    'status',
    'performer',
    'note',
  ]);
  const observation = batched('observations', [
    'patient_id',
    'code',
    'name',
    'category',
    'value',
    'value_text',
    'unit',
    'comparator',
    'ref_low',
    'ref_high',
    'ref_text',
    'other_ranges',
    'flag',
    'flag_text',
    'at',
  ]);
  const plan = batched('plan_items', ['patient_id', 'kind', 'text', 'status', 'due', 'detail']);
  const note = batched('notes', ['patient_id', 'kind', 'title', 'author', 'at', 'text']);
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
    site: (id: string, name: string) => site(id, name),
    ward: (id: string, siteId: string, name: string, inScope: boolean) =>
      ward(id, siteId, name, bit(inScope)),
    bed: (id: string, wardId: string, room: string | null, name: string | null) =>
      bed(id, wardId, room, name),

    /**
     * The patient row; identifiers and contacts only with `detail` (a locator row, or a patient
     * outside the scope, says who and where, nothing more).
     */
    patient(p: PatientRecord, facts: StayFacts, row: { locator: boolean; detail: boolean }) {
      // (record_status below: a patient record that is not live is never found as one.)
      patient(
        p.id,
        p.mrn,
        p.family,
        p.given,
        p.name,
        p.birthDate,
        p.sex,
        p.language,
        facts.weightKg,
        facts.heightCm,
        facts.allergyState,
        bit(row.locator),
        p.recordStatus,
      );
      if (!row.detail) return;
      p.identifiers.forEach((i, seq) => identifier(p.id, seq, i.system, i.value));
      p.contacts.forEach((c, seq) => contact(p.id, seq, c.name, c.relationship, c.phone));
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
        foldText(`${p.family} ${p.given} ${p.family ? '' : p.name}`),
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
      stay(
        patientId,
        place.wardId,
        place.room,
        place.bed,
        s.admittedAt,
        s.expectedDischarge,
        s.attending,
        s.service,
        s.reason,
        f.isolation,
        f.codeStatus,
        f.codeStatusText,
        bit(f.codeStatusFromText),
        f.diet,
        f.mobility,
        f.fallRisk,
      );
      f.codeStatusClaims.forEach((c: CodeStatusClaim, seq) =>
        claim(patientId, seq, c.value, c.source, c.text, c.at, bit(c.fromText), bit(c.unverified)),
      );
    },

    handover(patientId: string, h: Handover) {
      handover(patientId, h.severity, h.summary, h.situationAwareness);
      h.actions.forEach((text, seq) => action(patientId, seq, text));
    },

    allergy: (patientId: string, a: Allergy) =>
      allergy(
        patientId,
        a.substance,
        a.reaction,
        a.severity,
        a.criticality,
        a.status,
        a.verification,
        a.category,
        a.recordedAt,
      ),
    absence: (patientId: string, a: AllergyAbsence) =>
      absence(patientId, a.category, a.text, a.verification, a.recordedAt),
    problem: (patientId: string, p: Problem) =>
      problem(patientId, p.text, p.code, p.status, p.onset),
    order: (id: string, patientId: string, o: Omit<MedicationOrder, 'id'>) =>
      order(
        id,
        patientId,
        o.drug,
        o.code,
        o.dose,
        o.doseUnit,
        o.doseText,
        o.route,
        o.frequency,
        o.timing,
        bit(o.prn),
        o.prnReason,
        o.maxDose,
        o.start,
        o.end,
        o.status,
        o.prescriber,
        o.instructions,
        bit(o.highAlert),
      ),
    administration: (patientId: string, a: Administration) =>
      administration(
        patientId,
        a.orderId,
        a.drug,
        a.dose,
        a.route,
        a.at,
        a.status,
        a.performer,
        a.note,
      ),
    observation: (patientId: string, o: Observation) =>
      observation(
        patientId,
        o.code,
        o.name,
        o.category,
        o.value,
        o.valueText,
        o.unit,
        o.comparator,
        o.refLow,
        o.refHigh,
        o.refText,
        o.otherRanges.length > 0 ? JSON.stringify(o.otherRanges) : null,
        o.flag,
        o.flagText,
        o.at,
      ),
    plan: (patientId: string, p: PlanItem) =>
      plan(patientId, p.kind, p.text, p.status, p.due, p.detail),
    note: (patientId: string, n: Note) => note(patientId, n.kind, n.title, n.author, n.at, n.text),
  };
}

export type Inserts = ReturnType<typeof prepareInserts>;
