/**
 * Wristbands, one strip per page, sized to the band media (adult and child presets from the
 * settings), black on white for thermal printers: name, birth date, MRN, an allergy flag that
 * cannot be missed, the MRN as Code 128 and DataMatrix. The strip is drawn lengthwise: the
 * printable part first, then the barcodes, then the footer with data age and page n/N in the
 * tail that goes under the clasp.
 */
import type { AllergyState } from '../model.ts';
import { code128, dataMatrix, MIN_MODULE } from './barcode.ts';
import { fitText, type FixedPage, type FixedReport } from './fixed-document.ts';
import type { Pen, TextStyle } from './layout.ts';
import { MM, type WristbandSize, type Wristbands } from './media.ts';
import type { Translate } from './messages.ts';
import type { LabelPerson } from './labels.ts';

export interface WristbandPerson extends LabelPerson {
  /** Null for a new arrival: the band gets a box to tick after asking. */
  readonly allergyState: AllergyState | null;
  /** Age in whole years at printing, when the birth date says it: picks the band size. */
  readonly ageYears: number | null;
}

export interface WristbandInput {
  readonly people: readonly WristbandPerson[];
  readonly bands: Wristbands;
  /** Force a band size; default: by age (children under `bands.childUnderYears`). */
  readonly size?: 'adult' | 'child';
}

const NAME: TextStyle = { face: 'bold', size: 11 };
const LINE: TextStyle = { face: 'regular', size: 8 };
const FLAG: TextStyle = { face: 'bold', size: 8 };
const TAIL: TextStyle = { face: 'regular', size: 6 };
const EDGE = 2 * MM;
const GAP = 2 * MM;
/** The face, left to right: identity, allergy flag, Code 128, DataMatrix; the tail after. */
const NAME_WIDTH = 56 * MM;
const FLAG_WIDTH = 22 * MM;
const BARS_WIDTH = 46 * MM;

export function bandSize(input: WristbandInput, person: WristbandPerson): WristbandSize {
  const size =
    input.size ??
    (person.ageYears !== null && person.ageYears < input.bands.childUnderYears ? 'child' : 'adult');
  return input.bands[size];
}

export function wristbandReport(input: WristbandInput, t: Translate): FixedReport {
  return {
    title: t('report.wristband'),
    pages: input.people.map((person) => bandPage(t, person, bandSize(input, person))),
  };
}

export function bandPage(t: Translate, person: WristbandPerson, size: WristbandSize): FixedPage {
  const width = size.lengthMm * MM;
  const height = size.widthMm * MM;
  return {
    width,
    height,
    draw(pen, furniture) {
      const top = EDGE;
      const inner = height - 2 * EDGE;
      let x = EDGE;
      let y = top;
      if (person.name === null) {
        y += fitText(pen, t('label.name'), x, y, NAME_WIDTH, FLAG);
        pen.hline(x, x + NAME_WIDTH, y + 9, 0.6);
        y += 11;
      } else {
        y += fitText(pen, person.name, x, y, NAME_WIDTH, NAME);
      }
      const born = person.birthDate
        ? t('patient.born', { date: person.birthDate })
        : person.name === null
          ? t('label.born')
          : t('patient.bornUnknown');
      y += fitText(pen, born, x, y, NAME_WIDTH, LINE);
      const id =
        person.idKind === 'mrn'
          ? t('patient.mrn', { mrn: person.id })
          : t('label.downtimeNumber', { number: person.id });
      fitText(pen, id, x, y, NAME_WIDTH, FLAG);
      x += NAME_WIDTH + GAP;

      allergyFlag(pen, t, person.allergyState, x, top, FLAG_WIDTH, inner);
      x += FLAG_WIDTH + GAP;

      const bars = code128(person.id);
      if (bars) {
        const moduleWidth = Math.min(0.9, BARS_WIDTH / (bars.modules + 20));
        if (moduleWidth >= MIN_MODULE) {
          pen.bars(bars, x + 10 * moduleWidth, top, moduleWidth, inner);
          x += (bars.modules + 20) * moduleWidth + GAP;
        }
      }
      const matrix = dataMatrix(person.id);
      if (matrix) {
        const module = inner / matrix.rows;
        pen.modules(matrix, x, top, module);
        x += matrix.columns * module + 2 * GAP;
      }
      // The tail (under the clasp on an adult band): demo mark and the footer's parts.
      const tailWidth = width - x - EDGE;
      let tailY = top;
      if (furniture.demo) tailY += fitText(pen, furniture.demo.banner, x, tailY, tailWidth, FLAG);
      for (const part of furniture.footer.split(' — ')) {
        tailY += fitText(pen, part, x, tailY, tailWidth, TAIL);
      }
    },
  };
}

function allergyFlag(
  pen: Pen,
  t: Translate,
  state: AllergyState | null,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const text = t(state === null ? 'band.allergyAsk' : `band.allergy.${state}`);
  const lines = pen.measure.wrap(text, FLAG, width - 6);
  const step = pen.measure.lineHeight(FLAG);
  const textTop = y + (height - lines.length * step) / 2;
  if (state === 'present') {
    pen.box(x, y, width, height, { fill: '#000000' });
    pen.whiteText(() => pen.lines(lines, x + 3, textTop, FLAG));
  } else {
    pen.box(x, y, width, height, { lineWidth: 1.2 });
    pen.lines(lines, x + 3, textTop, FLAG);
  }
}
