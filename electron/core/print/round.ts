/**
 * The medication round: every dose due in a window (e.g. 07:00–09:00) across the ward, patient
 * by patient in bed order and by time within a patient, with drug, dose, route and boxes for
 * given / initials / not given — the sheet the nurse pushes round with the trolley. The doses are
 * the schedule's (the chart's `nextDue`), which only ever holds doses of active orders: held,
 * draft, unknown or stopped orders have no due time, so they are never on the round. Active
 * orders whose times could not be computed are named under the patient, flagged, without boxes
 * — the nurse must read the order, never assume it is not due.
 */
import { doseLineRows, dueRoute, orderRoute } from '../../common/dose-lines.ts';
import { dueDose, formatDose } from '../../common/dose.ts';
import { orderFrequency } from '../../common/frequency.ts';
import { drugLabel } from '../../common/order-state.ts';
import { describeScheduleProblem } from '../../common/schedule-problem.ts';
import type { Chart, ChartMedication } from '../model.ts';
import {
  BODY,
  BODY_BOLD,
  heading,
  noticeSection,
  paragraph,
  table,
  type Column,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import { clockTime, formatDateTime, parseInstant, storedDay, wallClock } from './format.ts';
import type { Block, Measure, Section } from './layout.ts';
import type { Translate } from './messages.ts';
import {
  identityFromChart,
  patientHeader,
  patientName,
  placeLine,
  type PatientIdentity,
} from './patient-header.ts';
import { formatRoute } from '../../common/route.ts';

export interface RoundWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface RoundPatient {
  readonly identity: PatientIdentity;
  /** In time order. */
  readonly doses: readonly {
    readonly at: Date;
    readonly order: ChartMedication;
    /** Which of the order's dose lines is due (`DueDose.line`). */
    readonly line: number | null;
  }[];
  /** Active, scheduled (not PRN) orders with no computable time. */
  readonly unscheduled: readonly ChartMedication[];
}

export interface RoundInput {
  readonly scope: string;
  readonly window: RoundWindow;
  /** In bed order; iterated once per layout pass. */
  readonly patients: Iterable<RoundPatient>;
}

/** The longest round the chart's 24 h of due times can fill. */
export const MAX_ROUND_HOURS = 24;

/** A patient's doses in the window, from the chart read at the window start. */
export function roundPatient(chart: Chart, window: RoundWindow): RoundPatient {
  const doses: { at: Date; order: ChartMedication; line: number | null }[] = [];
  const unscheduled: ChartMedication[] = [];
  for (const order of chart.medications) {
    if (!order.prn && order.nextDue.length === 0 && order.scheduleProblem !== null)
      unscheduled.push(order);
    for (const due of order.nextDue) {
      const at = parseInstant(due.at);
      if (at && at >= window.start && at < window.end) doses.push({ at, order, line: due.line });
    }
  }
  doses.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() || (a.order.drug ?? '').localeCompare(b.order.drug ?? ''),
  );
  return { identity: identityFromChart(chart), doses, unscheduled };
}

const WRITE_IN_ROW = 18;

export function roundReport(input: RoundInput, t: Translate, timeZone: string): ReportDocument {
  const window = t('scope.window', {
    start: formatDateTime(input.window.start, timeZone, t.language),
    end: formatDateTime(input.window.end, timeZone, t.language),
  });
  return {
    title: t('report.round'),
    scope: `${input.scope} — ${window}`,
    *sections(m, width) {
      let any = false;
      const without: string[] = [];
      for (const patient of input.patients) {
        any = true;
        if (patient.doses.length === 0 && patient.unscheduled.length === 0) {
          without.push(`${placeLine(t, patient.identity)} — ${patientName(t, patient.identity)}`);
          continue;
        }
        yield patientSection(m, t, timeZone, patient, width);
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
      else if (without.length > 0)
        yield noticeSection(m, t('round.nothingDue', { list: without.join('; ') }), width);
    },
  };
}

/** The list under its heading; an order's dose lines and reason under its drug, past the "⚠ ". */
const INDENT = 6;
const UNDER_DRUG = 18;

/**
 * An active order whose times could not be computed, in the reader's words (never the stored
 * English short form, "every 6 h"): "⚠ Furosémide — 40 mg — voie orale — why" for an order of
 * one instruction; for one of several dose lines, as on the MAR, the drug and route, each line
 * on its own row under it (dose · rhythm · its days) and why below them.
 */
function unscheduledOrder(
  m: Measure,
  t: Translate,
  timeZone: string,
  order: ChartMedication,
  width: number,
): Block[] {
  const why = order.scheduleProblem ? describeScheduleProblem(t, order.scheduleProblem) : '';
  const rows = doseLineRows(order, t, (iso) => storedDay(iso, timeZone));
  if (rows.length === 0) {
    const text = [drugLabel(t, order), formatDose(order, t), formatRoute(order, t)]
      .concat(orderFrequency(t, order), why)
      .filter((s) => s.length > 0)
      .join(' — ');
    // A dash, not a colon: the same in every language (French wants a space before ':').
    return paragraph(m, `⚠ ${text}`, BODY, width, INDENT);
  }
  const drug = [drugLabel(t, order), orderRoute(order, t)].filter((s) => s.length > 0);
  // The drug is never left at a page's foot without its lines.
  const head = paragraph(m, `⚠ ${drug.join(' — ')}`, BODY_BOLD, width, INDENT).map((b) => ({
    ...b,
    keepWithNext: true,
  }));
  return [
    ...head,
    ...rows.flatMap((row) => paragraph(m, row, BODY, width, UNDER_DRUG)),
    ...(why ? paragraph(m, why, BODY_BOLD, width, UNDER_DRUG) : []),
  ];
}

function patientSection(
  m: Measure,
  t: Translate,
  timeZone: string,
  patient: RoundPatient,
  width: number,
): Section {
  const body: Block[] = [];
  if (patient.doses.length > 0) {
    const columns: Column[] = [
      // Wide enough for "02:30 (GMT+2)" in the repeated autumn hour as two whole lines, the
      // offset never broken after its "+" ("(GMT+" / "2)").
      { label: t('col.time'), weight: 0.85, bold: true, keep: 'words' },
      { label: t('col.drug'), weight: 2.5 },
      { label: t('col.dose'), weight: 1 },
      { label: t('col.route'), weight: 0.8 },
      { label: '', weight: 1.1, bold: true },
      // The room taken by the time column comes from the write-in boxes.
      { label: t('col.given'), weight: 0.7, kind: 'writeIn' },
      // Wide enough for "Handzeichen" whole.
      { label: t('col.initials'), weight: 1, kind: 'writeIn' },
      { label: t('col.notGiven'), weight: 0.95, kind: 'writeIn' },
    ];
    const laid = table(
      m,
      columns,
      patient.doses.map(({ at, order, line }) => {
        const { date } = wallClock(at, timeZone, t.language);
        const first = wallClock(patient.doses[0]?.at ?? at, timeZone, t.language);
        return [
          // A round across midnight names the day of the doses after it.
          date === first.date
            ? clockTime(at, timeZone, t.language)
            : formatDateTime(at, timeZone, t.language),
          drugLabel(t, order),
          formatDose(dueDose(order, line), t),
          dueRoute(order, line, t),
          order.highAlert ? `⚠ ${t('drug.highAlert')}` : '',
        ];
      }),
      width,
      { minRowHeight: WRITE_IN_ROW },
    );
    body.push(laid.head, ...laid.rows);
  }
  if (patient.unscheduled.length > 0) {
    body.push(heading(m, `⚠ ${t('round.unscheduled')}`, width));
    for (const order of patient.unscheduled)
      body.push(...unscheduledOrder(m, t, timeZone, order, width));
  }
  return {
    header: patientHeader(m, t, patient.identity, width, false),
    continued: () => patientHeader(m, t, patient.identity, width, true),
    body,
  };
}
