/**
 * SQL fragments and row mappers shared by the named queries: the census row (census, search,
 * MAR headers) and the medication order (chart, MAR).
 */
import type { CensusRow, MedicationOrder, OrderDoseLine } from '../model.ts';
import { fieldsOf, selectColumns } from './columns.ts';

/** The census row's columns; join `stays s`, `patients p`, `wards w`, `handover h`. */
export const CENSUS_COLUMNS = [
  selectColumns(
    'patients',
    'p',
    ['id', 'mrn', 'name', 'birthDate', 'sex', 'locator', 'allergyState'],
    { id: 'patientId' },
  ),
  selectColumns('stays', 's', [
    'wardId',
    'room',
    'bed',
    'admittedAt',
    'attending',
    'reason',
    'codeStatus',
    'isolation',
  ]),
  selectColumns('wards', 'w', ['name'], { name: 'wardName' }),
  selectColumns('handover', 'h', ['severity']),
].join(',\n  ');

export const CENSUS_FROM = `
  stays s
  JOIN patients p ON p.id = s.patient_id
  JOIN wards w ON w.id = s.ward_id
  LEFT JOIN handover h ON h.patient_id = s.patient_id`;

type Raw<T, Bool extends keyof T> = Omit<T, Bool> & { [K in Bool]: number };

export function toCensusRow(row: Raw<CensusRow, 'locator'>): CensusRow {
  return { ...row, locator: row.locator === 1 };
}

const bedCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Bed order as a ward reads it: room then bed, numbers in numeric order ("2" before "10"). */
export function byBed<
  T extends {
    readonly room: string | null;
    readonly bed: string | null;
    readonly name: string | null;
  },
>(a: T, b: T): number {
  return (
    bedCollator.compare(a.room ?? '\uffff', b.room ?? '\uffff') ||
    bedCollator.compare(a.bed ?? '\uffff', b.bed ?? '\uffff') ||
    (a.name ?? '').localeCompare(b.name ?? '')
  );
}

/** Every column of a medication order but its patient, named as `MedicationOrder` names them. */
export const ORDER_COLUMNS = selectColumns(
  'medication_orders',
  null,
  fieldsOf('medication_orders').filter((field) => field !== 'patientId'),
);

type OrderRow = Omit<
  Raw<MedicationOrder, 'prn' | 'highAlert' | 'doNotPerform' | 'continuous'>,
  'doseLines'
> & {
  /** JSON array of OrderDoseLine, written by our own importer. */
  doseLines: string;
};

export function toMedicationOrder(row: OrderRow): MedicationOrder {
  return {
    ...row,
    prn: row.prn === 1,
    highAlert: row.highAlert === 1,
    doNotPerform: row.doNotPerform === 1,
    continuous: row.continuous === 1,
    // Most orders are one instruction: skip the parse for the empty list.
    doseLines: row.doseLines === '[]' ? [] : (JSON.parse(row.doseLines) as OrderDoseLine[]),
  };
}
