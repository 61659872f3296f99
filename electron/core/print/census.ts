/**
 * The census: every patient of a ward (or of every ward of the site) by bed, one row each with
 * the MRN as a scannable barcode, allergies, code status, isolation and I-PASS severity.
 */
import type { CensusRow, Ward } from '../model.ts';
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
import { sexLabel } from './patient-header.ts';

export interface CensusWard {
  readonly ward: Ward;
  /** By bed. */
  readonly rows: readonly CensusRow[];
}

export interface CensusInput {
  readonly scope: string;
  /** Iterated once per layout pass. */
  readonly wards: Iterable<CensusWard>;
}

export function censusReport(input: CensusInput, t: Translate): ReportDocument {
  return {
    title: t('report.census'),
    scope: input.scope,
    *sections(m, width) {
      let any = false;
      for (const ward of input.wards) {
        any = true;
        yield wardSection(m, t, ward, width);
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
    },
  };
}

function wardSection(m: Measure, t: Translate, { ward, rows }: CensusWard, width: number): Section {
  const columns: Column[] = [
    { label: t('col.bed'), weight: 0.7, bold: true },
    { label: t('col.patient'), weight: 2.2, bold: true },
    { label: t('col.born'), weight: 1.1 },
    { label: t('col.mrn'), weight: 1.6, kind: 'barcode' },
    { label: t('col.allergies'), weight: 1 },
    { label: t('col.codeStatus'), weight: 1.7 },
    { label: t('col.isolation'), weight: 0.9 },
    { label: t('col.severity'), weight: 0.9 },
    { label: t('col.attending'), weight: 1.1 },
  ];
  const laid = table(
    m,
    columns,
    rows.map((row) => [
      row.bed ?? row.room ?? '',
      row.sex ? `${row.name} (${sexLabel(t, row.sex)})` : row.name,
      row.birthDate ?? '',
      row.mrn,
      t(`allergyShort.${row.allergyState}`),
      t(`codeStatus.${row.codeStatus}`),
      row.isolation ?? '',
      row.severity ? t(`severity.${row.severity}`) : '',
      row.attending ?? '',
    ]),
    width,
  );
  const title = `${ward.name} — ${t('census.count', { count: rows.length })}`;
  const header = (continued: boolean): Block =>
    stack([
      heading(m, continued ? `${title} ${t('patient.continued')}` : title, width, HEADING),
      ...(ward.inScope ? [] : paragraph(m, t('census.locator'), SMALL, width)),
      laid.head,
    ]);
  return { header: header(false), continued: () => header(true), body: laid.rows };
}
