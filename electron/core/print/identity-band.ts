/**
 * Who a fixed-layout page (observation chart, blank MAR) is for: an admitted patient — the same
 * band as every other report (patient-header.ts) — or a new arrival known only by the downtime
 * number just issued, with lines to write the name, birth date, allergies and code status on:
 * those are asked at the bedside, never guessed.
 */
import { code128, MIN_MODULE } from './barcode.ts';
import type { Block, Measure, TextStyle } from './layout.ts';
import type { Translate } from './messages.ts';
import { patientHeader, type PatientIdentity } from './patient-header.ts';

export type Subject =
  | { readonly kind: 'patient'; readonly identity: PatientIdentity }
  | { readonly kind: 'arrival'; readonly number: string; readonly place: string };

const LINE: TextStyle = { face: 'regular', size: 9 };
const BOLD: TextStyle = { face: 'bold', size: 9 };
const PAD = 5;
const ROW = 17;
const BAR_HEIGHT = 22;

export function identityBand(m: Measure, t: Translate, subject: Subject, width: number): Block {
  switch (subject.kind) {
    case 'patient':
      return patientHeader(m, t, subject.identity, width, false);
    case 'arrival':
      return arrivalBand(m, t, subject.number, subject.place, width);
    default: {
      const unreachable: never = subject;
      return unreachable;
    }
  }
}

function arrivalBand(
  m: Measure,
  t: Translate,
  number: string,
  place: string,
  width: number,
): Block {
  const bars = code128(number);
  const moduleWidth = bars ? Math.min(0.9, 150 / bars.modules) : 0;
  const barWidth = bars && moduleWidth >= MIN_MODULE ? bars.modules * moduleWidth : 0;
  const writeWidth = width - 2 * PAD - (barWidth > 0 ? barWidth + 24 : 0);
  const rows: { label: string; style: TextStyle; line: boolean }[] = [
    { label: t('label.downtimeNumber', { number }), style: BOLD, line: false },
    { label: t('label.name'), style: BOLD, line: true },
    { label: t('label.born'), style: LINE, line: true },
    { label: t('arrival.allergies'), style: BOLD, line: true },
    { label: t('arrival.codeStatus'), style: BOLD, line: true },
    { label: place, style: LINE, line: false },
  ];
  const height = rows.length * ROW + 2 * PAD;
  return {
    height: height + 4,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { lineWidth: 1 });
      rows.forEach((row, i) => {
        const top = y + PAD + i * ROW;
        pen.text(row.label, x + PAD, top + 3, row.style);
        if (row.line) {
          const start = x + PAD + pen.measure.width(row.label, row.style) + 4;
          pen.hline(start, x + PAD + writeWidth, top + ROW - 3, 0.5);
        }
      });
      if (bars && barWidth > 0) {
        const bx = x + width - PAD - 10 * moduleWidth - barWidth;
        pen.bars(bars, bx, y + PAD + 2, moduleWidth, BAR_HEIGHT);
        pen.text(number, bx, y + PAD + BAR_HEIGHT + 4, { face: 'regular', size: 7 });
      }
    },
  };
}
