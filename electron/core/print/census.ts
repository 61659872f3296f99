/**
 * The census as a bed board: every bed of the ward in room and bed order, the empty ones
 * included (a nurse placing an admission needs them as much as the full ones), each occupied
 * bed with its patient's two identifiers, the allergies by name, code status, isolation and
 * I-PASS severity. Patients whose bed the export does not list are added after, never left
 * out. The MRN barcode per row is a setting: with it a page holds fewer rows.
 */
import type { Bed, CensusRow, Ward } from '../model.ts';
import type { AllergySubstance } from '../db/queries.ts';
import {
  HEADING,
  heading,
  noticeSection,
  paragraph,
  SMALL,
  stack,
  table,
  type Column,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import type { Block, Measure, Section } from './layout.ts';
import type { Translate } from './messages.ts';
import { sexLabel } from '../../common/sex.ts';
import { named } from '../../common/placeholder.ts';

export interface CensusWard {
  readonly ward: Ward;
  /** The ward's patients, by bed. */
  readonly rows: readonly CensusRow[];
  /** Every bed and bedless room the export knows for the ward, by bed; empty when it has none. */
  readonly beds: readonly Bed[];
  /** Allergy substances per patient id, most critical first. */
  readonly allergies: ReadonlyMap<string, readonly AllergySubstance[]>;
}

export interface CensusInput {
  readonly scope: string;
  /** Iterated once per layout pass. */
  readonly wards: Iterable<CensusWard>;
  /** A scannable MRN barcode on each row (a setting). */
  readonly barcodes: boolean;
}

export function censusReport(input: CensusInput, t: Translate): ReportDocument {
  return {
    title: t('report.census'),
    scope: input.scope,
    *sections(m, width) {
      let any = false;
      for (const ward of input.wards) {
        any = true;
        yield wardSection(m, t, ward, width, input.barcodes);
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
    },
  };
}

/** A line of the board: a bed with its patient, an empty bed, or a patient without a known bed. */
type BoardLine =
  | { readonly kind: 'patient'; readonly row: CensusRow }
  | { readonly kind: 'empty'; readonly bed: Bed };

/**
 * The board in bed order: each bed with the patients in it, or empty; then the patients whose
 * bed is not among the ward's beds (no bed assigned, or a bed the export does not list).
 */
export function boardLines(ward: CensusWard): BoardLine[] {
  const byId = new Map(ward.rows.map((row) => [row.patientId, row]));
  const placed = new Set<string>();
  const lines: BoardLine[] = [];
  for (const bed of ward.beds) {
    const patients = bed.patientIds.flatMap((id) => {
      const row = byId.get(id);
      return row && !placed.has(id) ? [row] : [];
    });
    if (patients.length === 0) lines.push({ kind: 'empty', bed });
    for (const row of patients) {
      placed.add(row.patientId);
      lines.push({ kind: 'patient', row });
    }
  }
  for (const row of ward.rows) if (!placed.has(row.patientId)) lines.push({ kind: 'patient', row });
  return lines;
}

/** "01A", or room and bed when the bed's name does not already say the room ("12 · A"). */
function bedLabel(place: { readonly room: string | null; readonly bed: string | null }): string {
  const { room, bed } = place;
  if (!bed) return room ?? '';
  return room && !bed.startsWith(room) ? `${room} · ${bed}` : bed;
}

/** Allergies shown by name in the row, the rest counted ("…+2"). */
const ALLERGIES_NAMED = 2;

function allergyCell(
  t: Translate,
  row: CensusRow,
  substances: readonly AllergySubstance[],
): string {
  if (row.allergyState !== 'present' || substances.length === 0)
    return t(`allergyShort.${row.allergyState}`);
  const listed = substances
    .slice(0, ALLERGIES_NAMED)
    .map(({ substance, code }) => named(t, 'substance', substance, code))
    .join(', ');
  const more = substances.length - ALLERGIES_NAMED;
  return more > 0 ? `${listed} ${t('census.moreAllergies', { count: more })}` : listed;
}

function wardSection(
  m: Measure,
  t: Translate,
  census: CensusWard,
  width: number,
  barcodes: boolean,
): Section {
  const { ward, rows } = census;
  const columns: Column[] = [
    { label: t('col.bed'), weight: 0.8, bold: true, keep: 'line' },
    // Widths for the longest words at the smallest cell size ("BEOBACHTEN", "Therapiebegrenzung", "neutropénie").
    { label: t('col.patient'), weight: 1.85, bold: true },
    { label: t('col.born'), weight: 1.15, keep: 'words' },
    { label: t('col.mrn'), weight: 1.15, kind: barcodes ? 'barcode' : 'text', keep: 'line' },
    { label: t('col.allergies'), weight: 1.7, bold: true },
    { label: t('col.codeStatus'), weight: 1.85, bold: true },
    { label: t('col.isolation'), weight: 1.2 },
    { label: t('col.severity'), weight: 1.4, bold: true },
  ];
  const cells = boardLines(census).map((line): string[] => {
    if (line.kind === 'empty') return [bedLabel(line.bed), t('census.emptyBed')];
    const { row } = line;
    return [
      row.bed || row.room ? bedLabel(row) : t('census.noBed'),
      named(t, 'name', row.name),
      [row.birthDate ?? '', sexLabel(t, row.sex)].filter((s) => s.length > 0).join(' '),
      row.mrn,
      allergyCell(t, row, census.allergies.get(row.patientId) ?? []),
      t(`codeStatus.${row.codeStatus}`),
      row.isolation ?? '',
      // Unstable and watcher in capitals: the word carries it, not a colour.
      row.severity
        ? row.severity === 'stable'
          ? t('severity.stable')
          : t(`severity.${row.severity}`).toUpperCase()
        : '',
    ];
  });
  const laid = table(m, columns, cells, width);
  const empty = cells.length - rows.length;
  const title = `${named(t, 'ward', ward.name)} — ${t('census.count', { count: rows.length })}${
    census.beds.length > 0 ? ` — ${t('census.emptyCount', { count: Math.max(0, empty) })}` : ''
  }`;
  const header = (continued: boolean): Block =>
    stack([
      heading(m, continued ? `${title} ${t('patient.continued')}` : title, width, HEADING),
      ...(ward.inScope ? [] : paragraph(m, t('locator.ward'), SMALL, width)),
      laid.head,
    ]);
  return { header: header(false), continued: () => header(true), body: laid.rows };
}
