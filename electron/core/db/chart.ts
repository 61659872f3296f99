/** A patient's whole chart, as the chart screen, the patient summary and the CLI show it. */
import type {
  Administration,
  Allergy,
  AllergyAbsence,
  CodeStatusClaim,
  Chart,
  ChartMedication,
  Contact,
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
import { type ScheduleClock, scheduleOrder } from './order-schedule.ts';
import { ORDER_COLUMNS, toMedicationOrder } from './rows.ts';

const DAY_MS = 24 * 3600 * 1000;

export function getChart(
  db: ReadonlyDb,
  patientId: string,
  at: ScheduleClock & { readonly now: Date },
): Chart | null {
  const patient = cached(
    db,
    `SELECT id, mrn, family, given, name, birth_date AS birthDate, sex, language,
            weight_kg AS weightKg, height_cm AS heightCm, allergy_state AS allergyState, locator
     FROM patients WHERE id = ?`,
  ).get(patientId) as
    | (Omit<Patient, 'identifiers'> & { allergyState: Chart['allergyState']; locator: number })
    | undefined;
  if (!patient) return null;
  const { allergyState, locator, ...core } = patient;
  const all = <T>(sql: string): T[] => cached(db, sql).all(patientId) as T[];

  const orders = all<Parameters<typeof toMedicationOrder>[0]>(
    `SELECT ${ORDER_COLUMNS} FROM medication_orders WHERE patient_id = ? ORDER BY prn, drug`,
  ).map(toMedicationOrder);
  const administrations = all<Administration>(
    `SELECT order_id AS orderId, drug, dose, route, at, status, performer, note
     FROM administrations WHERE patient_id = ? ORDER BY at DESC`,
  );
  const lastGiven = new Map<string, string>();
  for (const a of administrations) {
    if (
      a.orderId !== null &&
      a.at !== null &&
      a.status === 'completed' &&
      !lastGiven.has(a.orderId)
    )
      lastGiven.set(a.orderId, a.at);
  }

  return {
    patient: {
      ...core,
      identifiers: all<Patient['identifiers'][number]>(
        'SELECT system, value FROM patient_identifiers WHERE patient_id = ? ORDER BY seq',
      ),
    },
    stay: stayOf(db, patientId),
    locator: locator === 1,
    allergyState,
    allergies: all<Allergy>(
      `SELECT substance, verification, reaction, severity, criticality, status, category,
              recorded_at AS recordedAt
       FROM allergies WHERE patient_id = ?
       ORDER BY coalesce(verification, '') = 'refuted', criticality = 'high' DESC, substance`,
    ),
    allergyAbsences: all<AllergyAbsence>(
      `SELECT category, text, verification, recorded_at AS recordedAt
       FROM allergy_absences WHERE patient_id = ? ORDER BY category = 'all' DESC, category`,
    ),
    problems: all<Problem>(
      `SELECT text, code, status, onset FROM problems WHERE patient_id = ?
       ORDER BY coalesce(status, '') <> 'active', onset DESC`,
    ),
    medications: orders.map((o) => chartMedication(o, at, lastGiven.get(o.id) ?? null)),
    administrations,
    observations: all<RawObservation>(
      `SELECT code, name, category, value, value_text AS valueText, unit, comparator,
              ref_low AS refLow, ref_high AS refHigh, ref_text AS refText,
              other_ranges AS otherRanges, flag, flag_text AS flagText, at
       FROM observations WHERE patient_id = ? ORDER BY at DESC, name`,
    ).map(toObservation),
    plan: all<Omit<PlanItem, 'doNotPerform'> & { doNotPerform: number }>(
      `SELECT kind, text, status, due, detail, do_not_perform AS doNotPerform
       FROM plan_items WHERE patient_id = ? ORDER BY kind, due`,
    ).map((p) => ({ ...p, doNotPerform: p.doNotPerform === 1 })),
    notes: all<Note>(
      'SELECT kind, title, author, at, text FROM notes WHERE patient_id = ? ORDER BY at DESC',
    ),
    contacts: all<Contact>(
      'SELECT name, relationship, phone FROM contacts WHERE patient_id = ? ORDER BY seq',
    ),
    handover: handoverOf(db, patientId),
  };
}

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
    `SELECT s.ward_id AS wardId, w.name AS wardName, si.name AS siteName, s.room, s.bed,
            s.admitted_at AS admittedAt, s.expected_discharge AS expectedDischarge, s.attending,
            s.service, s.reason, s.isolation, s.code_status AS codeStatus,
            s.code_status_text AS codeStatusText, s.code_status_from_text AS codeStatusFromText,
            s.diet, s.mobility, s.fall_risk AS fallRisk, h.severity
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
      `SELECT value, source, text, at, from_text AS fromText, unverified
       FROM code_status_claims WHERE patient_id = ? ORDER BY seq`,
    ).all(patientId) as (Omit<CodeStatusClaim, 'fromText' | 'unverified'> & {
      fromText: number;
      unverified: number;
    })[]
  ).map((c) => ({ ...c, fromText: c.fromText === 1, unverified: c.unverified === 1 }));
  return { ...stay, codeStatusFromText: stay.codeStatusFromText === 1, codeStatusClaims: claims };
}

function handoverOf(db: ReadonlyDb, patientId: string): Handover {
  const h = cached(
    db,
    'SELECT severity, summary, situation_awareness AS situationAwareness FROM handover WHERE patient_id = ?',
  ).get(patientId) as Omit<Handover, 'actions'> | undefined;
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
  return {
    ...order,
    nextDue:
      schedule.kind === 'doses'
        ? schedule.doses.map((d) => ({ at: d.at.toISOString(), line: d.line }))
        : [],
    frequencyParts: frequencyOf(order.timing),
    scheduleProblem: schedule.kind === 'unscheduled' ? schedule.problem : null,
    lastGiven,
  };
}
