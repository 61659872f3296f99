/**
 * A blank observation chart in the NEWS2 layout (Royal College of Physicians, 2017): one row
 * per scoring band of respiration rate, SpO2 (scale 1), air or oxygen, systolic blood pressure,
 * pulse, consciousness and temperature, the score each band earns printed beside it (and the
 * band shaded by it, so the chart reads in black and white), then the NEWS2 total, monitoring
 * frequency, escalation and initials. The first column holds the last values of the export,
 * each in the band it falls in with the time it was taken; the columns after it are for the
 * ward to fill in by hand. A value whose unit is not the chart's is not placed in a band (that
 * would be reading more into it than the source says); it stays on the patient summary.
 *
 * A child gets the same chart in a PEWS layout for their age band (see pews-bands.ts for the
 * published bands and where they come from): NEWS2 is not for use under 16 (RCP, 2017).
 */
import { formatNumber } from '../../common/numbers.ts';
import { AppError } from '../errors.ts';
import { ObsLayoutChoiceSchema, type ObsLayoutChoice, type Observation } from '../model.ts';
import { clockTime, formatStoredDate, parseInstant, wallClock } from './format.ts';
import { a4Page, fitText, type FixedPage, type FixedReport } from './fixed-document.ts';
import { identityBand, type Subject } from './identity-band.ts';
import type { Pen, TextStyle } from './layout.ts';
import type { MessageKey, Translate } from './messages.ts';
import { fullAgeInYears } from '../../common/age.ts';
import {
  band,
  pewsAgeOf,
  pewsParameters,
  type Band,
  type Parameter,
  type PewsAge,
  word,
} from './pews-bands.ts';

export interface ObsChartInput {
  readonly subjects: readonly ObsSubject[];
  readonly scope: string;
}

export interface ObsSubject {
  readonly subject: Subject;
  /** Newest first (as the chart holds them); empty for a new arrival. */
  readonly observations: readonly Observation[];
  /** The layout for this person: NEWS2, or PEWS for a child's age band. Default NEWS2. */
  readonly layout?: ObsLayout;
}

export const OBS_LAYOUT_CHOICES = ObsLayoutChoiceSchema.options;
export type { ObsLayoutChoice };

/**
 * The observation chart of one patient: PEWS for their age group when under 16 (NEWS2 is not
 * for children), else NEWS2. PEWS asked for an adult takes the oldest group; asked for a
 * patient without a full birth date it is refused — its bands depend on the age.
 */
export function obsLayoutFor(
  birthDate: string | null,
  choice: ObsLayoutChoice,
  at: Date,
): ObsLayout {
  const age = pewsAgeOf(birthDate, at);
  switch (choice) {
    case 'news2':
      return { kind: 'news2' };
    case 'auto':
      return age === null ? { kind: 'news2' } : { kind: 'pews', age };
    case 'pews': {
      if (age !== null) return { kind: 'pews', age };
      if (fullAgeInYears(birthDate, at) !== null) return { kind: 'pews', age: '12y+' };
      throw new AppError(
        'invalid-argument',
        "The PEWS chart's bands depend on the age, and this patient has no full birth date; print the NEWS2 chart or fill the bands in by hand.",
      );
    }
    default: {
      const unreachable: never = choice;
      return unreachable;
    }
  }
}

export type ObsLayout =
  { readonly kind: 'news2' } | { readonly kind: 'pews'; readonly age: PewsAge };

/** NEWS2 chart bands; score per band as published by the RCP. */
const PARAMETERS: readonly Parameter[] = [
  {
    title: 'obs.respiration',
    codes: ['9279-1'],
    units: ['/min', 'breaths/min', '{breaths}/min'],
    bands: [band(3, 25), band(2, 21, 24), band(0, 12, 20), band(1, 9, 11), band(3, undefined, 8)],
  },
  {
    title: 'obs.spo2',
    codes: ['59408-5', '2708-6'],
    units: ['%'],
    bands: [band(0, 96), band(1, 94, 95), band(2, 92, 93), band(3, undefined, 91)],
  },
  { title: 'obs.airOxygen', codes: [], units: [], bands: [word('A', 0), word('O₂ L/min', 2)] },
  {
    title: 'obs.systolic',
    codes: ['8480-6'],
    units: ['mmHg', 'mm[Hg]'],
    bands: [
      band(3, 220),
      band(0, 111, 219),
      band(1, 101, 110),
      band(2, 91, 100),
      band(3, undefined, 90),
    ],
  },
  {
    title: 'obs.pulse',
    codes: ['8867-4'],
    units: ['/min', 'beats/min', '{beats}/min'],
    bands: [
      band(3, 131),
      band(2, 111, 130),
      band(1, 91, 110),
      band(0, 51, 90),
      band(1, 41, 50),
      band(3, undefined, 40),
    ],
  },
  { title: 'obs.consciousness', codes: [], units: [], bands: [word('A', 0), word('C/V/P/U', 3)] },
  {
    title: 'obs.temperature',
    codes: ['8310-5', '8331-1'],
    units: ['°C', 'Cel'],
    bands: [
      band(2, 39.1),
      band(1, 38.1, 39.0),
      band(0, 36.1, 38.0),
      band(1, 35.1, 36.0),
      band(3, undefined, 35.0),
    ],
  },
];

/** Hand-filled rows under the bands. */
const FOOT_ROWS: readonly MessageKey[] = [
  'obs.total',
  'obs.frequency',
  'obs.escalation',
  'obs.initials',
];
const PEWS_FOOT_ROWS: readonly MessageKey[] = [
  'obs.pewsTotal',
  'obs.frequency',
  'obs.escalation',
  'obs.initials',
];

/** What one layout prints: its page title, rows, hand-filled rows and key. */
interface Grid {
  readonly title: string;
  readonly parameters: readonly Parameter[];
  readonly foot: readonly MessageKey[];
  readonly legend: string;
}

function gridOf(t: Translate, layout: ObsLayout): Grid {
  switch (layout.kind) {
    case 'news2':
      return {
        title: t('report.obsChart'),
        parameters: PARAMETERS,
        foot: FOOT_ROWS,
        legend: t('obs.legend'),
      };
    case 'pews':
      return {
        title: t('report.obsChartPews', { band: t(`obs.age.${layout.age}`) }),
        parameters: pewsParameters(layout.age),
        foot: PEWS_FOOT_ROWS,
        legend: t('obs.pewsLegend'),
      };
    default: {
      const unreachable: never = layout;
      return unreachable;
    }
  }
}

const BLANK_COLUMNS = 11;
const ROW = 12.5;
const TITLE_ROW = 11;
/** Wide enough for the PEWS words ("Augmentation sévère ou apnée") at the chart's size. */
const LABEL_WIDTH = 118;
const SCORE_WIDTH = 14;
const FIRST_WIDTH = 52;
const TEXT: TextStyle = { face: 'regular', size: 7.5 };
const BOLD: TextStyle = { face: 'bold', size: 7.5 };
const SMALL: TextStyle = { face: 'regular', size: 6.5 };
/** Grey per score: 0 white … 3 and more darkest, light enough for handwriting on top. */
const SHADE = ['#ffffff', '#e6e6e6', '#cccccc', '#b3b3b3'];
const shadeOf = (score: number | null): string =>
  score === null ? '#ffffff' : (SHADE[Math.min(score, SHADE.length - 1)] ?? '#ffffff');

export function obsChartReport(input: ObsChartInput, t: Translate, timeZone: string): FixedReport {
  return {
    title: t('report.obsChart'),
    pages: input.subjects.map((s) =>
      chartPage(t, timeZone, gridOf(t, s.layout ?? { kind: 'news2' }), input.scope, s),
    ),
  };
}

/** "21–24", "≥ 39,1": the band's limits in the reader's numbers (decimal comma fr/nl/de). */
function bandLabel(b: Band, t: Translate): string {
  if (b.label !== undefined) return b.label;
  if (b.labelKey !== undefined) return t(b.labelKey);
  const n = (v: number) => formatNumber(v, t.language);
  // A row to record the value in, with no band printed (PEWS SpO2).
  if (b.min === undefined && b.max === undefined) return '';
  if (b.min === undefined) return `≤ ${n(b.max ?? 0)}`;
  if (b.max === undefined) return `≥ ${n(b.min)}`;
  return `${n(b.min)}–${n(b.max)}`;
}

/** The band a value falls in, or null (no value, or not in the chart's unit). */
export function bandOf(parameter: Parameter, observation: Observation | undefined): number | null {
  if (!observation || observation.value === null) return null;
  if (!parameter.units.includes(observation.unit ?? '')) return null;
  const value = observation.value;
  const index = parameter.bands.findIndex(
    (b) =>
      b.label === undefined &&
      b.labelKey === undefined &&
      (b.min === undefined || value >= b.min) &&
      (b.max === undefined || value <= b.max),
  );
  return index < 0 ? null : index;
}

function chartPage(
  t: Translate,
  timeZone: string,
  grid: Grid,
  scope: string,
  { subject, observations }: ObsSubject,
): FixedPage {
  return a4Page(grid.title, scope, (pen, area) => {
    const header = identityBand(pen.measure, t, subject, area.width);
    header.draw(pen, area.x, area.y);
    drawGrid(pen, t, timeZone, grid, observations, {
      x: area.x,
      top: area.y + header.height + 6,
      width: area.width,
    });
  });
}

function drawGrid(
  pen: Pen,
  t: Translate,
  timeZone: string,
  grid: Grid,
  observations: readonly Observation[],
  { x, top, width }: { x: number; top: number; width: number },
): void {
  const { parameters } = grid;
  const columnWidth = (width - LABEL_WIDTH - SCORE_WIDTH - FIRST_WIDTH) / BLANK_COLUMNS;
  const firstX = x + LABEL_WIDTH + SCORE_WIDTH;
  const columnX = (i: number) => firstX + FIRST_WIDTH + i * columnWidth;
  const right = x + width;
  let y = top;
  /** The column rules of one row; foot rows run their label over the score column. */
  const rules = (rowTop: number, height: number, score: boolean) => {
    if (score) pen.vline(x + LABEL_WIDTH, rowTop, rowTop + height, 0.4);
    pen.vline(firstX, rowTop, rowTop + height, 0.6);
    for (let i = 0; i <= BLANK_COLUMNS; i++)
      pen.vline(columnX(i), rowTop, rowTop + height, i === 0 ? 1.2 : 0.4);
  };

  const last = (p: Parameter) =>
    observations.find((o) => o.code !== null && p.codes.includes(o.code));
  const latest = parameters.map(last).filter((o): o is Observation => o !== undefined);
  const newest = latest.map((o) => parseInstant(o.at)).find((d) => d !== null) ?? null;

  // Date and time rows: the first column says where its values come from.
  for (const [key, value] of [
    ['obs.date', newest ? wallClock(newest, timeZone, t.language).date : ''],
    ['obs.time', newest ? clockTime(newest, timeZone, t.language) : ''],
  ] as const) {
    pen.box(x, y, width, ROW, { lineWidth: 0.5 });
    pen.text(t(key), x + 3, y + 2.5, BOLD);
    if (value) pen.text(value, firstX + 2, y + 2.5, SMALL);
    rules(y, ROW, false);
    y += ROW;
  }
  fitText(pen, t('obs.fromExport'), firstX + 2, y + 1, FIRST_WIDTH - 4, {
    face: 'bold',
    size: 5.5,
  });
  y += 8;

  for (const parameter of parameters) {
    pen.box(x, y, width, TITLE_ROW, { fill: '#000000' });
    pen.whiteText(() => pen.text(t(parameter.title), x + 3, y + 2, BOLD));
    y += TITLE_ROW;
    const observation = last(parameter);
    const hit = bandOf(parameter, observation);
    parameter.bands.forEach((b, i) => {
      pen.box(x, y, width, ROW, { fill: shadeOf(b.score) });
      pen.box(x, y, width, ROW, { lineWidth: 0.4 });
      rules(y, ROW, true);
      fitText(pen, bandLabel(b, t), x + 3, y + 2.5, LABEL_WIDTH - 5, TEXT);
      if (b.score !== null) pen.text(String(b.score), x + LABEL_WIDTH + 4, y + 2.5, BOLD);
      if (hit === i && observation) {
        const at = formatStoredDate(observation.at, timeZone, t.language).slice(11);
        const value =
          observation.valueText ??
          (observation.value === null ? '' : formatNumber(observation.value, t.language));
        pen.text(`● ${value}`, firstX + 2, y + 2.5, BOLD);
        if (at) pen.text(at, firstX + FIRST_WIDTH - 2, y + 3.5, SMALL, { right: true });
      }
      y += ROW;
    });
  }
  y += 4;
  for (const key of grid.foot) {
    pen.box(x, y, width, ROW + 2, { lineWidth: 0.6 });
    fitText(pen, t(key), x + 3, y + 3, LABEL_WIDTH + SCORE_WIDTH - 5, BOLD);
    rules(y, ROW + 2, false);
    y += ROW + 2;
  }
  pen.vline(right, top, y, 0.6);
  y += 6;
  pen.lines(pen.measure.wrap(grid.legend, SMALL, width), x, y, SMALL);
}
