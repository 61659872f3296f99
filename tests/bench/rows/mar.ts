/**
 * `mar`: the 24-hour MAR worksheet of a ward of about 30 patients through the API
 * (`renderReport`), against Chromium printing the same content as HTML with `page.pdf()`
 * (building the HTML included, browser start not).
 */
import type { Ward } from '../../../electron/core/model.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { handoverWard, type PdfBrowser, sheetContent } from './handover.ts';
import { marHtml } from './mar-html.ts';

const TARGET_PATIENTS = 30;

export async function measureMar(
  scale: number,
  viewer: BenchViewer,
  wards: readonly Ward[],
  pdf: PdfBrowser,
  repeat: Repeat,
): Promise<Row> {
  const ward = handoverWard(wards, TARGET_PATIENTS);
  const { charts, footer, now } = await sheetContent(viewer, ward);
  const request = {
    report: 'mar',
    wardId: ward.id,
    paper: 'A4',
    language: 'en',
    start: now,
  } as const;
  let pages = 0;
  const ours = {
    run: async () => {
      pages = (await viewer.call('renderReport', request)).pages;
    },
  };
  const doses = charts.reduce(
    (n, c) => n + c.medications.reduce((m, o) => m + o.nextDue.length, 0),
    0,
  );
  const note = () => `${ward.censusCount} patients, ${doses} doses, ${pages} pages`;
  if ('unavailable' in pdf) {
    const { ours: alone } = await sideBySide(repeat, ours, { run: () => undefined });
    return medianRow(
      'mar',
      scale,
      'ms',
      { ours: alone, baseline: null },
      `${note()}; baseline skipped: ${pdf.unavailable}`,
    );
  }
  const t = translator('en');
  const measured = await sideBySide(repeat, ours, {
    run: async () => {
      const sheet = marHtml(t, `${ward.siteName} — ${ward.name}`, charts, new Date(now), footer);
      await pdf.page.setContent(sheet.html);
      await pdf.page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: sheet.footer,
        margin: { top: '0.5in', bottom: '0.67in', left: '0.5in', right: '0.5in' },
      });
    },
  });
  return medianRow('mar', scale, 'ms', measured, note());
}
