/**
 * The registration packet for a new arrival during downtime, printed when the charge nurse
 * issues the next downtime number: a sheet of labels, a wristband, a blank MAR and a blank
 * observation chart, each carrying the downtime number (as text and barcodes) and lines for the
 * name, birth date, allergies and code status — asked at the bedside, never pre-filled.
 */
import { a4Page, type FixedPage, type FixedReport } from './fixed-document.ts';
import { identityBand } from './identity-band.ts';
import { labelsReport, type LabelPerson } from './labels.ts';
import type { Pen, TextStyle } from './layout.ts';
import type { LabelSheet, Wristbands } from './media.ts';
import type { Translate } from './messages.ts';
import { obsChartReport } from './obs-chart.ts';
import { bandPage } from './wristband.ts';

export interface RegistrationInput {
  readonly number: string;
  /** "Site — Ward". */
  readonly scope: string;
  readonly place: string;
  readonly sheet: LabelSheet;
  readonly bands: Wristbands;
}

export function registrationReport(
  input: RegistrationInput,
  t: Translate,
  timeZone: string,
): FixedReport {
  const person: LabelPerson = {
    name: null,
    birthDate: null,
    sex: null,
    id: input.number,
    idKind: 'downtime',
    place: input.place,
  };
  const subject = { kind: 'arrival', number: input.number, place: input.place } as const;
  const scope = `${input.scope} — ${t('label.downtimeNumber', { number: input.number })}`;
  const pages: FixedPage[] = [
    ...labelsReport({ people: [person], sheet: input.sheet, scope }, t).pages,
    bandPage(t, { ...person, allergyState: null, ageYears: null }, input.bands.adult),
    blankMarPage(t, scope, subject),
    ...obsChartReport({ subjects: [{ subject, observations: [] }], scope }, t, timeZone).pages,
  ];
  return { title: t('report.registration'), pages };
}

const HEAD: TextStyle = { face: 'bold', size: 7.5 };
const TIMES = 8;
const ROWS = 16;

/** A MAR with nothing printed in it: order lines, prescriber, and time/initials boxes. */
function blankMarPage(
  t: Translate,
  scope: string,
  subject: Parameters<typeof identityBand>[2],
): FixedPage {
  return a4Page(t('report.marBlank'), scope, (pen, area) => {
    const band = identityBand(pen.measure, t, subject, area.width);
    band.draw(pen, area.x, area.y);
    drawBlankGrid(
      pen,
      t,
      area.x,
      area.y + band.height + 6,
      area.width,
      area.height - band.height - 6,
    );
  });
}

function drawBlankGrid(
  pen: Pen,
  t: Translate,
  x: number,
  top: number,
  width: number,
  height: number,
) {
  const orderWidth = width * 0.36;
  const prescriberWidth = width * 0.1;
  const timeWidth = (width - orderWidth - prescriberWidth) / TIMES;
  const headHeight = 26;
  const rowHeight = Math.min(34, (height - headHeight - 20) / ROWS);
  pen.box(x, top, width, headHeight, { fill: '#e6e6e6' });
  pen.text(t('mar.blankOrder'), x + 3, top + 4, HEAD);
  pen.text(t('mar.blankPrescriber'), x + orderWidth + 3, top + 4, HEAD);
  for (let i = 0; i < TIMES; i++)
    pen.text(
      t('mar.blankTime'),
      x + orderWidth + prescriberWidth + i * timeWidth + 3,
      top + 4,
      HEAD,
    );
  const bottom = top + headHeight + ROWS * rowHeight;
  for (let r = 0; r <= ROWS; r++) pen.hline(x, x + width, top + headHeight + r * rowHeight, 0.5);
  pen.hline(x, x + width, top, 0.5);
  pen.vline(x, top, bottom, 0.6);
  pen.vline(x + orderWidth, top, bottom, 0.6);
  for (let i = 0; i <= TIMES; i++)
    pen.vline(
      x + orderWidth + prescriberWidth + i * timeWidth,
      i === 0 ? top : top + headHeight,
      bottom,
      0.4,
    );
  pen.text(t('mar.blankLegend'), x, bottom + 6, { face: 'regular', size: 7 });
}
