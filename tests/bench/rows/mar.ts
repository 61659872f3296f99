/**
 * `mar`: the 24-hour MAR worksheet of a ward of about 30 patients through the API
 * (`renderReport`), against Chromium printing the same pages as HTML with `page.pdf()`
 * (recorded-report.ts; browser start not timed).
 */
import type { Ward } from '../../../electron/core/model.ts';
import type { Fixture } from '../fixture.ts';
import type { Row } from '../row.ts';
import type { Repeat } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { handoverWard, measureReport, type PdfBrowser } from './handover.ts';

const TARGET_PATIENTS = 30;

export async function measureMar(
  scale: number,
  viewer: BenchViewer,
  fixture: Fixture,
  wards: readonly Ward[],
  pdf: PdfBrowser,
  repeat: Repeat,
): Promise<Row> {
  const ward = handoverWard(wards, TARGET_PATIENTS);
  const { now } = await viewer.call('getStatus', {});
  const request = {
    report: 'mar',
    wardId: ward.id,
    paper: 'A4',
    language: 'en',
    start: now,
  } as const;
  let doses = 0;
  for (const row of await viewer.call('census', { wardId: ward.id })) {
    const chart = await viewer.call('chart', { patientId: row.patientId });
    doses += chart.medications.reduce((n, o) => n + o.nextDue.length, 0);
  }
  return measureReport(
    'mar',
    scale,
    viewer,
    fixture,
    request,
    pdf,
    repeat,
    (pages) => `${ward.censusCount} patients, ${doses} doses, ${pages} pages`,
  );
}
