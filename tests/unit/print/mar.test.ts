import { describe, expect, it } from 'vitest';
import { formatMaxDose } from '../../../electron/common/dose.ts';
import type { Language } from '../../../electron/core/api/contract.ts';
import {
  NO_DOSE,
  type Administration,
  type ChartMedication,
} from '../../../electron/core/model.ts';
import { marReport, marSheetFromChart } from '../../../electron/core/print/mar.ts';
import {
  currentRoundStart,
  wallClockDays,
  type MarDays,
} from '../../../electron/core/print/mar-window.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import {
  administration,
  chart,
  context,
  manifest,
  medication,
  pageTexts,
  renderToBuffer,
} from './fixtures.ts';

const timeZone = 'Europe/Brussels';
const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone };
const LANGUAGES: readonly Language[] = ['fr', 'nl', 'de', 'en'];
const HOUR = 3_600_000;

const timing = (repeat: object) => JSON.stringify({ repeat });

const potassium = medication({
  id: 'kcl',
  drug: 'Chlorure de potassium',
  dose: 20,
  doseUnit: 'mmol',
  route: 'IV',
  timing: timing({ frequency: 2, period: 1, periodUnit: 'd' }),
  instructions: 'Dans 500 mL NaCl 0,9 % sur 4 h, jamais en bolus',
  prescriber: 'Dr Delacroix',
  start: '2026-11-27T08:00:00Z',
  highAlert: true,
});
const amoxicillin = medication({
  id: 'amox',
  drug: 'Amoxicilline-acide clavulanique',
  code: 'J01CR02',
  dose: 1,
  doseUnit: 'g',
  route: 'IV',
  timing: timing({ frequency: 1, period: 8, periodUnit: 'h' }),
  instructions: '1 g IV q8h',
  start: '2026-11-28T06:00:00Z',
  lastGiven: '2026-12-01T11:00:00Z',
});
const methotrexate = medication({
  id: 'mtx',
  drug: 'Méthotrexate',
  dose: 15,
  doseUnit: 'mg',
  route: 'PO',
  timing: timing({ frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['fri'] }),
  instructions: 'Une fois par SEMAINE, le vendredi',
  highAlert: true,
});
const furosemide = medication({
  id: 'furo',
  drug: 'Furosémide',
  dose: 40,
  doseUnit: 'mg',
  route: 'IV',
  status: 'on-hold',
  state: 'held',
  timing: timing({ frequency: 2, period: 1, periodUnit: 'd' }),
  instructions: 'Suspendu : créatinine en hausse',
});
const morphine = medication({
  id: 'morph',
  drug: 'Morphine',
  dose: 2.5,
  doseUnit: 'mg',
  route: 'SC',
  prn: true,
  prnReason: 'douleur EVA > 4',
  maxDose: '15 mg / 24 h',
  timing: timing({ frequency: 1, period: 4, periodUnit: 'h' }),
  instructions: '2,5 mg SC si douleur, max 15 mg/24 h',
  highAlert: true,
});
const insulin = medication({
  id: 'ins',
  drug: 'Insuline asparte',
  code: 'A10AB05',
  doseText: '0–8 UI',
  route: 'SC',
  timing: timing({ when: ['ACM', 'ACD', 'ACV'] }),
  instructions: 'Selon glycémie : < 150 mg/dL 0 UI ; 150–199 : 2 UI ; ≥ 300 : 8 UI et appeler',
  highAlert: true,
});
const unschedulable = medication({
  id: 'odd',
  drug: 'Lactulose',
  dose: 10,
  doseUnit: 'mL',
  timing: JSON.stringify({ code: { text: 'selon transit' } }),
  instructions: 'selon transit',
});
const stopped = medication({
  id: 'old',
  drug: 'Céfazoline',
  status: 'stopped',
  state: 'recently-stopped',
  end: '2026-12-01T06:00:00Z',
});
const longStopped = medication({
  id: 'older',
  drug: 'Ancien traitement',
  status: 'stopped',
  state: 'recently-stopped',
  end: '2026-11-20T06:00:00Z',
});
const orders: ChartMedication[] = [
  potassium,
  amoxicillin,
  methotrexate,
  furosemide,
  morphine,
  insulin,
  unschedulable,
  stopped,
  longStopped,
];

const administrations: Administration[] = [
  administration({
    orderId: 'morph',
    drug: 'Morphine',
    dose: '2.5 mg',
    route: 'SC',
    at: '2026-12-01T06:53:00Z',
  }),
  administration({
    orderId: 'kcl',
    drug: 'Chlorure de potassium',
    dose: '20 mmol',
    route: 'IV',
    at: '2026-12-01T07:00:00Z',
    status: 'not-done',
    note: 'patient absent',
  }),
];

const asOf = new Date('2026-12-01T08:19:00Z');
const printed = { ...context, manifest: { ...manifest, dataAsOf: asOf.toISOString() } };

async function printMar(
  charts: ReturnType<typeof chart>[],
  options: { language?: Language; start?: Date; days?: MarDays; printedAt?: Date } = {},
): Promise<{ texts: string[]; pages: number }> {
  const window = wallClockDays(
    options.start ?? new Date('2026-12-01T08:00:00Z'),
    options.days ?? 1,
    timeZone,
  );
  const sheets = charts.map((c) => marSheetFromChart(c, window, clock, asOf));
  const { pdf, pages } = await renderToBuffer(
    (t) => marReport({ scope: 'CHU Test — Chirurgie 2A', window, sheets }, t, timeZone),
    {
      ...printed,
      language: options.language ?? 'en',
      printedAt: options.printedAt ?? new Date('2026-12-01T09:22:00Z'),
    },
  );
  return { texts: await pageTexts(pdf), pages };
}

/** Whitespace run together, on both sides of a comparison: `\s` covers French no-break spaces. */
const running = (text: string): string => text.replace(/\s+/g, ' ');
const patient = (n: number) => chart(n, { medications: orders, administrations });

describe('MAR: the window is wall-clock days', () => {
  it('runs a sheet started at 19:00 on 24 October 2026 to 19:00 on the 25th: 25 hours across the change', () => {
    const start = new Date('2026-10-24T17:00:00Z'); // 19:00 CEST
    const { end } = wallClockDays(start, 1, timeZone);
    expect(end.toISOString()).toBe('2026-10-25T18:00:00.000Z'); // 19:00 CET
    expect((end.getTime() - start.getTime()) / HOUR).toBe(25);
    // The next evening's sheet starts where this one ends: no dose on no sheet, none on two.
    expect(wallClockDays(end, 1, timeZone).start).toEqual(end);
  });

  it('runs a sheet started at 19:00 on 28 March 2026 to 19:00 on the 29th: 23 hours', () => {
    const start = new Date('2026-03-28T18:00:00Z'); // 19:00 CET
    const { end } = wallClockDays(start, 1, timeZone);
    expect(end.toISOString()).toBe('2026-03-29T17:00:00.000Z'); // 19:00 CEST
    expect((end.getTime() - start.getTime()) / HOUR).toBe(23);
    expect(wallClockDays(start, 7, timeZone).end.toISOString()).toBe('2026-04-04T17:00:00.000Z');
  });

  it('puts the 18:00 dose of 25 October on the sheet that started the evening before', async () => {
    const q6h = medication({
      id: 'q6',
      drug: 'Paracétamol',
      dose: 1,
      doseUnit: 'g',
      timing: timing({ frequency: 4, period: 1, periodUnit: 'd' }),
    });
    const { texts } = await printMar([chart(1, { medications: [q6h] })], {
      start: new Date('2026-10-24T17:00:00Z'),
    });
    const text = texts.join('\n');
    expect(text).toContain('From 2026-10-24 19:00 to 2026-10-25 19:00');
    // 4×/day is 08, 12, 16, 20: 20:00 on the 24th, then the four of the 25th up to 16:00.
    expect(text.match(/^(08|12|16|20):00$/gm)).toEqual(['20:00', '08:00', '12:00', '16:00']);
  });

  it('starts at the current round: the 08:00 round is on a sheet printed at 09:22', () => {
    const rounds = ['07:00', '15:00', '22:00'];
    const at = (iso: string) => currentRoundStart(new Date(iso), rounds, timeZone).toISOString();
    expect(at('2026-12-01T08:22:00Z')).toBe('2026-12-01T06:00:00.000Z'); // 09:22 → 07:00
    expect(at('2026-12-01T05:00:00Z')).toBe('2026-11-30T21:00:00.000Z'); // 06:00 → 22:00 yesterday
    expect(at('2026-12-01T14:00:00Z')).toBe('2026-12-01T14:00:00.000Z'); // 15:00 → 15:00
  });
});

describe('MAR: an hourly order on the autumn night', () => {
  it('gives a q1h order 25 boxes on 25 October, the repeated 02:00 twice with its UTC offset', async () => {
    const hourly = medication({
      id: 'q1h',
      drug: 'Salbutamol nébulisation',
      dose: 2.5,
      doseUnit: 'mg',
      start: '2026-10-20T08:00:00Z',
      timing: timing({ frequency: 1, period: 1, periodUnit: 'h' }),
    });
    const start = new Date('2026-10-24T22:00:00Z'); // 00:00 CEST, a 25-hour day
    const { texts } = await printMar([chart(1, { medications: [hourly] })], {
      language: 'fr',
      start,
      printedAt: new Date('2026-10-24T21:00:00Z'),
    });
    const text = running(texts.join('\n'));
    expect(text).toContain('02:00 UTC+2');
    expect(text).toContain('02:00 UTC+1');
    const times = text.match(/\b\d\d:00\b(?! UTC)/gu) ?? [];
    // Every hour of the wall clock once, 02:00 twice (with offsets): 25 boxes in all.
    for (const hour of ['00', '01', '03', '12', '23']) expect(times).toContain(`${hour}:00`);
  });
});

describe.each(LANGUAGES)('MAR in %s', (language) => {
  const t = translator(language);

  it('gives every patient their own pages, numbered per patient, with the identity on each', async () => {
    const { texts } = await printMar([patient(1), patient(2), chart(3)], { language });
    const mrns = ['100001', '100002', '100003'];
    for (const text of texts) {
      const on = mrns.filter((mrn) => text.includes(mrn));
      expect(on).toHaveLength(1);
      expect(text).toMatch(new RegExp(t('mar.patientPage', { page: '\\d', pages: '\\d' })));
      expect(running(text)).toContain(t('mar.nameSignature'));
    }
    for (const mrn of mrns) {
      const own = texts.filter((text) => text.includes(mrn));
      own.forEach((text, i) =>
        expect(text).toContain(t('mar.patientPage', { page: i + 1, pages: own.length })),
      );
    }
    expect(texts.filter((text) => text.includes('100001')).length).toBeGreaterThan(1);
  });

  it('prints every order’s own text, prescriber, frequency in words and antibiotic day', async () => {
    const { texts } = await printMar([patient(1)], { language });
    const text = running(texts.join('\n'));
    for (const order of orders.slice(0, 7))
      expect(text).toContain(running(t('mar.orderText', { text: order.instructions ?? '' })));
    expect(text).toContain(t('mar.prescriber', { name: 'Dr Delacroix' }));
    expect(text).toContain(t('frequency.every.h', { n: 8 }));
    expect(text).toContain(t('frequency.times.d', { n: 2 }));
    expect(text).toContain(t('mar.antibioticDay', { day: 4 }));
    expect(text).toContain(t('mar.highAlertCheck'));
    expect(text).not.toContain('ACM');
    expect(text).toContain(t('when.ACM'));
  });

  it("prints the source's reason for a hold beside the held order, never a box to sign", async () => {
    const held = medication({
      id: 'enox',
      drug: 'Énoxaparine',
      dose: 40,
      doseUnit: 'mg',
      route: 'SC',
      status: 'on-hold',
      state: 'held',
      statusReason: 'ponction lombaire prévue',
      timing: timing({ frequency: 1, period: 1, periodUnit: 'd' }),
    });
    const { texts } = await printMar([chart(1, { medications: [held] })], { language });
    const text = running(texts.join('\n'));
    const block = text.slice(text.indexOf(running(t('mar.held'))));
    expect(block).toContain(running(t('mar.heldReason', { reason: 'ponction lombaire prévue' })));
    expect(block).not.toContain(running(t('mar.heldDoNotGive')));
    expect(block).not.toContain(t('mar.timeGiven'));
  });

  it('prints held orders as "do not give" with no boxes, and orders to check apart', async () => {
    const { texts } = await printMar([patient(1)], { language });
    const text = texts.join('\n');
    const held = text.slice(text.indexOf(t('mar.held')), text.indexOf(t('mar.check')));
    expect(held).toContain('Furosémide');
    expect(held).toContain('Suspendu : créatinine en hausse');
    expect(held).not.toContain(t('mar.initials'));
    expect(held).not.toContain(t('mar.timeGiven'));
    const check = text.slice(text.indexOf(t('mar.check')), text.indexOf(t('mar.scheduled')));
    expect(check).toContain('Lactulose');
    expect(check).toContain(t('mar.noSchedule'));
    expect(check).not.toContain(t('mar.initials'));
    // Stopped in the last 24 h is listed as stopped; stopped long ago is history.
    expect(text).toContain(t('mar.stopped'));
    expect(text).toContain('Céfazoline');
    expect(text).not.toContain('Ancien traitement');
  });

  it('says why each order is to check: its standing, and why its timing cannot be placed', async () => {
    const draft = medication({
      id: 'draft',
      drug: 'Vancomycine',
      dose: 1,
      doseUnit: 'g',
      status: 'draft',
      state: 'draft',
      timing: JSON.stringify({ code: { text: 'selon taux' } }),
    });
    const unknown = medication({
      id: 'unk',
      drug: 'Digoxine',
      dose: 0.125,
      doseUnit: 'mg',
      status: 'unknown',
      state: 'status-unknown',
      timing: timing({ frequency: 1, period: 1, periodUnit: 'd' }),
    });
    const step = (sequence: number, dose: number, repeat: object) => ({
      ...NO_DOSE,
      sequence,
      text: null,
      dose,
      doseUnit: 'mg',
      timing: timing(repeat),
    });
    const loading = medication({
      id: 'load',
      drug: 'Adalimumab',
      start: '2026-11-29T00:00:00Z',
      doseLines: [
        step(1, 80, { boundsDuration: { value: 1, code: 'wk' } }),
        step(2, 40, { frequency: 1, period: 2, periodUnit: 'wk' }),
      ],
    });
    const charted = chart(1, { medications: [draft, unknown, loading] });
    const { texts } = await printMar([charted], { language });
    const text = running(texts.join('\n'));
    const block = (drug: string) =>
      text.slice(text.indexOf(drug)).split(/Vancomycine|Digoxine|Adalimumab/u)[1] ?? '';
    // Not validated and its timing not computable: both, so the prescriber is asked once.
    expect(block('Vancomycine')).toContain(running(t('orderState.draft')));
    expect(block('Vancomycine')).toContain(running(t('mar.noSchedule')));
    // Status unknown, a timing that could be computed: its standing only.
    expect(block('Digoxine')).toContain(running(t('orderState.status-unknown')));
    expect(block('Digoxine')).not.toContain(running(t('mar.noSchedule')));
    // Active, its first line without a rhythm: which line, and why.
    const line1 = t('scheduleProblem.onLine', {
      line: 1,
      problem: t('scheduleProblem.no-frequency'),
    });
    expect(block('Adalimumab')).toContain(running(line1));
    expect(block('Adalimumab')).not.toContain(running(t('mar.notToGive')));
  });

  it('shows the last 24 h before the grid, "not given" with its reason', async () => {
    // A sheet from 09:00 on data of 09:19: the list runs to the data's time.
    const { texts } = await printMar([patient(1)], { language });
    const text = running(texts.join('\n'));
    const title = t('mar.lastDaySince', { from: '2026-11-30 09:00', to: '2026-12-01 09:19' });
    const lastDay = text.indexOf(running(title));
    expect(lastDay).toBeGreaterThan(-1);
    expect(lastDay).toBeLessThan(text.indexOf(t('mar.scheduled')));
    expect(text).toContain(`${t('mar.notGiven')} — patient absent`);
    expect(text).toContain('2026-12-01 07:53');
    // A sheet starting after the data says "the 24 h before this sheet".
    const later = await printMar([patient(1)], {
      language,
      start: new Date('2026-12-01T09:00:00Z'),
    });
    expect(running(later.texts.join('\n'))).toContain(running(t('mar.lastDay')));
  });

  it('lists the doses already given since a sheet started at the round, before its boxes', async () => {
    // Started at 07:00 (the round), data of 09:19: the 07:53 morphine and the 08:00 potassium
    // not given are after the start — on the sheet, never only blank boxes to give again.
    const { texts } = await printMar([patient(1)], {
      language,
      start: new Date('2026-12-01T06:00:00Z'),
    });
    const text = running(texts.join('\n'));
    expect(text).toContain(
      running(t('mar.lastDaySince', { from: '2026-11-30 07:00', to: '2026-12-01 09:19' })),
    );
    const grid = text.indexOf(t('mar.scheduled'));
    expect(text.indexOf('2026-12-01 07:53')).toBeLessThan(grid);
    expect(text.indexOf(`${t('mar.notGiven')} — patient absent`)).toBeLessThan(grid);
  });

  it('gives PRN their indication, maximum, last dose and six write-in rows with a 24 h total', async () => {
    const { texts } = await printMar([patient(1)], { language });
    const text = running(texts.join('\n'));
    expect(text).toContain(running(t('prn.reason', { reason: 'douleur EVA > 4' })));
    expect(text).toContain(running(t('maxDose.is', { limit: formatMaxDose('15 mg / 24 h', t) })));
    // The stored "2.5 mg" said as a dose, in the reader's decimals.
    const dose = language === 'en' ? '2.5 mg' : '2,5 mg';
    expect(text).toContain(
      running(
        t('mar.prnDayList', {
          given: t('prn.given', { time: '2026-12-01 09:19' }),
          list: `2026-12-01 07:53 ${dose}`,
        }),
      ),
    );
    expect(text).toContain(running(t('prn.total', { total: dose, max: '15 mg' })));
    expect(text).toContain(t('mar.total24h'));
  });

  it('marks the weekly drug with its day on a sheet where it is not due', async () => {
    // 2026-12-01 is a Tuesday: methotrexate (Fridays) is not due on this sheet.
    const { texts } = await printMar([patient(1)], { language });
    const text = running(texts.join('\n'));
    expect(text).toContain(t('mar.weeklyOn', { days: t('weekday.fri') }));
    expect(text).toContain(t('mar.notDueInWindow'));
  });

  it('flags an interval order whose last dose is less than half an interval before the next time', async () => {
    // Amoxicillin q8h: last given 12:00 local, next on the clock 14:00.
    const { texts } = await printMar([patient(1)], { language });
    expect(running(texts.join('\n'))).toContain(t('interval.tooSoon', { time: '12:00' }));
  });

  it('prints the sliding scale with glucose and units rows', async () => {
    const { texts } = await printMar([patient(1)], { language });
    const text = running(texts.join('\n'));
    expect(text).toContain(t('mar.glucose'));
    expect(text).toContain(t('mar.units'));
    expect(text).toContain('Selon glycémie : < 150 mg/dL 0 UI');
  });

  it('prints an infusion’s rate with its mL/h from the concentration and the band’s weight', async () => {
    const noradrenaline = medication({
      id: 'nora',
      drug: 'Noradrénaline',
      route: 'IV',
      rate: 0.1,
      rateUnit: 'ug/kg/min',
      continuous: true,
      concentration: '4 mg / 50 mL',
      instructions: 'Noradrénaline 4 mg dans 50 mL NaCl 0,9 %, PAM > 65 mmHg',
      highAlert: true,
    });
    const saline = medication({
      id: 'nacl',
      drug: 'NaCl 0,9 %',
      route: 'IV',
      rateText: '80–120 mL/h',
      continuous: true,
    });
    const { texts } = await printMar([chart(1, { medications: [noradrenaline, saline] })], {
      language,
    });
    // NFKC: the font's micro sign comes back from pdftotext as the Greek mu.
    const text = running(texts.join('\n')).normalize('NFKC');
    // The band's weight is 61,5 kg: 0,1 µg/kg/min × 61,5 kg × 60 ÷ 80 µg/mL = 4,6125 mL/h.
    const kg = language === 'en' ? '61.5' : '61,5';
    const perMin = language === 'en' ? '0.1' : '0,1';
    const rate = `${perMin} µg/kg/min = ${t('infusion.forWeight', { rate: `${language === 'en' ? '4.61' : '4,61'} mL/h`, weight: kg })}`;
    expect(text).toContain(running(t('infusion.rateIs', { value: rate })).normalize('NFKC'));
    expect(text).toContain(running(t('infusion.concentrationIs', { value: '4 mg/50 mL' })));
    // A range is said as written, with nothing computed beside it.
    expect(text).toContain(running(t('infusion.rateIs', { value: '80–120 mL/h' })));
    expect(text).not.toMatch(/80–120 mL\/h =/);
  });

  it('lays 3 days out as columns with their dates', async () => {
    const { texts } = await printMar([patient(1)], { language, days: 3 });
    const text = texts.join('\n');
    expect(text).toContain(t('mar.titleDays', { days: 3 }));
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03']) expect(text).toContain(date);
    expect(text).toContain(t('weekday.wed'));
  });

  it('puts the stale-data line at the top of every page when the data is old, and not when it is fresh', async () => {
    const old = await printMar([patient(1), patient(2)], {
      language,
      printedAt: new Date('2026-12-04T08:22:00Z'),
      start: new Date('2026-12-04T06:00:00Z'),
    });
    const line = t('stale.line', {
      instruction: t('dataAge.red'),
      age: t('stale.days', { count: 3 }),
      dataAsOf: '2026-12-01 09:19',
    });
    expect(old.texts.length).toBeGreaterThan(2);
    for (const text of old.texts) expect(running(text)).toContain(running(line));
    const fresh = await printMar([patient(1)], { language });
    for (const text of fresh.texts) expect(text).not.toContain(line.slice(0, 12));
  });
});
