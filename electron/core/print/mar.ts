/**
 * The 24-hour medication administration worksheet: per patient (bed order), one row per
 * scheduled dose in the window with empty boxes for the time given and initials; PRN orders
 * apart with their reason and limits; orders whose schedule could not be computed listed and
 * flagged, never dropped. Clock times are the site's wall clock; a day row marks each date, so
 * a window across midnight (or a DST change) reads without ambiguity.
 */
import { formatDose } from '../../common/dose.ts';
import { orderFrequency } from '../../common/frequency.ts';
import { describeScheduleProblem, type ScheduleProblem } from '../../common/schedule-problem.ts';
import type { Chart, MedicationOrder } from '../model.ts';
import {
  BODY_BOLD,
  heading,
  noticeSection,
  paragraph,
  SMALL_BOLD,
  table,
  type Column,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import { parseInstant, wallClock } from './format.ts';
import type { Block, Measure, Section } from './layout.ts';
import type { Translate } from './messages.ts';
import { identityFromChart, patientHeader, type PatientIdentity } from './patient-header.ts';

export interface MarDose {
  readonly at: Date;
  readonly order: MedicationOrder;
}

export interface MarSheet {
  readonly identity: PatientIdentity;
  /** Doses due in the window, in time order. */
  readonly doses: readonly MarDose[];
  readonly prn: readonly MedicationOrder[];
  readonly unscheduled: readonly {
    readonly order: MedicationOrder;
    readonly problem: ScheduleProblem;
  }[];
}

export interface MarWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface MarInput {
  /** "Site — Ward" or the patient's ward. */
  readonly scope: string;
  readonly window: MarWindow;
  /** In bed order; iterated once per layout pass. */
  readonly sheets: Iterable<MarSheet>;
}

/** Orders that are over: nothing to give, so nothing to print. */
const ENDED = new Set(['stopped', 'completed', 'cancelled', 'entered-in-error']);

/**
 * A patient's worksheet from their chart, read at the window start: `nextDue` holds the doses
 * of the 24 h from the chart's `now`, `scheduleProblem` the orders with no computable times.
 */
export function marSheetFromChart(chart: Chart, window: MarWindow): MarSheet {
  const doses: MarDose[] = [];
  const prn: MedicationOrder[] = [];
  const unscheduled: { order: MedicationOrder; problem: ScheduleProblem }[] = [];
  for (const order of chart.medications) {
    if (ENDED.has(order.status)) continue;
    if (order.prn) prn.push(order);
    else if (order.scheduleProblem !== null)
      unscheduled.push({ order, problem: order.scheduleProblem });
    for (const due of order.nextDue) {
      const at = parseInstant(due);
      if (at && at >= window.start && at < window.end) doses.push({ at, order });
    }
  }
  doses.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order.drug.localeCompare(b.order.drug));
  return { identity: identityFromChart(chart), doses, prn, unscheduled };
}

/** Tall enough rows to write a time and initials in by hand. */
const WRITE_IN_ROW = 18;

export function marReport(input: MarInput, t: Translate, timeZone: string): ReportDocument {
  const start = wallClock(input.window.start, timeZone);
  const end = wallClock(input.window.end, timeZone);
  const window = t('scope.window', {
    start: `${start.date} ${start.time}`,
    end: `${end.date} ${end.time}`,
  });
  return {
    title: t('report.mar'),
    scope: `${input.scope} — ${window}`,
    *sections(m, width) {
      let any = false;
      for (const sheet of input.sheets) {
        any = true;
        yield sheetSection(m, t, timeZone, sheet, width);
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
    },
  };
}

function sheetSection(
  m: Measure,
  t: Translate,
  timeZone: string,
  sheet: MarSheet,
  width: number,
): Section {
  return {
    header: patientHeader(m, t, sheet.identity, width, false),
    continued: () => patientHeader(m, t, sheet.identity, width, true),
    body: [
      ...scheduledBlocks(m, t, timeZone, sheet.doses, width),
      ...(sheet.prn.length > 0 ? prnBlocks(m, t, sheet.prn, width) : []),
      ...(sheet.unscheduled.length > 0 ? unscheduledBlocks(m, t, sheet.unscheduled, width) : []),
    ],
  };
}

function scheduledBlocks(
  m: Measure,
  t: Translate,
  timeZone: string,
  doses: readonly MarDose[],
  width: number,
): Block[] {
  const title = heading(m, t('mar.scheduled'), width);
  if (doses.length === 0) return [title, ...paragraph(m, t('mar.noDoses'), BODY_BOLD, width)];
  const columns: Column[] = [
    { label: t('col.time'), weight: 0.6, bold: true },
    { label: t('col.drug'), weight: 2.4 },
    { label: t('col.dose'), weight: 1.1 },
    { label: t('col.route'), weight: 0.7 },
    { label: '', weight: 1.3, bold: true },
    { label: t('col.given'), weight: 1, kind: 'writeIn' },
    { label: t('col.initials'), weight: 0.8, kind: 'writeIn' },
  ];
  const byDay = new Map<string, string[][]>();
  for (const dose of doses) {
    const { date, time } = wallClock(dose.at, timeZone);
    const rows = byDay.get(date) ?? [];
    rows.push([
      time,
      dose.order.drug,
      formatDose(dose.order, t),
      dose.order.route ?? '',
      highAlert(t, dose.order),
    ]);
    byDay.set(date, rows);
  }
  const blocks: Block[] = [title];
  let first = true;
  for (const [date, rows] of byDay) {
    const laid = table(m, columns, rows, width, { minRowHeight: WRITE_IN_ROW });
    if (first) blocks.push(laid.head);
    first = false;
    blocks.push(dayRow(m, date, width), ...laid.rows);
  }
  return blocks;
}

function prnBlocks(
  m: Measure,
  t: Translate,
  orders: readonly MedicationOrder[],
  width: number,
): Block[] {
  const columns: Column[] = [
    { label: t('col.drug'), weight: 2 },
    { label: t('col.dose'), weight: 1 },
    { label: t('col.route'), weight: 0.7 },
    { label: t('col.reason'), weight: 1.7 },
    { label: t('col.limits'), weight: 1.5 },
    { label: '', weight: 1.3, bold: true },
    { label: t('col.given'), weight: 1, kind: 'writeIn' },
    { label: t('col.initials'), weight: 0.8, kind: 'writeIn' },
  ];
  const rows = orders.map((o) => [
    o.drug,
    formatDose(o, t),
    o.route ?? '',
    o.prnReason ?? '',
    [o.maxDose ? t('med.max', { limit: o.maxDose }) : '', orderFrequency(t, o)]
      .filter((s) => s.length > 0)
      .join('; '),
    highAlert(t, o),
  ]);
  const laid = table(m, columns, rows, width, { minRowHeight: WRITE_IN_ROW });
  return [heading(m, t('mar.prn'), width), laid.head, ...laid.rows];
}

function unscheduledBlocks(
  m: Measure,
  t: Translate,
  entries: MarSheet['unscheduled'],
  width: number,
): Block[] {
  const columns: Column[] = [
    { label: t('col.drug'), weight: 2 },
    { label: t('col.dose'), weight: 1 },
    { label: t('col.route'), weight: 0.7 },
    { label: t('col.asWritten'), weight: 1.8 },
    { label: t('col.problem'), weight: 2.2, bold: true },
    { label: '', weight: 1.3, bold: true },
  ];
  const rows = entries.map(({ order, problem }) => [
    order.drug,
    formatDose(order, t),
    order.route ?? '',
    [orderFrequency(t, order), order.instructions ?? ''].filter((s) => s.length > 0).join(' — '),
    `⚠ ${describeScheduleProblem(t, problem)}`,
    highAlert(t, order),
  ]);
  const laid = table(m, columns, rows, width);
  return [heading(m, `⚠ ${t('mar.unscheduled')}`, width), laid.head, ...laid.rows];
}

function highAlert(t: Translate, order: MedicationOrder): string {
  return order.highAlert ? `⚠ ${t('drug.highAlert')}` : '';
}

/** A shaded row naming the date of the doses under it. */
function dayRow(m: Measure, date: string, width: number): Block {
  const height = m.lineHeight(SMALL_BOLD) + 4;
  return {
    height,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { fill: '#f3f3f3' });
      pen.text(date, x + 3, y + 2, SMALL_BOLD);
    },
  };
}
