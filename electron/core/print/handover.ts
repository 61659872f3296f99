/**
 * The I-PASS handover for a ward. On top, the ward at a glance: how many unstable, watcher and
 * stable patients, admissions of the last 24 h, patients not for resuscitation, and who the
 * unstable and watcher patients are. Then one block per patient in bed order: Illness severity
 * first and strongest (UNSTABLE and WATCHER boxed in bold, readable in black and white), the
 * Patient summary with age, weight, admission and day of stay, team, diet, the active
 * medications one line each, pending results; the Action list with boxes to tick and three
 * lines to add more; Situation awareness; lines for the receiver's Synthesis. A dense variant
 * puts one row per bed on the page, for the charge nurse's overview.
 */
import { ageAt, formatAge } from '../../common/age.ts';
import { deviceLines } from './devices.ts';
import { doseLineRows, orderDosing, orderRoute } from '../../common/dose-lines.ts';
import { drugLabel } from '../../common/order-state.ts';
import { planItemText } from '../../common/plan-item.ts';
import type { Chart, Severity } from '../model.ts';
import { localDayOf } from '../schedule/zoned-time.ts';
import {
  BODY,
  BODY_BOLD,
  checklist,
  heading,
  labelled,
  labelledBlocks,
  noticeSection,
  paragraph,
  spacer,
  stack,
  table,
  writeInLines,
  type Column,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import { formatStoredDate, parseInstant, storedDay } from './format.ts';
import type { Block, Measure, Section, TextStyle } from './layout.ts';
import { orderStateOf } from './mar-orders.ts';
import type { Translate } from './messages.ts';
import { allergyLine, identityFromChart, patientHeader, placeLine } from './patient-header.ts';
import { named } from '../../common/placeholder.ts';
import { childDosingWeight, perKgNote } from '../../common/weight.ts';

export interface HandoverInput {
  /** "Site — Ward". */
  readonly scope: string;
  /** In bed order; iterated once per layout pass. */
  readonly charts: Iterable<Chart>;
  /** The export's data-as-of: "admitted in the last 24 h" and the day of stay count from it. */
  readonly asOf: Date;
  readonly timeZone: string;
  /** One block per patient, or one row per bed (the charge nurse's overview). */
  readonly layout: HandoverLayout;
}

export type HandoverLayout = 'per-patient' | 'board';

const LABEL_WIDTH = 150;
/** Room for actions the receiver adds by hand. */
const BLANK_ACTIONS = 3;
const SYNTHESIS_LINES = 2;
const DAY = 86_400_000;

export function handoverReport(input: HandoverInput, t: Translate): ReportDocument {
  return {
    title: input.layout === 'board' ? t('handover.boardTitle') : t('report.handover'),
    scope: input.scope,
    *sections(m, width) {
      const charts = [...input.charts];
      if (charts.length === 0) {
        yield noticeSection(m, t('report.empty'), width);
        return;
      }
      yield wardSummary(m, t, charts, input, width);
      if (input.layout === 'board') {
        yield boardSection(m, t, charts, input, width);
        return;
      }
      for (const chart of charts) yield patientSection(m, t, chart, input, width);
    },
  };
}

// ─── The ward at a glance ────────────────────────────────────────────────────────────────────

const NO_RESUSCITATION = new Set(['dnr', 'dnr-dni', 'comfort-care']);

const severityOf = (chart: Chart): Severity | null =>
  chart.handover.severity ?? chart.stay?.severity ?? null;

function admittedWithinDay(chart: Chart, asOf: Date): boolean {
  const at = parseInstant(chart.stay?.admittedAt ?? null);
  return at !== null && asOf.getTime() - at.getTime() <= DAY && at <= asOf;
}

function wardSummary(
  m: Measure,
  t: Translate,
  charts: readonly Chart[],
  input: HandoverInput,
  width: number,
): Section {
  const count = (severity: Severity | null) =>
    charts.filter((c) => severityOf(c) === severity).length;
  const columns: Column[] = [
    { label: t('severity.unstable').toUpperCase(), weight: 1, bold: true },
    { label: t('severity.watcher').toUpperCase(), weight: 1, bold: true },
    { label: t('severity.stable'), weight: 1 },
    { label: t('severity.none'), weight: 1 },
    { label: t('handover.admitted24h'), weight: 1.3 },
    { label: t('handover.noResuscitation'), weight: 1.3, bold: true },
  ];
  const counts = table(
    m,
    columns,
    [
      [
        String(count('unstable')),
        String(count('watcher')),
        String(count('stable')),
        String(count(null)),
        String(charts.filter((c) => admittedWithinDay(c, input.asOf)).length),
        String(charts.filter((c) => NO_RESUSCITATION.has(c.stay?.codeStatus ?? '')).length),
      ],
    ],
    width,
  );
  const watch = charts
    .filter((c) => severityOf(c) === 'unstable' || severityOf(c) === 'watcher')
    .sort((a, b) => (severityOf(a) === 'unstable' ? 0 : 1) - (severityOf(b) === 'unstable' ? 0 : 1))
    .map(
      (c) =>
        `${t(`severity.${severityOf(c) ?? 'stable'}`).toUpperCase()} — ${placeLine(t, {
          room: c.stay?.room ?? null,
          bed: c.stay?.bed ?? null,
        })} — ${named(t, 'name', c.patient.name)} (${t('patient.mrn', { mrn: c.patient.mrn })})`,
    );
  const header = heading(m, t('handover.wardSummary', { count: charts.length }), width);
  return {
    header,
    continued: () => header,
    body: [
      counts.head,
      ...counts.rows,
      spacer(4),
      ...watch.flatMap((line) => paragraph(m, line, BODY_BOLD, width)),
    ],
  };
}

// ─── Severity: first and strongest ───────────────────────────────────────────────────────────

const SEVERITY_STRONG: TextStyle = { face: 'bold', size: 13 };
const SEVERITY_PLAIN: TextStyle = { face: 'bold', size: 10.5 };

/**
 * UNSTABLE in a double heavy box, WATCHER in a heavy box, STABLE plain: the weight of the mark
 * says it, in black and white, before any word is read.
 */
export function severityBlock(m: Measure, t: Translate, severity: Severity | null): Block {
  const label = t('ipass.severity');
  const word = severity ? t(`severity.${severity}`).toUpperCase() : t('severity.none');
  const strong = severity === 'unstable' || severity === 'watcher';
  const style = strong ? SEVERITY_STRONG : SEVERITY_PLAIN;
  const textHeight = m.lineHeight(style);
  const height = textHeight + (strong ? 10 : 4);
  return {
    height: height + 4,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.text(label, x, y + (height - m.lineHeight(BODY_BOLD)) / 2, BODY_BOLD);
      const wx = x + LABEL_WIDTH;
      const wordWidth = m.width(word, style);
      if (strong) {
        pen.box(wx, y, wordWidth + 16, height, { lineWidth: 2.2 });
        if (severity === 'unstable')
          pen.box(wx + 3, y + 3, wordWidth + 10, height - 6, { lineWidth: 1 });
        pen.text(word, wx + 8, y + 5, style);
      } else {
        pen.text(word, wx, y + 2, style);
      }
    },
  };
}

// ─── One patient ─────────────────────────────────────────────────────────────────────────────

function patientSection(
  m: Measure,
  t: Translate,
  chart: Chart,
  input: HandoverInput,
  width: number,
): Section {
  const identity = identityFromChart(chart, { at: input.asOf, timeZone: input.timeZone });
  return {
    header: patientHeader(m, t, identity, width, false),
    continued: () => patientHeader(m, t, identity, width, true),
    body: [
      severityBlock(m, t, severityOf(chart)),
      ...factsBlocks(m, t, chart, input, width),
      ...ipassBlocks(m, t, chart, width, { severity: false }),
    ],
  };
}

/** Day 1 is the local day of `since`; the count runs to the export's data-as-of. */
function dayNumber(since: Date, input: HandoverInput): number {
  return (
    localDayOf(input.asOf.getTime(), input.timeZone) -
    localDayOf(since.getTime(), input.timeZone) +
    1
  );
}

/** "78 years · admitted 2026-11-25 (day 4) · Dr Maes, Internal medicine". */
function stayFacts(t: Translate, chart: Chart, input: HandoverInput): string {
  const { stay, patient } = chart;
  const age = ageAt(patient.birthDate, input.asOf, input.timeZone);
  const admitted = parseInstant(stay?.admittedAt ?? null);
  const dayOfStay = admitted ? dayNumber(admitted, input) : null;
  return [
    age === null ? '' : formatAge(age, t),
    admitted && dayOfStay !== null
      ? t('handover.admittedDay', {
          date: storedDay(stay?.admittedAt ?? null, input.timeZone),
          day: dayOfStay,
        })
      : '',
    [stay?.attending, stay?.service].filter(Boolean).join(', '),
  ]
    .filter((s) => s.length > 0)
    .join('  ·  ');
}

function factsBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  input: HandoverInput,
  width: number,
): Block[] {
  const day = (iso: string) => storedDay(iso, input.timeZone);
  const dosingWeight = childDosingWeight(
    chart.patient,
    chart.observations,
    input.asOf,
    input.timeZone,
  );
  const meds = chart.medications
    .filter((o) => orderStateOf(o, input.asOf) === 'active')
    .map((o) => {
      const dosing = orderDosing(o, t, day);
      // A child's mg/kg after the order, as on the MAR; why none is, marked.
      const perKg = perKgNote(o, dosingWeight, t, day);
      // An order of several dose lines as the MAR says it: the drug, then each line on its own
      // (dose · rhythm · its days), not bullets trailed by "per dose line".
      const rows = o.prn ? [] : doseLineRows(o, t, day);
      return [
        o.highAlert ? `⚠ ${t('drug.highAlert')}` : '',
        drugLabel(t, o),
        rows.length > 0 ? '' : dosing.dose,
        orderRoute(o, t),
        o.prn ? t('med.prnNoReason') : rows.length > 0 ? '' : dosing.frequency,
        perKg === null ? '' : `— ${perKg.kind === 'weigh' ? '⚠ ' : ''}${perKg.text}`,
      ]
        .filter((s) => s.length > 0)
        .join(' ')
        .concat(rows.map((row) => `\n${row}`).join(''));
    });
  const pending = chart.plan
    .filter((p) => p.kind === 'service-request')
    .map((p) =>
      p.due
        ? `${planItemText(t, p)} (${formatStoredDate(p.due, input.timeZone, t.language)})`
        : planItemText(t, p),
    );
  return [
    ...labelled(
      m,
      t('handover.stay'),
      stayFacts(t, chart, input) || t('summary.none'),
      width,
      LABEL_WIDTH,
    ),
    ...labelled(m, t('label.diet'), chart.stay?.diet ?? t('summary.none'), width, LABEL_WIDTH),
    ...labelledBlocks(
      m,
      t('handover.activeMeds', { count: meds.length }),
      meds.length === 0
        ? paragraph(m, t('summary.none'), BODY, width - LABEL_WIDTH)
        : meds.flatMap((line) => paragraph(m, line, BODY, width - LABEL_WIDTH)),
      LABEL_WIDTH,
    ),
    spacer(2),
    ...labelled(
      m,
      t('handover.pending'),
      pending.length === 0 ? t('summary.none') : pending.join('\n'),
      width,
      LABEL_WIDTH,
    ),
    spacer(2),
    ...labelled(
      m,
      t('handover.devices'),
      deviceLines(t, chart.devices, input.asOf, input.timeZone).join('\n'),
      width,
      LABEL_WIDTH,
    ),
  ];
}

/**
 * The I-PASS rows of one patient (also part of the patient summary): severity (unless the
 * caller printed it first, stronger), summary, actions with three lines to add, awareness,
 * synthesis.
 */
export function ipassBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  options: { severity?: boolean } = {},
): Block[] {
  const { handover, stay } = chart;
  const summary = handover.summary ?? stay?.reason ?? t('summary.none');
  const valueWidth = width - LABEL_WIDTH;
  return [
    ...(options.severity === false ? [] : [severityBlock(m, t, severityOf(chart))]),
    ...labelled(m, t('ipass.summary'), summary, width, LABEL_WIDTH),
    ...labelledBlocks(
      m,
      t('ipass.actions'),
      [
        ...(handover.actions.length === 0
          ? paragraph(m, t('ipass.noActions'), BODY, valueWidth)
          : []),
        ...checklist(m, handover.actions, valueWidth, BLANK_ACTIONS),
      ],
      LABEL_WIDTH,
    ),
    ...labelled(
      m,
      t('ipass.awareness'),
      handover.situationAwareness ?? t('summary.none'),
      width,
      LABEL_WIDTH,
    ),
    ...labelledBlocks(
      m,
      t('ipass.synthesis'),
      [writeInLines(SYNTHESIS_LINES, valueWidth)],
      LABEL_WIDTH,
    ),
  ];
}

// ─── The dense variant: one row per bed ──────────────────────────────────────────────────────

function boardSection(
  m: Measure,
  t: Translate,
  charts: readonly Chart[],
  input: HandoverInput,
  width: number,
): Section {
  const columns: Column[] = [
    // Widths for the longest words of the four languages at the smallest cell size
    // ("BEOBACHTEN", "Schweregrad", "anaphylactique", "Komfortmaßnahmen", "CONTRADICTOIRE"):
    // a word is never cut to fit.
    { label: t('col.bed'), weight: 0.7, bold: true, keep: 'line' },
    { label: t('col.patient'), weight: 1.9, bold: true },
    { label: t('col.severity'), weight: 1.5, bold: true },
    { label: t('col.codeStatus'), weight: 2.4, bold: true },
    { label: t('col.allergies'), weight: 1.7, bold: true },
    { label: t('handover.boardSummary'), weight: 2.1 },
    { label: t('ipass.actions'), weight: 2 },
    { label: t('handover.notes'), weight: 1.1, kind: 'writeIn' },
  ];
  const rows = charts.map((chart) => {
    const identity = identityFromChart(chart);
    const severity = severityOf(chart);
    const age = ageAt(chart.patient.birthDate, input.asOf, input.timeZone);
    return [
      chart.stay?.bed ?? chart.stay?.room ?? '',
      [
        named(t, 'name', chart.patient.name),
        t('patient.mrn', { mrn: chart.patient.mrn }),
        age === null ? '' : formatAge(age, t),
      ]
        .filter((s) => s.length > 0)
        .join('\n'),
      severity
        ? severity === 'stable'
          ? t('severity.stable')
          : `■ ${t(`severity.${severity}`).toUpperCase()}`
        : t('severity.none'),
      t(`codeStatus.${chart.stay?.codeStatus ?? 'unknown'}`),
      allergyLine(t, identity),
      // The lines and devices share the summary's cell, under their own heading in bold: a
      // column of their own would squeeze the others below their longest words.
      {
        parts: [
          { text: chart.handover.summary ?? chart.stay?.reason ?? '' },
          { text: t('handover.devicesShort'), bold: true },
          { text: deviceLines(t, chart.devices, input.asOf, input.timeZone).join('\n') },
        ].filter((part) => part.text.length > 0),
      },
      chart.handover.actions.map((a) => `☐ ${a}`).join('\n'),
    ];
  });
  const laid = table(m, columns, rows, width, { minRowHeight: 40 });
  const header = (continued: boolean): Block =>
    stack([
      heading(
        m,
        continued ? `${t('handover.board')} ${t('patient.continued')}` : t('handover.board'),
        width,
      ),
      laid.head,
    ]);
  return { header: header(false), continued: () => header(true), body: laid.rows };
}
