/** A patient's whole chart, as the chart screen, the patient summary and the CLI show it. */
import type {
  Administration,
  Allergy,
  AllergyAbsence,
  CodeStatusClaim,
  Chart,
  ChartMedication,
  Contact,
  Device,
  Handover,
  MedicationOrder,
  Note,
  Observation,
  Patient,
  PlanItem,
  Problem,
  Stay,
} from '../model.ts';
import { type ReadonlyDb, cached } from './handle.ts';
import { frequencyOf } from '../schedule/describe.ts';
import { stepSpans } from '../schedule/steps.ts';
import { parseFhirInstant } from '../schedule/timing.ts';
import { type ScheduleClock, scheduleOrder } from './order-schedule.ts';
import { ORDER_COLUMNS, toMedicationOrder } from './rows.ts';
import { fieldsOf, selectColumns, type Field } from './columns.ts';
import type { Table } from './schema.ts';
import { requestIdOf } from '../../common/order-id.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Every field of a per-patient table but the patient and its order within the patient. */
const detailOf = <T extends Table>(table: T): string =>
  selectColumns(
    table,
    null,
    fieldsOf(table).filter((f: Field<T>) => f !== 'patientId' && f !== 'seq'),
  );

// The SELECT lists, generated from the column descriptors (columns.ts), named as the model names
// the fields.
const PATIENT = selectColumns('patients', null, [
  'id',
  'mrn',
  'family',
  'given',
  'name',
  'birthDate',
  'sex',
  'language',
  'weightKg',
  'heightCm',
  'allergyState',
  'locator',
]);
const IDENTIFIER = detailOf('patient_identifiers');
const ADMINISTRATION = detailOf('administrations');
const ALLERGY = detailOf('allergies');
const ALLERGY_ABSENCE = detailOf('allergy_absences');
const PROBLEM = detailOf('problems');
const OBSERVATION = detailOf('observations');
const PLAN_ITEM = detailOf('plan_items');
const NOTE = detailOf('notes');
const CONTACT = detailOf('contacts');
const CODE_STATUS_CLAIM = detailOf('code_status_claims');
const HANDOVER = detailOf('handover');
/** The stay with its ward and site names and the handover's severity (`s`, `w`, `si`, `h`). */
const STAY = [
  selectColumns('stays', 's', [
    'wardId',
    'room',
    'bed',
    'admittedAt',
    'expectedDischarge',
    'attending',
    'service',
    'reason',
    'isolation',
    'codeStatus',
    'codeStatusText',
    'codeStatusFromText',
    'diet',
    'mobility',
    'fallRisk',
  ]),
  selectColumns('wards', 'w', ['name'], { name: 'wardName' }),
  selectColumns('sites', 'si', ['name'], { name: 'siteName' }),
  selectColumns('handover', 'h', ['severity']),
].join(', ');

export function getChart(
  db: ReadonlyDb,
  patientId: string,
  at: ScheduleClock & { readonly now: Date },
): Chart | null {
  const patient = cached(db, `SELECT ${PATIENT} FROM patients WHERE id = ?`).get(patientId) as
    | (Omit<Patient, 'identifiers'> & { allergyState: Chart['allergyState']; locator: number })
    | undefined;
  if (!patient) return null;
  const { allergyState, locator, ...core } = patient;
  const all = <T>(sql: string): T[] => cached(db, sql).all(patientId) as T[];

  const orders = all<Parameters<typeof toMedicationOrder>[0]>(
    `SELECT ${ORDER_COLUMNS} FROM medication_orders WHERE patient_id = ? ORDER BY prn, drug`,
  ).map(toMedicationOrder);
  const administrations = all<Administration>(
    `SELECT ${ADMINISTRATION} FROM administrations WHERE patient_id = ? ORDER BY at DESC`,
  );
  // Keyed by request: both rows of a split request share its doses (common/order-id.ts).
  const lastGiven = new Map<string, string>();
  for (const a of administrations) {
    if (
      a.orderId !== null &&
      a.at !== null &&
      a.status === 'completed' &&
      !lastGiven.has(requestIdOf(a.orderId))
    )
      lastGiven.set(requestIdOf(a.orderId), a.at);
  }

  return {
    patient: {
      ...core,
      identifiers: all<Patient['identifiers'][number]>(
        `SELECT ${IDENTIFIER} FROM patient_identifiers WHERE patient_id = ? ORDER BY seq`,
      ),
    },
    stay: stayOf(db, patientId),
    locator: locator === 1,
    allergyState,
    allergies: all<Allergy>(
      `SELECT ${ALLERGY} FROM allergies WHERE patient_id = ?
       ORDER BY coalesce(verification, '') = 'refuted', criticality = 'high' DESC, substance`,
    ),
    allergyAbsences: all<AllergyAbsence>(
      `SELECT ${ALLERGY_ABSENCE} FROM allergy_absences WHERE patient_id = ? ORDER BY category = 'all' DESC, category`,
    ),
    problems: all<Problem>(
      `SELECT ${PROBLEM} FROM problems WHERE patient_id = ?
       ORDER BY coalesce(status, '') <> 'active', onset DESC`,
    ),
    medications: orders.map((o) =>
      chartMedication(o, at, lastGiven.get(requestIdOf(o.id)) ?? null),
    ),
    administrations,
    observations: all<RawObservation>(
      `SELECT ${OBSERVATION} FROM observations WHERE patient_id = ? ORDER BY at DESC, name`,
    ).map(toObservation),
    plan: all<Omit<PlanItem, 'doNotPerform'> & { doNotPerform: number }>(
      `SELECT ${PLAN_ITEM} FROM plan_items WHERE patient_id = ? ORDER BY kind, due`,
    ).map((p) => ({ ...p, doNotPerform: p.doNotPerform === 1 })),
    devices: devicesOfPatient(db, patientId),
    notes: all<Note>(`SELECT ${NOTE} FROM notes WHERE patient_id = ? ORDER BY at DESC`),
    contacts: all<Contact>(`SELECT ${CONTACT} FROM contacts WHERE patient_id = ? ORDER BY seq`),
    handover: handoverOf(db, patientId),
  };
}

/** Lines, drains and devices in use, newest placed first (those without a date last). */
export function devicesOfPatient(db: ReadonlyDb, patientId: string): Device[] {
  const rows = cached(
    db,
    `SELECT ${DEVICE} FROM devices WHERE patient_id = ? ORDER BY placed_at IS NULL, placed_at DESC, kind, name`,
  ).all(patientId) as (Omit<Device, 'unverified'> & { unverified: number })[];
  return rows.map((d) => ({ ...d, unverified: d.unverified === 1 }));
}

const DEVICE = detailOf('devices');

type RawObservation = Omit<Observation, 'otherRanges'> & { otherRanges: string | null };

function toObservation(row: RawObservation): Observation {
  return {
    ...row,
    otherRanges:
      row.otherRanges === null ? [] : (JSON.parse(row.otherRanges) as Observation['otherRanges']),
  };
}

function stayOf(db: ReadonlyDb, patientId: string): Stay | null {
  const stay = cached(
    db,
    `SELECT ${STAY}
     FROM stays s JOIN wards w ON w.id = s.ward_id JOIN sites si ON si.id = w.site_id
     LEFT JOIN handover h ON h.patient_id = s.patient_id
     WHERE s.patient_id = ?`,
  ).get(patientId) as
    | (Omit<Stay, 'codeStatusFromText' | 'codeStatusClaims'> & { codeStatusFromText: number })
    | undefined;
  if (!stay) return null;
  const claims = (
    cached(
      db,
      `SELECT ${CODE_STATUS_CLAIM} FROM code_status_claims WHERE patient_id = ? ORDER BY seq`,
    ).all(patientId) as (Omit<CodeStatusClaim, 'fromText' | 'unverified'> & {
      fromText: number;
      unverified: number;
    })[]
  ).map((c) => ({ ...c, fromText: c.fromText === 1, unverified: c.unverified === 1 }));
  return { ...stay, codeStatusFromText: stay.codeStatusFromText === 1, codeStatusClaims: claims };
}

function handoverOf(db: ReadonlyDb, patientId: string): Handover {
  const h = cached(db, `SELECT ${HANDOVER} FROM handover WHERE patient_id = ?`).get(patientId) as
    Omit<Handover, 'actions'> | undefined;
  const actions = cached(db, 'SELECT text FROM handover_actions WHERE patient_id = ? ORDER BY seq')
    .pluck()
    .all(patientId) as string[];
  return {
    severity: h?.severity ?? null,
    summary: h?.summary ?? null,
    situationAwareness: h?.situationAwareness ?? null,
    actions,
  };
}

/** An order with its doses due in the 24 h from `now` (or why none could be computed). */
function chartMedication(
  order: MedicationOrder,
  at: ScheduleClock & { readonly now: Date },
  lastGiven: string | null,
): ChartMedication {
  const schedule = scheduleOrder(
    order,
    { start: at.now, end: new Date(at.now.getTime() + DAY_MS) },
    at,
  );
  const orderStart =
    order.start === null ? null : parseFhirInstant(order.start, at.timeZone, 'start');
  const steps = stepSpans(order.doseLines, orderStart, at);
  return {
    ...order,
    nextDue:
      schedule.kind === 'doses'
        ? schedule.doses.map((d) => ({ at: d.at.toISOString(), line: d.line }))
        : [],
    frequencyParts: frequencyOf(order.timing),
    doseLines: order.doseLines.map((line, index) => ({
      ...line,
      frequencyParts: frequencyOf(line.timing),
      step: steps[index] ?? null,
    })),
    scheduleProblem: schedule.kind === 'unscheduled' ? schedule.problem : null,
    lastGiven,
  };
}
