/**
 * The patient summary: the whole chart on paper, for a transfer or a bedside folder — stay,
 * I-PASS, allergies, problems, medications with their next doses, administrations, vital signs,
 * laboratory results, plan, notes and contacts. Lists are printed newest first and in full:
 * this is the record during the outage, so nothing is summarised away.
 */
import { recordReactions } from '../../common/allergies.ts';
import { dueDose, formatDose, formatMaxDose, formatStoredDose } from '../../common/dose.ts';
import { doseLineRows, orderDosing, orderRoute } from '../../common/dose-lines.ts';
import { codeWord } from '../../common/clinical.ts';
import { formatNumber } from '../../common/numbers.ts';
import { describeScheduleProblem } from '../../common/schedule-problem.ts';
import type { Chart, ChartMedication, Observation } from '../model.ts';
import {
  BODY,
  BODY_BOLD,
  heading,
  labelled,
  paragraph,
  SMALL_BOLD,
  spacer,
  table,
  tableOrNone,
  type Column,
  type Span,
  type Table,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import {
  drugLabel,
  isToGive,
  noDueWord,
  notToGiveText,
  prnReason,
} from '../../common/order-state.ts';
import { planItemText } from '../../common/plan-item.ts';
import { formatStoredDate, parseInstant, storedDay } from './format.ts';
import { deviceLines } from './devices.ts';
import { ipassBlocks } from './handover.ts';
import type { Block, Measure } from './layout.ts';
import type { Translate } from './messages.ts';
import { allergyLine, identityFromChart, patientHeader, placeLine } from './patient-header.ts';
import { named, siteAndWard } from '../../common/placeholder.ts';
import { spokenLanguage } from '../../common/language.ts';
import { formatRoute } from '../../common/route.ts';
import { childDosingWeight, perKgNote } from '../../common/weight.ts';
import { formatObservationValue, formatReferenceRange } from '../../common/observation-value.ts';

const LABEL_WIDTH = 150;

/** `asOf` is the export's data time: a line's "day n" counts to it. */
export function summaryReport(
  chart: Chart,
  t: Translate,
  timeZone: string,
  asOf: Date,
): ReportDocument {
  const scope = chart.stay
    ? siteAndWard(t, chart.stay.siteName, chart.stay.wardName)
    : t('summary.notAdmitted');
  return {
    title: t('report.summary'),
    scope,
    *sections(m, width) {
      // The band says the weight the medication table's mg/kg is worked from, as the MAR's does.
      const identity = identityFromChart(chart, { at: asOf, timeZone });
      yield {
        header: patientHeader(m, t, identity, width, false),
        continued: () => patientHeader(m, t, identity, width, true),
        body: [
          ...stayBlocks(m, t, chart, width, timeZone),
          heading(m, t('report.handover'), width),
          ...ipassBlocks(m, t, chart, width),
          ...allergyBlocks(m, t, chart, width),
          ...problemBlocks(m, t, chart, width, timeZone),
          ...medicationBlocks(m, t, chart, width, timeZone, asOf),
          heading(m, t('handover.devices'), width),
          ...deviceLines(t, chart.devices, asOf, timeZone).flatMap((line) =>
            paragraph(m, line, BODY, width),
          ),
          spacer(4),
          ...administrationBlocks(m, t, chart, width, timeZone),
          ...observationBlocks(m, t, chart.observations, 'vital-signs', width, timeZone),
          ...observationBlocks(m, t, chart.observations, 'laboratory', width, timeZone),
          ...observationBlocks(m, t, chart.observations, 'other', width, timeZone),
          ...planBlocks(m, t, chart, width, timeZone),
          ...noteBlocks(m, t, chart, width, timeZone),
          ...contactBlocks(m, t, chart, width),
        ],
      };
    },
  };
}

function stayBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
): Block[] {
  const title = heading(m, t('summary.stay'), width);
  const { stay, patient } = chart;
  const number = (value: number): string => formatNumber(value, t.language);
  if (!stay) return [title, ...paragraph(m, t('summary.notAdmitted'), BODY_BOLD, width)];
  const facts: [string, string | null][] = [
    [t('label.ward'), `${named(t, 'ward', stay.wardName)} — ${placeLine(t, stay)}`],
    [t('label.admitted'), formatStoredDate(stay.admittedAt, timeZone, t.language)],
    [t('label.expectedDischarge'), formatStoredDate(stay.expectedDischarge, timeZone, t.language)],
    [t('label.attending'), stay.attending],
    [t('label.service'), stay.service],
    [t('label.reason'), stay.reason],
    [t('label.codeStatusNote'), stay.codeStatusText],
    [t('label.diet'), stay.diet],
    [t('label.mobility'), stay.mobility],
    [t('label.fallRisk'), stay.fallRisk],
    [t('label.weight'), patient.weightKg === null ? null : `${number(patient.weightKg)} kg`],
    [t('label.height'), patient.heightCm === null ? null : `${number(patient.heightCm)} cm`],
    [t('label.language'), patient.language && spokenLanguage(patient.language, t.language)],
  ];
  return [
    title,
    ...facts
      .filter((fact): fact is [string, string] => fact[1] !== null && fact[1].length > 0)
      .flatMap(([label, value]) => labelled(m, label, value, width, LABEL_WIDTH)),
  ];
}

function allergyBlocks(m: Measure, t: Translate, chart: Chart, width: number): Block[] {
  const title = heading(m, t('summary.allergies'), width);
  if (chart.allergyState !== 'present' || chart.allergies.length === 0) {
    return [title, ...paragraph(m, allergyLine(t, identityFromChart(chart)), BODY_BOLD, width)];
  }
  const columns: Column[] = [
    { label: t('col.substance'), weight: 2, bold: true },
    { label: t('col.reaction'), weight: 2 },
    { label: t('col.severity'), weight: 1 },
    { label: t('col.criticality'), weight: 1 },
    { label: t('col.status'), weight: 1 },
  ];
  const rows = chart.allergies.map((a) => [
    named(t, 'substance', a.substance, a.code),
    recordReactions(t, a),
    codeWord(t, 'allergySeverity', a.severity),
    codeWord(t, 'allergyCriticality', a.criticality),
    [codeWord(t, 'allergyStatus', a.status), codeWord(t, 'allergyStatus', a.verification)]
      .filter((s) => s.length > 0)
      .join(', '),
  ]);
  const laid = table(m, columns, rows, width);
  return [title, laid.head, ...laid.rows];
}

function problemBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
): Block[] {
  const columns: Column[] = [
    { label: t('summary.problems'), weight: 4 },
    { label: t('col.status'), weight: 1 },
    { label: t('col.onset'), weight: 1 },
  ];
  const rows = chart.problems.map((p) => [
    // A named condition keeps its code beside it ("Hypertension (I10)"); an unnamed one says so.
    p.text && p.code ? `${p.text} (${p.code})` : named(t, 'condition', p.text, p.code),
    codeWord(t, 'problemStatus', p.status),
    formatStoredDate(p.onset, timeZone, t.language),
  ]);
  return tableSection(m, t, t('summary.problems'), table(m, columns, rows, width), width);
}

/** The dose, route and frequency columns of the medication table, as one cell. */
const LINES_SPAN: Span = { from: 1, through: 3 };

function medicationBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
  asOf: Date,
): Block[] {
  const dosingWeight = childDosingWeight(chart.patient, chart.observations, asOf, timeZone);
  const day = (iso: string) => storedDay(iso, timeZone);
  const columns: Column[] = [
    { label: t('col.drug'), weight: 1.9, bold: true },
    // A date of a dose line's step never broken after its hyphens ("2026-11-" / "15").
    { label: t('col.dose'), weight: 1.2, keep: 'words' },
    { label: t('col.route'), weight: 0.8 },
    { label: t('col.frequency'), weight: 1.4 },
    { label: t('col.nextDue'), weight: 1.6, keep: 'words' },
    // Wide enough for "Dernière administration" unbroken.
    { label: t('col.lastGiven'), weight: 1.4, keep: 'words' },
    { label: '', weight: 1.6, bold: true },
  ];
  const spans: (Span | null)[] = [];
  const rows = chart.medications.map((med) => {
    const dosing = orderDosing(med, t, day);
    // A scheduled order of several dose lines: each line (dose · rhythm · its days) across the
    // dose, route and frequency columns, as the MAR says it, instead of wrapped into the dose
    // column beside a frequency that only says "per dose line"; the route first when it is the
    // same for every line.
    const lines = med.prn ? [] : doseLineRows(med, t, day);
    spans.push(lines.length > 0 ? LINES_SPAN : null);
    // A child's mg/kg under the dose, as on the MAR and the chart; why none is, among the flags.
    const perKg = isToGive(med) ? perKgNote(med, dosingWeight, t, day) : null;
    const reason = prnReason(t, med);
    const frequency = med.prn
      ? reason !== null
        ? t('med.prn', { reason })
        : t('med.prnNoReason')
      : dosing.frequency;
    const flags = [
      med.highAlert ? `⚠ ${t('drug.highAlert')}` : '',
      perKg?.kind === 'weigh' ? `⚠ ${perKg.text}` : '',
      med.scheduleProblem
        ? `⚠ ${t('order.unscheduled', { reason: describeScheduleProblem(t, med.scheduleProblem) })}`
        : '',
      med.maxDose ? t('maxDose.is', { limit: formatMaxDose(med.maxDose, t) }) : '',
      med.instructions ?? '',
      isToGive(med) ? '' : `⚠ ${notToGiveText(t, med)}`,
    ];
    const dosingCells =
      lines.length > 0
        ? [
            [
              orderRoute(med, t),
              ...lines.map((line) => `• ${line}`),
              perKg?.kind === 'figures' ? perKg.text : '',
            ]
              .filter(Boolean)
              .join('\n'),
            '',
            '',
          ]
        : [
            perKg?.kind === 'figures' ? `${dosing.dose}\n${perKg.text}` : dosing.dose,
            orderRoute(med, t),
            frequency,
          ];
    return [
      drugLabel(t, med),
      ...dosingCells,
      // Each time with its own dose when the order has several lines, as on the screen.
      med.nextDue.length === 0
        ? nothingDue(med, t)
        : med.nextDue
            .map((due) => {
              const at = formatStoredDate(due.at, timeZone, t.language);
              return due.line === null ? at : `${at} — ${formatDose(dueDose(med, due.line), t)}`;
            })
            .join(', '),
      med.lastGiven === null
        ? t('prn.neverInExport')
        : formatStoredDate(med.lastGiven, timeZone, t.language),
      flags.filter((f) => f.length > 0).join('; '),
    ];
  });
  return tableSection(
    m,
    t,
    t('summary.medications'),
    table(m, columns, rows, width, { spans }),
    width,
  );
}

/** The next-due cell of an order with no time there, as the chart says it (its problem is flagged apart). */
function nothingDue(med: ChartMedication, t: Translate): string {
  const word = noDueWord(med);
  return word === null ? '' : t(word);
}

function administrationBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
): Block[] {
  const columns: Column[] = [
    { label: t('col.time'), weight: 1.2 },
    { label: t('col.drug'), weight: 2.2 },
    { label: t('col.dose'), weight: 1 },
    { label: t('col.route'), weight: 0.8 },
    { label: t('col.status'), weight: 1 },
    { label: t('col.performer'), weight: 1.2 },
  ];
  const rows = newestFirst(chart.administrations).map((a) => [
    formatStoredDate(a.at, timeZone, t.language),
    a.note ? `${drugLabel(t, a)} — ${a.note}` : drugLabel(t, a),
    a.dose === null ? '' : formatStoredDose(a.dose, t),
    formatRoute(a, t),
    codeWord(t, 'adminStatus', a.status),
    a.performer ?? '',
  ]);
  return tableSection(m, t, t('summary.administrations'), table(m, columns, rows, width), width);
}

const OBSERVATION_TITLE = {
  'vital-signs': 'summary.vitals',
  laboratory: 'summary.labs',
  other: 'summary.otherObservations',
} as const;

function observationBlocks(
  m: Measure,
  t: Translate,
  observations: readonly Observation[],
  category: Observation['category'],
  width: number,
  timeZone: string,
): Block[] {
  const selected = observations.filter((o) => o.category === category);
  // An empty "other observations" section is noise; vitals and labs say "none recorded".
  if (selected.length === 0 && category === 'other') return [];
  const columns: Column[] = [
    { label: t('col.time'), weight: 1.2 },
    { label: t('col.observation'), weight: 2.4 },
    { label: t('col.value'), weight: 1.4, bold: true },
    { label: t('col.range'), weight: 1.2 },
    { label: t('col.flag'), weight: 0.6, bold: true },
  ];
  const rows = newestFirst(selected).map((o) => [
    formatStoredDate(o.at, timeZone, t.language),
    named(t, 'observation', o.name, o.code),
    formatObservationValue(o, t),
    formatReferenceRange(o, t),
    codeWord(t, 'observationFlag', o.flag),
  ]);
  return tableSection(m, t, t(OBSERVATION_TITLE[category]), table(m, columns, rows, width), width);
}

function planBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
): Block[] {
  const columns: Column[] = [
    { label: t('col.item'), weight: 3 },
    { label: t('col.status'), weight: 1 },
    { label: t('col.due'), weight: 1.2 },
  ];
  const rows = chart.plan.map((p) => [
    p.detail ? `${planItemText(t, p)} — ${p.detail}` : planItemText(t, p),
    codeWord(t, 'planStatus', p.status),
    formatStoredDate(p.due, timeZone, t.language),
  ]);
  return tableSection(m, t, t('summary.plan'), table(m, columns, rows, width), width);
}

function noteBlocks(
  m: Measure,
  t: Translate,
  chart: Chart,
  width: number,
  timeZone: string,
): Block[] {
  const blocks: Block[] = [heading(m, t('summary.notes'), width)];
  if (chart.notes.length === 0) return [...blocks, ...paragraph(m, t('summary.none'), BODY, width)];
  for (const note of newestFirst(chart.notes)) {
    const byline = [
      formatStoredDate(note.at, timeZone, t.language),
      named(t, 'note', note.title ?? note.kind),
      note.author,
    ]
      .filter((s): s is string => s !== null && s.length > 0)
      .join(' — ');
    blocks.push(
      ...paragraph(m, byline, SMALL_BOLD, width).map((b) => ({ ...b, keepWithNext: true })),
    );
    blocks.push(...paragraph(m, note.text, BODY, width), spacer(4));
  }
  return blocks;
}

function contactBlocks(m: Measure, t: Translate, chart: Chart, width: number): Block[] {
  const columns: Column[] = [
    { label: t('col.name'), weight: 2 },
    { label: t('col.relationship'), weight: 1.5 },
    { label: t('col.phone'), weight: 1.5 },
  ];
  const rows = chart.contacts.map((c) => [c.name, c.relationship ?? '', c.phone ?? '']);
  return tableSection(m, t, t('summary.contacts'), table(m, columns, rows, width), width);
}

/** Timed entries newest first; entries without a time last, in their given order. */
function newestFirst<T extends { readonly at: string | null }>(items: readonly T[]): T[] {
  const time = (item: T): number => parseInstant(item.at)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...items].sort((a, b) => {
    const difference = time(b) - time(a);
    return Number.isNaN(difference) ? 0 : difference;
  });
}

/** A titled section of the summary: its table, or "none" when the chart has nothing there. */
function tableSection(
  m: Measure,
  t: Translate,
  title: string,
  laid: Table,
  width: number,
): Block[] {
  return [heading(m, title, width), ...tableOrNone(m, laid, t('summary.none'), width)];
}
