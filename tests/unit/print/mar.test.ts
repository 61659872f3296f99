import { describe, expect, it } from 'vitest';
import type { ChartMedication } from '../../../electron/core/model.ts';
import { marReport, marSheetFromChart } from '../../../electron/core/print/mar.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { expandTiming } from '../../../electron/core/schedule/expand.ts';
import { chart, context, medication, pageTexts, renderToBuffer } from './fixtures.ts';

const timeZone = 'Europe/Brussels';
// 24 h across the spring-forward change (2026-03-29 02:00 CET → 03:00 CEST): 19:00 CET to 20:00 CEST.
const window = { start: new Date('2026-03-28T18:00:00Z'), end: new Date('2026-03-29T18:00:00Z') };

/** An order as the chart query gives it: its times expanded by the site schedule over the window. */
function ordered(
  fields: Partial<ChartMedication> & Pick<ChartMedication, 'id' | 'drug'>,
  timing: unknown,
): ChartMedication {
  const result = expandTiming(timing, window, {
    timeZone,
    adminTimes: DEFAULT_ADMIN_TIMES,
    prn: fields.prn ?? false,
  });
  return medication({
    ...fields,
    timing: JSON.stringify(timing),
    nextDue: result.kind === 'times' ? result.times.map((d) => d.toISOString()) : [],
    scheduleProblem: result.kind === 'unscheduled' ? result.problem : null,
  });
}

const orders = [
  ordered(
    { id: 'o1', drug: 'Amoxicilline', dose: 1, doseUnit: 'g', route: 'IV' },
    { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
  ),
  ordered(
    { id: 'o2', drug: 'Morphine', dose: 2.5, doseUnit: 'mg', route: 'SC', highAlert: true },
    { repeat: { frequency: 1, period: 6, periodUnit: 'h' } },
  ),
  ordered(
    { id: 'o3', drug: 'Insuline asparte', doseText: 'selon schéma', route: 'SC', highAlert: true },
    { repeat: { when: ['ACM', 'ACD', 'ACV'] } },
  ),
  ordered(
    {
      id: 'o4',
      drug: 'Paracétamol',
      dose: 1,
      doseUnit: 'g',
      route: 'PO',
      prn: true,
      prnReason: 'douleur ou T° ≥ 38,5 °C',
      maxDose: '4 g / 24 h',
      frequency: 'toutes les 6 h',
    },
    { repeat: { frequency: 1, period: 6, periodUnit: 'h' } },
  ),
  ordered(
    {
      id: 'o5',
      drug: 'Furosémide',
      dose: 40,
      doseUnit: 'mg',
      route: 'PO',
      frequency: 'selon diurèse',
    },
    { code: { text: 'selon diurèse' } },
  ),
  medication({ id: 'o6', drug: 'Ancien traitement', status: 'stopped', nextDue: [] }),
];
const patient = chart(1, { medications: orders });

/** [date, time, drug] for every dose row, read off the printed page. */
function doseRows(lines: string[]): string[][] {
  const rows: string[][] = [];
  let date = '';
  lines.forEach((line, i) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(line)) date = line;
    else if (/^\d{2}:\d{2}$/.test(line)) rows.push([date, line, lines[i + 1] ?? '']);
  });
  return rows;
}

describe('MAR worksheet', () => {
  it('prints one row per scheduled dose, at the wall-clock times the schedule expands to across the DST change', async () => {
    const sheet = marSheetFromChart(patient, window);
    const { pdf } = await renderToBuffer(
      (t) =>
        marReport(
          { scope: 'CHU Test — Médecine interne 3B', window, sheets: [sheet] },
          t,
          timeZone,
        ),
      { ...context, language: 'fr' },
    );
    const lines = (await pageTexts(pdf)).join('\n').split('\n');
    expect(doseRows(lines)).toEqual([
      ['2026-03-28', '20:00', 'Amoxicilline'],
      ['2026-03-29', '00:00', 'Morphine'],
      ['2026-03-29', '06:00', 'Morphine'],
      ['2026-03-29', '07:30', 'Insuline asparte'],
      ['2026-03-29', '08:00', 'Amoxicilline'],
      ['2026-03-29', '11:30', 'Insuline asparte'],
      ['2026-03-29', '12:00', 'Morphine'],
      ['2026-03-29', '17:30', 'Insuline asparte'],
      ['2026-03-29', '18:00', 'Morphine'],
    ]);
    const expanded =
      orders.reduce((sum, o) => sum + o.nextDue.length, 0) - orders[3]!.nextDue.length;
    expect(doseRows(lines)).toHaveLength(expanded);
    expect(lines.join('\n')).toContain('Du 2026-03-28 19:00 au 2026-03-29 20:00');
  });

  it('shows the window, flags high-alert drugs, lists PRN with reason and limits, and flags unschedulable orders', async () => {
    const sheet = marSheetFromChart(patient, window);
    const { pdf } = await renderToBuffer((t) =>
      marReport({ scope: 'CHU Test — Médecine interne 3B', window, sheets: [sheet] }, t, timeZone),
    );
    // Table cells wrap: read the page as running text.
    const text = (await pageTexts(pdf)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(
      'CHU Test — Médecine interne 3B — From 2026-03-28 19:00 to 2026-03-29 20:00',
    );
    expect(text.match(/⚠ HIGH RISK/g)).toHaveLength(7);
    const prn = text.slice(text.indexOf('As needed (PRN)'));
    expect(prn).toContain('Paracétamol');
    expect(prn).toContain('douleur ou T° ≥ 38,5 °C');
    expect(prn).toContain('Max 4 g / 24 h; every 6 h');
    const flagged = text.slice(
      text.indexOf('⚠ Orders without a computable schedule — check with the prescriber'),
    );
    expect(flagged).toContain('Furosémide');
    expect(flagged).toContain('selon diurèse');
    expect(flagged).toMatch(/⚠ the timing code “selon diurèse” cannot be scheduled/);
    expect(text).not.toContain('Ancien traitement');
  });

  it('says so when a patient has no dose due in the window', async () => {
    const sheet = marSheetFromChart(chart(2), window);
    const { pdf } = await renderToBuffer((t) =>
      marReport({ scope: 'CHU Test', window, sheets: [sheet] }, t, timeZone),
    );
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain('No scheduled doses in this window.');
    expect(text).toContain('MRN 100002');
    expect(text).toContain('Allergies: Penicillin2 (anaphylaxis)');
  });
});
