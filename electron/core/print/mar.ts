/**
 * The medication administration record a ward gives and signs from during an outage: one
 * patient per sheet (a sheet is filed in, and signed on, one chart), numbered per patient,
 * the patient band on every page. Before the grid, what was given (or not, and why) in the
 * last 24 h; then each active order with everything the prescriber wrote and boxes for the
 * initials and the time given at each scheduled time of the window (days as columns for 3 or
 * 7 days); sliding scales with glucose rows; PRN with their limits, last doses and write-in
 * rows with a running 24 h total; held orders "do not give" and orders to check, with no boxes.
 * On every page the not-given codes and the initials → name legend.
 */
import { dueDose, formatDose, formatMaxDose, formatStoredDose } from '../../common/dose.ts';
import type { Quantity } from '../../common/quantity.ts';
import { orderFrequency } from '../../common/frequency.ts';
import { doseLineRows, orderDosing, orderRoute } from '../../common/dose-lines.ts';
import { infusionFacts } from '../../common/infusion-rate.ts';
import { drugLabel, isToGive, notToGiveText, prnReason } from '../../common/order-state.ts';
import { describeScheduleProblem, type ScheduleProblem } from '../../common/schedule-problem.ts';
import { childDosingWeight, perKgNote, type PerKgWeight } from '../../common/weight.ts';
import type { Administration, Chart, ChartMedication } from '../model.ts';
import type { ScheduleClock } from '../db/order-schedule.ts';
import { DAYS_OF_WEEK } from '../schedule/timing.ts';
import { instantAt, localDayOf, localSecondOfDay, offsetAt } from '../schedule/zoned-time.ts';
import {
  BODY,
  BODY_BOLD,
  heading,
  noticeSection,
  paragraph,
  SMALL,
  SMALL_BOLD,
  spacer,
  stack,
  table,
  type Column,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import { clockTime, formatDateTime, formatStoredDate, storedDay, wallClock } from './format.ts';
import type { Block, Measure, Section, TextStyle } from './layout.ts';
import {
  isAntibiotic,
  marOrders,
  repeatOf,
  treatmentDay,
  type MarEntry,
  type MarOrders,
} from './mar-orders.ts';
import type { MarWindow } from './mar-window.ts';
import { weeklyMark } from './order-words.ts';
import type { Translate } from './messages.ts';
import { identityFromChart, patientHeader, type PatientIdentity } from './patient-header.ts';
import { formatRoute } from '../../common/route.ts';

export interface MarSheet {
  readonly identity: PatientIdentity;
  readonly orders: MarOrders;
  /** For a child, the weight mg/kg is computed from (or why not); null for an adult. */
  readonly dosing: PerKgWeight | null;
}

export interface MarInput {
  /** "Site — Ward" or the patient's ward. */
  readonly scope: string;
  readonly window: MarWindow;
  /** In bed order; iterated once per layout pass. */
  readonly sheets: Iterable<MarSheet>;
}

/** A patient's sheet from their chart: every order sorted into what the ward does with it. */
export function marSheetFromChart(
  chart: Chart,
  window: MarWindow,
  clock: ScheduleClock,
  asOf: Date,
): MarSheet {
  return {
    identity: identityFromChart(chart, { at: window.start, timeZone: clock.timeZone }),
    orders: marOrders(chart, window, clock, asOf),
    // The screen's rule, at the sheet's start: the band's weight is the one divided into doses.
    dosing: childDosingWeight(chart.patient, chart.observations, window.start, clock.timeZone),
  };
}

interface Ctx {
  readonly m: Measure;
  readonly t: Translate;
  readonly timeZone: string;
  readonly window: MarWindow;
  readonly width: number;
  /** The sheet's patient: a child's mg/kg beside each dose to give. */
  readonly dosing: PerKgWeight | null;
  /** The data's time: a PRN's "last 24 h" are the 24 h before it. */
  readonly asOf: Date;
}

export function marReport(input: MarInput, t: Translate, timeZone: string): ReportDocument {
  const window = t('scope.window', {
    start: formatDateTime(input.window.start, timeZone, t.language),
    end: formatDateTime(input.window.end, timeZone, t.language),
  });
  return {
    title:
      input.window.days === 1
        ? t('mar.titleOneDay')
        : t('mar.titleDays', { days: input.window.days }),
    scope: `${input.scope} — ${window}`,
    *sections(m, width) {
      let any = false;
      for (const sheet of input.sheets) {
        any = true;
        yield sheetSection(
          {
            m,
            t,
            timeZone,
            window: input.window,
            width,
            dosing: sheet.dosing,
            asOf: sheet.orders.asOf,
          },
          sheet,
        );
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
    },
    sectionPages: (page, pages) => t('mar.patientPage', { page, pages }),
    pageBottom: (m, width) => legend(m, t, width),
  };
}

function sheetSection(ctx: Ctx, sheet: MarSheet): Section {
  const { m, t, width } = ctx;
  const { entries, lastDay, lastDayUntil } = sheet.orders;
  const of = <K extends MarEntry['kind']>(kind: K) =>
    entries.filter((e): e is Extract<MarEntry, { kind: K }> => e.kind === kind);
  const scheduled = of('scheduled');
  const scales = of('sliding-scale');
  const prn = of('prn');
  const infusions = of('infusion');
  const held = of('held');
  const check = of('check');
  const stopped = of('stopped');
  return {
    ownPages: true,
    header: patientHeader(m, t, sheet.identity, width, false),
    continued: () => patientHeader(m, t, sheet.identity, width, true),
    body: [
      ...lastDayBlocks(ctx, lastDay, lastDayUntil),
      ...(held.length > 0
        ? heldBlocks(
            ctx,
            held.map((e) => e.order),
          )
        : []),
      ...(check.length > 0 ? checkBlocks(ctx, check) : []),
      heading(m, t('mar.scheduled'), width),
      ...(scheduled.length === 0 ? paragraph(m, t('mar.noScheduled'), BODY, width) : []),
      ...scheduled.flatMap((e) => scheduledBlocks(ctx, e)),
      ...scales.flatMap((e) => scaleBlocks(ctx, e)),
      ...(infusions.length > 0 ? [heading(m, t('mar.infusions'), width)] : []),
      ...infusions.flatMap((e) => infusionBlocks(ctx, e.order, sheet.identity.weight?.kg ?? null)),
      ...(prn.length > 0 ? [heading(m, t('mar.prn'), width)] : []),
      ...prn.flatMap((e) => prnBlocks(ctx, e)),
      ...(stopped.length > 0
        ? stoppedBlocks(
            ctx,
            stopped.map((e) => e.order),
          )
        : []),
    ],
  };
}

// ─── Before the grid: the last 24 h ──────────────────────────────────────────────────────────

function lastDayBlocks(ctx: Ctx, given: readonly Administration[], until: Date | null): Block[] {
  const { m, t, width, timeZone, window } = ctx;
  const from = new Date(window.start.getTime() - 24 * 3_600_000);
  const title = heading(
    m,
    until === null
      ? t('mar.lastDay')
      : t('mar.lastDaySince', {
          from: formatStoredDate(from.toISOString(), timeZone, t.language),
          to: formatStoredDate(until.toISOString(), timeZone, t.language),
        }),
    width,
  );
  if (given.length === 0) return [title, ...paragraph(m, t('mar.lastDayNone'), BODY, width)];
  const columns: Column[] = [
    { label: t('col.time'), weight: 1.1 },
    { label: t('col.drug'), weight: 2.4, bold: true },
    { label: t('col.dose'), weight: 1 },
    { label: t('col.status'), weight: 2.2, bold: true },
    { label: t('col.performer'), weight: 1.3 },
  ];
  const rows = given.map((a) => [
    formatStoredDate(a.at, timeZone, t.language),
    a.drug ?? t('order.unnamed'),
    [a.dose === null ? '' : formatStoredDose(a.dose, t), formatRoute(a, t)]
      .filter(Boolean)
      .join(' '),
    administrationResult(t, a),
    a.performer ?? '',
  ]);
  const laid = table(m, columns, rows, width);
  return [title, laid.head, ...laid.rows];
}

/** "Given", or "NOT GIVEN — patient absent": a dose not given is said as loudly as one given. */
function administrationResult(t: Translate, a: Administration): string {
  const given = a.status === 'completed' || a.status === 'in-progress';
  const word = given ? t('mar.given') : t('mar.notGiven');
  return a.note ? `${word} — ${a.note}` : word;
}

// ─── One order: everything the prescriber wrote ──────────────────────────────────────────────

const DRUG: TextStyle = { face: 'bold', size: 10.5 };
const MARK: TextStyle = { face: 'bold', size: 9 };

/** The order as written: drug, dose, route, frequency, dates, prescriber, the full text. */
function orderBlock(ctx: Ctx, order: ChartMedication, marks: readonly string[] = []): Block {
  const { m, t, width, timeZone, window } = ctx;
  // An order of several dose lines says each on its own row under the drug, dose with rhythm.
  const doseRows = doseLineRows(order, t, (iso) => storedDay(iso, timeZone));
  const dose = doseRows.length > 0 ? '' : formatDose(order, t);
  const line1 = [drugLabel(t, order), dose, orderRoute(order, t)]
    .filter((s) => s.length > 0)
    .join('  ·  ');
  const repeat = repeatOf(order);
  const day = isAntibiotic(order) ? treatmentDay(order, window.start, timeZone) : null;
  const facts = [
    doseRows.length > 0 ? '' : orderFrequency(t, order),
    order.start
      ? t('mar.startDate', { date: formatStoredDate(order.start, timeZone, t.language) })
      : '',
    order.end ? t('mar.stopDate', { date: formatStoredDate(order.end, timeZone, t.language) }) : '',
    order.prescriber ? t('mar.prescriber', { name: order.prescriber }) : '',
    day === null ? '' : t('mar.antibioticDay', { day }),
  ].filter((s) => s.length > 0);
  const reason = prnReason(t, order);
  const texts = [
    order.doseText && order.dose !== null ? order.doseText : '',
    order.prn && reason !== null ? t('prn.reason', { reason }) : '',
    order.maxDose ? t('maxDose.is', { limit: formatMaxDose(order.maxDose, t) }) : '',
    order.instructions ? t('mar.orderText', { text: order.instructions }) : '',
  ].filter((s) => s.length > 0);
  // A child's mg/kg is checked against the dose before giving: beside every order to give,
  // as on screen; why none is computed is a boxed mark ("weigh").
  const perKg = isToGive(order)
    ? perKgNote(order, ctx.dosing, t, (iso) => storedDay(iso, timeZone))
    : null;
  const allMarks = [
    ...(order.highAlert ? [t('mar.highAlertCheck')] : []),
    ...(perKg?.kind === 'weigh' ? [perKg.text] : []),
    ...weeklyMark(t, repeat),
    ...marks,
  ];
  const drugStyle = m.fit(line1, DRUG, width, 8);
  const parts: { lines: string[]; style: TextStyle }[] = [
    { lines: m.wrap(line1, drugStyle, width), style: drugStyle },
    ...doseRows.map((row) => ({ lines: m.wrap(row, BODY_BOLD, width), style: BODY_BOLD })),
    ...(perKg?.kind === 'figures'
      ? [{ lines: m.wrap(perKg.text, BODY_BOLD, width), style: BODY_BOLD }]
      : []),
    { lines: m.wrap(facts.join('  ·  '), BODY, width), style: BODY },
    ...texts.map((text) => ({ lines: m.wrap(text, BODY, width), style: BODY })),
  ];
  const markBlocks = allMarks.map((mark) => boxedMark(m, mark, width));
  const height =
    4 +
    parts.reduce((sum, p) => sum + p.lines.length * m.lineHeight(p.style), 0) +
    markBlocks.reduce((sum, b) => sum + b.height, 0);
  return {
    height,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.hline(x, x + width, y + 1, 1.2);
      let top = y + 4;
      for (const part of parts) {
        pen.lines(part.lines, x, top, part.style);
        top += part.lines.length * pen.measure.lineHeight(part.style);
      }
      for (const mark of markBlocks) {
        mark.draw(pen, x, top);
        top += mark.height;
      }
    },
  };
}

/** A mark is boxed and bold: it reads the same from a black-and-white printer. */
function boxedMark(m: Measure, text: string, width: number): Block {
  const lines = m.wrap(text, MARK, width - 8);
  const boxHeight = lines.length * m.lineHeight(MARK) + 4;
  const boxWidth = Math.min(width, Math.max(0, ...lines.map((l) => m.width(l, MARK))) + 8);
  return {
    height: boxHeight + 2,
    draw: (pen, x, y) => {
      pen.box(x, y, boxWidth, boxHeight, { lineWidth: 1.2 });
      pen.lines(lines, x + 4, y + 2, MARK);
    },
  };
}

// ─── Scheduled orders: the grid to sign ──────────────────────────────────────────────────────

function scheduledBlocks(ctx: Ctx, entry: Extract<MarEntry, { kind: 'scheduled' }>): Block[] {
  const { m, t, width, timeZone } = ctx;
  const marks = entry.tooSoonAfter
    ? [t('interval.tooSoon', { time: clockTime(entry.tooSoonAfter, timeZone, t.language) })]
    : [];
  const description = orderBlock(ctx, entry.order, marks);
  if (entry.times.length === 0) {
    return [description, ...paragraph(m, t('mar.notDueInWindow'), BODY_BOLD, width), spacer(4)];
  }
  const rows = entry.order.highAlert
    ? [t('mar.initials'), t('mar.timeGiven'), t('mar.secondCheck')]
    : [t('mar.initials'), t('mar.timeGiven')];
  // Several dose lines (a taper step, insulin before each meal): each time says its own dose.
  const doses =
    entry.order.doseLines.length > 1
      ? entry.lines.map((line) => formatDose(dueDose(entry.order, line), t))
      : null;
  const grid =
    ctx.window.days === 1
      ? dayGrid(ctx, entry.times, rows, doses)
      : daysGrid(ctx, entry.times, entry.order.highAlert, doses);
  return [description, ...grid, spacer(6)];
}

const LABEL_COLUMN = 62;
const TIME_COLUMN = 52;
const BOX_ROW = 20;

/**
 * One day: the scheduled times as columns, a box per row label under each. A time in the
 * repeated autumn hour has its UTC offset under it: the two "02:30" columns are not the same.
 */
function dayGrid(
  ctx: Ctx,
  times: readonly Date[],
  rowLabels: readonly string[],
  doses: readonly string[] | null = null,
): Block[] {
  const { m, t, width, timeZone, window } = ctx;
  const perLine = Math.max(1, Math.floor((width - LABEL_COLUMN) / TIME_COLUMN));
  const crossesDate =
    localDayOf(window.start.getTime(), timeZone) !== localDayOf(window.end.getTime() - 1, timeZone);
  const blocks: Block[] = [];
  for (let i = 0; i < times.length; i += perLine) {
    const chunk = times.slice(i, i + perLine).map((at) => wallClock(at, timeZone, t.language));
    const offsets = chunk.some((c) => c.offset !== null);
    const chunkDoses = doses?.slice(i, i + perLine) ?? null;
    const headHeight =
      m.lineHeight(BODY_BOLD) +
      (crossesDate ? m.lineHeight(SMALL) : 0) +
      (offsets ? m.lineHeight(SMALL_BOLD) : 0) +
      (chunkDoses ? m.lineHeight(SMALL_BOLD) : 0) +
      4;
    const height = headHeight + rowLabels.length * BOX_ROW + 4;
    blocks.push({
      height,
      draw: (pen, x, y) => {
        chunk.forEach((c, j) => {
          const cx = x + LABEL_COLUMN + j * TIME_COLUMN;
          let top = y + 2;
          pen.text(c.time, cx + 3, top, BODY_BOLD);
          top += m.lineHeight(BODY_BOLD);
          if (crossesDate) {
            pen.text(c.date, cx + 3, top, SMALL);
            top += m.lineHeight(SMALL);
          }
          if (c.offset !== null) {
            pen.text(c.offset, cx + 3, top, SMALL_BOLD);
            top += m.lineHeight(SMALL_BOLD);
          }
          const dose = chunkDoses?.[j];
          if (dose) {
            const style = m.fit(dose, SMALL_BOLD, TIME_COLUMN - 6, 5, { keep: 'line' });
            pen.text(dose, cx + 3, top, style);
          }
        });
        rowLabels.forEach((label, r) => {
          const ry = y + headHeight + r * BOX_ROW;
          pen.text(label, x, ry + 5, SMALL_BOLD);
          chunk.forEach((_, j) =>
            pen.box(x + LABEL_COLUMN + j * TIME_COLUMN, ry, TIME_COLUMN - 4, BOX_ROW - 3, {
              lineWidth: 0.8,
            }),
          );
        });
      },
    });
  }
  return blocks;
}

/** The starts of the window's wall-clock days, and the window end. */
function dayStarts(window: MarWindow, timeZone: string): number[] {
  const start = window.start.getTime();
  const day = localDayOf(start, timeZone);
  const second = localSecondOfDay(start, timeZone);
  const starts = [start];
  for (let i = 1; i < window.days; i++) starts.push(instantAt(day + i, second, timeZone));
  starts.push(window.end.getTime());
  return starts;
}

/**
 * Several days: the days as columns, the times of day as rows; a box (initials | time given)
 * where a dose is due, a dash where none is, so a blank is never mistaken for a missed dose.
 */
function daysGrid(
  ctx: Ctx,
  times: readonly Date[],
  highAlert: boolean,
  doses: readonly string[] | null = null,
): Block[] {
  const { m, t, width, timeZone, window } = ctx;
  const starts = dayStarts(window, timeZone);
  const columnWidth = (width - LABEL_COLUMN) / window.days;
  const dayOf = (ms: number): number => {
    let i = 0;
    while (i + 1 < starts.length - 1 && ms >= (starts[i + 1] ?? Infinity)) i++;
    return i;
  };
  // One row per time of day; the repeated autumn hour's two "02:30" are two rows, each with
  // its offset, the earlier (summer time, the larger offset) first. And one per dose when the
  // doses differ (a taper's 08:00 is 7,5 mg this week and 10 mg the next: two rows, each with
  // boxes on its own days), in the order they first fall.
  const slots = new Map<
    string,
    { time: string; offset: string | null; offsetMs: number; dose: string; days: Set<number> }
  >();
  times.forEach((at, i) => {
    const { time, offset } = wallClock(at, timeZone, t.language);
    const dose = doses?.[i] ?? '';
    const key = `${time} ${offset ?? ''}\u0000${dose}`;
    const slot = slots.get(key) ?? {
      time,
      offset,
      offsetMs: offset === null ? 0 : offsetAt(at.getTime(), timeZone),
      dose,
      days: new Set<number>(),
    };
    slot.days.add(dayOf(at.getTime()));
    slots.set(key, slot);
  });
  const baseHeight = highAlert || doses ? BOX_ROW * 1.6 : BOX_ROW;
  const offsetHeight = m.lineHeight(BODY_BOLD) + m.lineHeight(SMALL_BOLD) + 7;
  const headHeight = 2 * m.lineHeight(SMALL_BOLD) + 4;
  const head: Block = {
    height: headHeight,
    keepWithNext: true,
    draw: (pen, x, y) => {
      for (let d = 0; d < window.days; d++) {
        const { date } = wallClock(new Date(starts[d] ?? 0), timeZone, t.language);
        const weekday = DAYS_OF_WEEK[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'mon';
        const cx = x + LABEL_COLUMN + d * columnWidth + 2;
        pen.text(t(`weekday.${weekday}`), cx, y + 1, SMALL_BOLD);
        pen.text(date, cx, y + 1 + m.lineHeight(SMALL_BOLD), SMALL_BOLD);
      }
    },
  };
  const rows = [...slots.values()]
    .sort((a, b) => a.time.localeCompare(b.time) || b.offsetMs - a.offsetMs)
    .map(({ time, offset, dose, days }): Block => {
      const labelLines = 1 + (offset === null ? 0 : 1) + (dose ? 1 : 0);
      const rowHeight =
        labelLines === 1
          ? baseHeight
          : Math.max(baseHeight, offsetHeight + (labelLines - 2) * m.lineHeight(SMALL_BOLD));
      return {
        height: rowHeight,
        draw: (pen, x, y) => {
          let top = y + 4;
          pen.text(time, x, top, BODY_BOLD);
          top += m.lineHeight(BODY_BOLD);
          if (offset !== null) {
            pen.text(offset, x, top, SMALL_BOLD);
            top += m.lineHeight(SMALL_BOLD);
          }
          if (dose) {
            const style = m.fit(dose, SMALL_BOLD, LABEL_COLUMN - 4, 5, { keep: 'line' });
            pen.text(dose, x, top, style);
          }
          for (let d = 0; d < window.days; d++) {
            const cx = x + LABEL_COLUMN + d * columnWidth;
            if (!days.has(d)) {
              pen.text('—', cx + columnWidth / 2 - 4, y + 4, BODY);
              continue;
            }
            const half = (columnWidth - 4) / 2;
            pen.box(cx, y, half, rowHeight - 3, { lineWidth: 0.8 });
            pen.box(cx + half, y, half, rowHeight - 3, { lineWidth: 0.8 });
            if (highAlert) pen.hline(cx, cx + 2 * half, y + (rowHeight - 3) / 2, 0.3);
          }
        },
      };
    });
  const key = paragraph(
    m,
    highAlert ? t('mar.daysCellKeyHighAlert') : t('mar.daysCellKey'),
    SMALL,
    width,
  );
  return [head, ...rows, ...key];
}

// ─── Sliding scale ───────────────────────────────────────────────────────────────────────────

function scaleBlocks(ctx: Ctx, entry: Extract<MarEntry, { kind: 'sliding-scale' }>): Block[] {
  const { m, t, width, timeZone } = ctx;
  const columns: Column[] = [
    { label: t('col.due'), weight: 1.4, bold: true },
    { label: t('mar.timeGiven'), weight: 1, kind: 'writeIn' },
    { label: t('mar.glucose'), weight: 1, kind: 'writeIn' },
    { label: t('mar.units'), weight: 1, kind: 'writeIn' },
    { label: t('mar.initials'), weight: 1, kind: 'writeIn' },
    ...(entry.order.highAlert
      ? [{ label: t('mar.secondCheck'), weight: 1, kind: 'writeIn' } as const]
      : []),
  ];
  const rows = entry.times.map((at) => [
    ctx.window.days === 1
      ? clockTime(at, timeZone, t.language)
      : formatDateTime(at, timeZone, t.language),
  ]);
  const laid = table(m, columns, [...rows, [''], ['']], width, { minRowHeight: BOX_ROW });
  return [
    // The scale itself is the order text, printed in full by the order block.
    orderBlock(ctx, entry.order, entry.order.instructions ? [] : [t('mar.scaleMissing')]),
    laid.head,
    ...laid.rows,
    spacer(6),
  ];
}

// ─── Continuous infusions ───────────────────────────────────────────────────────────────────

/** Rate-change rows per infusion and day: enough for a titrated drug's changes. */
const RATE_ROWS = 6;

/**
 * `weightKg` is the dosing weight the sheet's band prints (with its date), the one a rate per
 * kilogram is turned into mL/h with; without it such a rate is printed as ordered only.
 */
function infusionBlocks(ctx: Ctx, order: ChartMedication, weightKg: number | null): Block[] {
  const { m, t, width } = ctx;
  const facts = infusionFacts(order, t, weightKg);
  const columns: Column[] = [
    { label: t('col.time'), weight: 1, kind: 'writeIn' },
    { label: t('col.rate'), weight: 1.6, kind: 'writeIn' },
    { label: t('mar.initials'), weight: 1, kind: 'writeIn' },
    ...(order.highAlert
      ? [{ label: t('mar.secondCheck'), weight: 1, kind: 'writeIn' } as const]
      : []),
  ];
  const laid = table(
    m,
    columns,
    Array.from({ length: RATE_ROWS * ctx.window.days }, () => []),
    width,
    { minRowHeight: BOX_ROW },
  );
  // Rows carried over a page break say again whose rows they are: the drug (continued) and the
  // column heads.
  const continuedUnder = () =>
    stack([
      ...paragraph(m, `${drugLabel(t, order)} ${t('patient.continued')}`, BODY_BOLD, width),
      laid.head,
    ]);
  return [
    orderBlock(ctx, order),
    ...keepTogether(facts.length > 0 ? paragraph(m, facts.join('  ·  '), BODY_BOLD, width) : []),
    laid.head,
    ...withFirstRows(laid.rows).map((row) => ({ ...row, continuedUnder })),
    spacer(6),
  ];
}

/** Write-in rows that stay on the page of the order they belong to. */
const FIRST_ROWS_KEPT = 2;

/** The blocks kept with what follows them (an order's facts stay with its table). */
const keepTogether = (blocks: readonly Block[]): Block[] =>
  blocks.map((b) => ({ ...b, keepWithNext: true }));

/**
 * A table's rows, the first ones kept with the heading above: an order's description and its
 * table head never end a page without rows to write in under them (a page break falls later).
 */
const withFirstRows = (rows: readonly Block[]): Block[] =>
  rows.map((row, i) => (i < FIRST_ROWS_KEPT - 1 ? { ...row, keepWithNext: true } : row));

// ─── PRN ─────────────────────────────────────────────────────────────────────────────────────

/** Write-in rows per PRN order: a day of as-needed doses fits without a second sheet. */
const PRN_ROWS = 6;

function prnBlocks(ctx: Ctx, entry: Extract<MarEntry, { kind: 'prn' }>): Block[] {
  const { m, t, width } = ctx;
  const columns: Column[] = [
    { label: t('col.time'), weight: 1, kind: 'writeIn' },
    { label: t('col.dose'), weight: 1, kind: 'writeIn' },
    { label: t('col.reason'), weight: 1.6, kind: 'writeIn' },
    { label: t('mar.effect'), weight: 1.6, kind: 'writeIn' },
    { label: t('mar.initials'), weight: 0.9, kind: 'writeIn' },
    ...(entry.order.highAlert
      ? [{ label: t('mar.secondCheck'), weight: 0.9, kind: 'writeIn' } as const]
      : []),
    { label: t('mar.total24h'), weight: 1.1, kind: 'writeIn' },
  ];
  const rowCount = Math.max(PRN_ROWS, ctx.window.days * 3);
  const laid = table(
    m,
    columns,
    Array.from({ length: rowCount }, () => []),
    width,
    { minRowHeight: BOX_ROW },
  );
  return [
    orderBlock(ctx, entry.order),
    ...prnLastDay(ctx, entry),
    laid.head,
    ...withFirstRows(laid.rows),
    spacer(6),
  ];
}

/**
 * What the running total column starts from: the doses of the export's last 24 h and their
 * total against the maximum — the screen's rule and words (common/administered.ts), "cannot be
 * counted" when a dose does not add up, never a partial sum; "MAXIMUM REACHED" boxed.
 */
function prnLastDay(ctx: Ctx, entry: Extract<MarEntry, { kind: 'prn' }>): Block[] {
  const { m, t, width, timeZone, asOf } = ctx;
  const { lastDay } = entry;
  const time = formatStoredDate(asOf.toISOString(), timeZone, t.language);
  const doseAt = (a: Administration): string =>
    `${formatStoredDate(a.at, timeZone, t.language)} ${a.dose === null ? '' : formatStoredDose(a.dose, t)}`.trim();
  const quantity = (q: Quantity): string =>
    formatDose({ dose: q.value, doseUnit: q.unit, doseText: null }, t);
  switch (lastDay.total.kind) {
    case 'none-given': {
      // Nothing in the last 24 h: the dose before that, if any, is still the interval's start.
      const before = entry.given.at(-1);
      return keepTogether([
        ...paragraph(m, t('prn.noneGiven', { time }), BODY_BOLD, width),
        ...paragraph(
          m,
          before ? t('mar.prnLastGiven', { list: doseAt(before) }) : t('prn.neverInExport'),
          BODY,
          width,
        ),
      ]);
    }
    case 'total':
    case 'uncountable': {
      const total =
        lastDay.total.kind === 'uncountable'
          ? t('prn.uncountable')
          : lastDay.max
            ? t('prn.total', {
                total: quantity(lastDay.total.total),
                max: quantity(lastDay.max),
              })
            : t('prn.totalNoMax', { total: quantity(lastDay.total.total) });
      return keepTogether([
        ...paragraph(
          m,
          t('mar.prnDayList', {
            given: t('prn.given', { time }),
            list: lastDay.given.map(doseAt).join('; '),
          }),
          BODY,
          width,
        ),
        ...paragraph(m, total, BODY_BOLD, width),
        ...(lastDay.atOrOverMax ? [boxedMark(m, t('prn.maxReached'), width)] : []),
      ]);
    }
    default: {
      const unknown: never = lastDay.total;
      return unknown;
    }
  }
}

// ─── Not to give: held, to check, stopped ────────────────────────────────────────────────────

/** A boxed block title: bold on a double rule, so it stands out in black and white. */
function boxedTitle(m: Measure, text: string, width: number): Block {
  const lines = m.wrap(text, HELD_TITLE, width - 10);
  const height = lines.length * m.lineHeight(HELD_TITLE) + 8;
  return {
    height: height + 4,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { lineWidth: 2 });
      pen.lines(lines, x + 5, y + 4, HELD_TITLE);
    },
  };
}

const HELD_TITLE: TextStyle = { face: 'bold', size: 11 };

function heldBlocks(ctx: Ctx, orders: readonly ChartMedication[]): Block[] {
  const { m, t, width } = ctx;
  return [
    boxedTitle(m, t('mar.held'), width),
    ...orders.flatMap((order) => [
      // The source's reason for the hold when it gives one (FHIR statusReason), else where to look.
      orderBlock(ctx, order, [
        order.statusReason === null
          ? t('mar.heldDoNotGive')
          : t('mar.heldReason', { reason: order.statusReason }),
      ]),
      spacer(4),
    ]),
  ];
}

function checkBlocks(ctx: Ctx, entries: readonly Extract<MarEntry, { kind: 'check' }>[]): Block[] {
  const { m, t, width } = ctx;
  return [
    boxedTitle(m, t('mar.check'), width),
    ...entries.flatMap((e) => [
      orderBlock(ctx, e.order, checkMarks(t, e.order, e.problem)),
      spacer(4),
    ]),
  ];
}

/**
 * Why an order is to check before giving, all of it: its standing (draft, status unknown, not
 * interpretable and why, do not give, the source's reason) and why its timing cannot be placed
 * on the clock; "not to give" only when neither says more.
 */
function checkMarks(
  t: Translate,
  order: ChartMedication,
  problem: ScheduleProblem | null,
): string[] {
  const standing = notToGiveText(t, order);
  const marks = [
    ...(standing === '' ? [] : [standing]),
    ...(problem === null ? [] : [t('mar.noSchedule'), describeScheduleProblem(t, problem)]),
  ];
  return marks.length > 0 ? marks : [t('mar.notToGive')];
}

function stoppedBlocks(ctx: Ctx, orders: readonly ChartMedication[]): Block[] {
  const { m, t, width, timeZone } = ctx;
  const columns: Column[] = [
    { label: t('col.drug'), weight: 2.4, bold: true },
    { label: t('col.dose'), weight: 1.2 },
    { label: t('col.route'), weight: 0.8 },
    { label: t('col.status'), weight: 2 },
  ];
  const laid = table(
    m,
    columns,
    orders.map((o) => [
      drugLabel(t, o),
      orderDosing(o, t, (iso) => storedDay(iso, timeZone)).dose,
      orderRoute(o, t),
      t('mar.stoppedAt', { date: formatStoredDate(o.end, timeZone, t.language) }),
    ]),
    width,
  );
  return [heading(m, t('mar.stopped'), width), laid.head, ...laid.rows];
}

// ─── Every page: the codes and who signed ────────────────────────────────────────────────────

const LEGEND_ROWS = 3;
const LEGEND_PAIRS = 3;

/** Not-given codes, and initials → printed name / signature rows to fill in on each page. */
function legend(m: Measure, t: Translate, width: number): Block {
  const codes = m.wrap(t('mar.notGivenCodes'), SMALL, width);
  const codesHeight = codes.length * m.lineHeight(SMALL);
  const rowHeight = 16;
  const pairWidth = width / LEGEND_PAIRS;
  const initialsStyle = m.fit(t('mar.initials'), SMALL_BOLD, 42, 6);
  // Shrunk a little, then wrapped at its spaces: shrunk alone, "Name in Druckschrift und
  // Unterschrift" ran into the next pair's label.
  const nameStyle = m.fit(t('mar.nameSignature'), SMALL_BOLD, pairWidth - 54, 7);
  const nameLines = m.wrap(t('mar.nameSignature'), nameStyle, pairWidth - 54);
  const head = nameLines.length * m.lineHeight(nameStyle) + 2;
  const height = codesHeight + 4 + head + LEGEND_ROWS * rowHeight;
  return {
    height,
    draw: (pen, x, y) => {
      pen.lines(codes, x, y, SMALL);
      const top = y + codesHeight + 4;
      for (let p = 0; p < LEGEND_PAIRS; p++) {
        const px = x + p * pairWidth;
        pen.text(t('mar.initials'), px, top, initialsStyle);
        pen.lines(nameLines, px + 46, top, nameStyle);
        for (let r = 0; r < LEGEND_ROWS; r++) {
          const ry = top + head + r * rowHeight;
          pen.box(px, ry, 40, rowHeight - 3, { lineWidth: 0.6 });
          pen.box(px + 44, ry, pairWidth - 52, rowHeight - 3, { lineWidth: 0.6 });
        }
      }
    },
  };
}
