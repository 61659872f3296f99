/**
 * The I-PASS handover sheet for a ward, one block per patient in bed order: Illness severity,
 * Patient summary, Action list (with boxes to tick), Situation awareness and contingencies, and
 * empty lines for the receiver's Synthesis.
 */
import type { Chart } from '../model.ts';
import {
  BODY,
  checklist,
  labelled,
  labelledBlocks,
  noticeSection,
  paragraph,
  writeInLines,
} from './blocks.ts';
import type { ReportDocument } from './document.ts';
import type { Block, Measure, Section } from './layout.ts';
import type { Translate } from './messages.ts';
import { identityFromChart, patientHeader } from './patient-header.ts';

export interface HandoverInput {
  /** "Site — Ward". */
  readonly scope: string;
  /** In bed order; iterated once per layout pass. */
  readonly charts: Iterable<Chart>;
}

const LABEL_WIDTH = 150;
/** Room for actions the receiver adds by hand. */
const BLANK_ACTIONS = 1;
const SYNTHESIS_LINES = 2;

export function handoverReport(input: HandoverInput, t: Translate): ReportDocument {
  return {
    title: t('report.handover'),
    scope: input.scope,
    *sections(m, width) {
      let any = false;
      for (const chart of input.charts) {
        any = true;
        yield patientSection(m, t, chart, width);
      }
      if (!any) yield noticeSection(m, t('report.empty'), width);
    },
  };
}

function patientSection(m: Measure, t: Translate, chart: Chart, width: number): Section {
  const identity = identityFromChart(chart);
  return {
    header: patientHeader(m, t, identity, width, false),
    continued: () => patientHeader(m, t, identity, width, true),
    body: ipassBlocks(m, t, chart, width),
  };
}

/** The I-PASS rows of one patient (also part of the patient summary). */
export function ipassBlocks(m: Measure, t: Translate, chart: Chart, width: number): Block[] {
  const { handover, stay } = chart;
  const severity = handover.severity ?? stay?.severity ?? null;
  const summary = handover.summary ?? stay?.reason ?? t('summary.none');
  const valueWidth = width - LABEL_WIDTH;
  return [
    ...labelled(
      m,
      t('ipass.severity'),
      severity ? t(`severity.${severity}`).toUpperCase() : t('severity.none'),
      width,
      LABEL_WIDTH,
    ),
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
