/**
 * The medication administration schedule of a window: per patient in bed order, the doses
 * due (time, drug, dose, route, high-alert), the PRN orders apart, and the orders whose
 * schedule could not be computed — flagged for a nurse to check, never dropped.
 */
import type { CensusRow, MedicationOrder } from '../model.ts';
import { type ReadonlyDb, cached } from './handle.ts';
import { type ScheduleClock, scheduleOrder } from './order-schedule.ts';
import {
  CENSUS_COLUMNS,
  CENSUS_FROM,
  ORDER_COLUMNS,
  byBed,
  toCensusRow,
  toMedicationOrder,
} from './rows.ts';

export interface MarDoseRow {
  /** ISO instant. */
  readonly at: string;
  readonly orderId: string;
  readonly drug: string;
  readonly dose: number | null;
  readonly doseUnit: string | null;
  readonly doseText: string | null;
  readonly route: string | null;
  readonly highAlert: boolean;
}

export interface MarPatient {
  readonly patient: CensusRow;
  /** Doses in the window, in time order. */
  readonly scheduled: readonly MarDoseRow[];
  readonly prn: readonly MedicationOrder[];
  readonly unscheduled: readonly { readonly order: MedicationOrder; readonly reason: string }[];
}

export function marSchedule(
  db: ReadonlyDb,
  scope: { readonly wardId: string } | { readonly patientId: string },
  window: ScheduleClock & { readonly start: Date; readonly end: Date },
): MarPatient[] {
  const patients = (
    'wardId' in scope
      ? cached(
          db,
          `SELECT ${CENSUS_COLUMNS} FROM ${CENSUS_FROM} WHERE s.ward_id = ? AND p.locator = 0`,
        ).all(scope.wardId)
      : cached(db, `SELECT ${CENSUS_COLUMNS} FROM ${CENSUS_FROM} WHERE s.patient_id = ?`).all(
          scope.patientId,
        )
  ) as Parameters<typeof toCensusRow>[0][];
  return patients
    .map(toCensusRow)
    .sort(byBed)
    .map((patient) => marPatient(db, patient, window));
}

function marPatient(
  db: ReadonlyDb,
  patient: CensusRow,
  window: ScheduleClock & { readonly start: Date; readonly end: Date },
): MarPatient {
  const orders = (
    cached(
      db,
      `SELECT ${ORDER_COLUMNS} FROM medication_orders WHERE patient_id = ? ORDER BY drug`,
    ).all(patient.patientId) as Parameters<typeof toMedicationOrder>[0][]
  ).map(toMedicationOrder);
  const scheduled: MarDoseRow[] = [];
  const prn: MedicationOrder[] = [];
  const unscheduled: { order: MedicationOrder; reason: string }[] = [];
  for (const order of orders) {
    const result = scheduleOrder(order, window, window);
    switch (result.kind) {
      case 'times':
        for (const t of result.times) {
          scheduled.push({
            at: t.toISOString(),
            orderId: order.id,
            drug: order.drug,
            dose: order.dose,
            doseUnit: order.doseUnit,
            doseText: order.doseText,
            route: order.route,
            highAlert: order.highAlert,
          });
        }
        break;
      case 'prn':
        prn.push(order);
        break;
      case 'unscheduled':
        unscheduled.push({ order, reason: result.reason });
        break;
      default: {
        const _exhaustive: never = result;
        return _exhaustive;
      }
    }
  }
  scheduled.sort((a, b) => a.at.localeCompare(b.at) || a.drug.localeCompare(b.drug));
  return { patient, scheduled, prn, unscheduled };
}
