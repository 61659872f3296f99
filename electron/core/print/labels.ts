/**
 * Patient labels on A4 sticker sheets, for every form and specimen tube of a paper ward: name,
 * birth date and sex, MRN, ward and bed, and the MRN as Code 128 (1D scanners) and DataMatrix
 * (2D scanners, small tubes). One full sheet per patient by default, each patient from a fresh
 * sheet so a sheet is never shared between two patients. The sheet's margins carry the title,
 * the data-as-of / page n/N footer, and each label says DEMO DATA on a demo export — a label
 * is peeled off the sheet, so it must carry that on its own.
 */
import { code128, dataMatrix, MIN_MODULE } from './barcode.ts';
import { A4, demoWatermark, fitText, type FixedPage, type FixedReport } from './fixed-document.ts';
import type { Pen, TextStyle } from './layout.ts';
import { labelPositions, MM, type LabelSheet } from './media.ts';
import type { Translate } from './messages.ts';
import { sexLabel } from '../../common/sex.ts';

/** Who a label names: an admitted patient, or a new arrival known only by a downtime number. */
export interface LabelPerson {
  /** Null: a new arrival; the label gets a line to write the name on. */
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly sex: string | null;
  /** The MRN, or the downtime number of a new arrival. */
  readonly id: string;
  readonly idKind: 'mrn' | 'downtime';
  /** "Ward — Bed 12". */
  readonly place: string;
}

export interface LabelsInput {
  readonly people: readonly LabelPerson[];
  readonly sheet: LabelSheet;
  /** Labels per person; default: one full sheet. */
  readonly count?: number;
  readonly scope: string;
}

const NAME: TextStyle = { face: 'bold', size: 10 };
const LINE: TextStyle = { face: 'regular', size: 7.5 };
const LINE_BOLD: TextStyle = { face: 'bold', size: 7.5 };
const MARGIN_TEXT: TextStyle = { face: 'regular', size: 7 };
/** Inside the label's die-cut edge, where printers drift. */
const INSET = 2.5 * MM;

export function labelsReport(input: LabelsInput, t: Translate): FixedReport {
  const positions = labelPositions(input.sheet);
  const perSheet = positions.length;
  const count = input.count ?? perSheet;
  const pages: FixedPage[] = [];
  for (const person of input.people) {
    for (let start = 0; start < count; start += perSheet) {
      const onThisSheet = Math.min(perSheet, count - start);
      pages.push(sheetPage(t, input, person, positions.slice(0, onThisSheet)));
    }
  }
  return { title: t('report.labels'), pages };
}

function sheetPage(
  t: Translate,
  input: LabelsInput,
  person: LabelPerson,
  positions: readonly { x: number; y: number }[],
): FixedPage {
  const { sheet } = input;
  const width = sheet.labelWidthMm * MM;
  const height = sheet.labelHeightMm * MM;
  return {
    ...A4,
    draw(pen, furniture) {
      demoWatermark(pen, furniture.demo, A4.width, A4.height);
      marginLines(pen, sheet, `${t('report.labels')} — ${input.scope}`, furniture.footer);
      for (const { x, y } of positions) {
        drawLabel(pen, t, person, x, y, width, height, furniture.demo?.banner ?? null);
      }
    },
  };
}

/** Title in the top margin, footer in the bottom one, each as large as its margin allows. */
function marginLines(pen: Pen, sheet: LabelSheet, title: string, footer: string): void {
  const top = sheet.topMm * MM;
  const bottomEdge =
    (sheet.topMm + sheet.rows * sheet.labelHeightMm + (sheet.rows - 1) * sheet.gapYMm) * MM;
  const bottom = A4.height - bottomEdge;
  const x = Math.max(sheet.leftMm * MM, 14);
  const width = A4.width - 2 * x;
  const size = (room: number) => ({ ...MARGIN_TEXT, size: Math.min(MARGIN_TEXT.size, room * 0.6) });
  // Footer first: when only one margin has room, the data age goes there.
  if (bottom >= top) {
    fitText(pen, footer, x, bottomEdge + bottom * 0.25, width, size(bottom));
    fitText(pen, title, x, top * 0.25, width, size(top));
  } else {
    fitText(pen, footer, x, top * 0.25, width, size(top));
    fitText(pen, title, x, bottomEdge + bottom * 0.25, width, size(bottom));
  }
}

function drawLabel(
  pen: Pen,
  t: Translate,
  person: LabelPerson,
  x: number,
  y: number,
  width: number,
  height: number,
  demo: string | null,
): void {
  const left = x + INSET;
  const inner = width - 2 * INSET;
  const matrix = dataMatrix(person.id);
  // The DataMatrix takes the right side at up to half the label height.
  const module = matrix ? Math.min(1.6, (height * 0.45) / (matrix.rows + 2)) : 0;
  const matrixSide = matrix ? matrix.columns * module : 0;
  const textWidth = inner - (matrix ? matrixSide + 6 : 0);
  let lineY = y + INSET;
  if (person.name === null) {
    lineY += fitText(pen, t('label.name'), left, lineY, textWidth, LINE_BOLD);
    pen.hline(left, left + textWidth, lineY + 8, 0.6);
    lineY += 11;
  } else {
    lineY += fitText(pen, person.name, left, lineY, textWidth, NAME);
  }
  const born = person.birthDate
    ? t('patient.born', { date: person.birthDate })
    : person.name === null
      ? t('label.born')
      : t('patient.bornUnknown');
  const sex = sexLabel(t, person.sex);
  const bornHeight = fitText(pen, sex ? `${born}  ·  ${sex}` : born, left, lineY, textWidth, LINE);
  if (person.name === null) {
    const start = left + pen.measure.width(born, LINE) + 3;
    pen.hline(start, left + textWidth, lineY + bornHeight - 1, 0.5);
  }
  lineY += bornHeight;
  const id =
    person.idKind === 'mrn'
      ? t('patient.mrn', { mrn: person.id })
      : t('label.downtimeNumber', { number: person.id });
  lineY += fitText(pen, id, left, lineY, textWidth, LINE_BOLD);
  lineY += fitText(pen, person.place, left, lineY, textWidth, LINE);
  if (demo) fitText(pen, demo, left, lineY, textWidth, { face: 'bold', size: 6 });

  if (matrix) pen.modules(matrix, x + width - INSET - matrixSide, y + INSET, module);
  const bars = code128(person.id);
  const barHeight = Math.min(22, height * 0.22);
  if (bars) {
    const moduleWidth = Math.min(0.9, inner / (bars.modules + 20));
    if (moduleWidth >= MIN_MODULE) {
      pen.bars(
        bars,
        left + 10 * moduleWidth,
        y + height - INSET - barHeight,
        moduleWidth,
        barHeight,
      );
    }
  }
}
