/**
 * `handover`: the I-PASS handover PDF of a full ward through the API (`renderReport`: charts
 * read in the engine worker, laid out and drawn with pdfkit), against Chromium printing the
 * same pages as HTML with `page.pdf()` (recorded-report.ts; browser start not timed).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ReportRequest, Ward } from '../../../electron/core/model.ts';
import type { Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { recordReport } from './recorded-report.ts';

const CHROMIUM = '/usr/bin/chromium';
/** The handover the goal is about: a ward of about 40 patients. */
const TARGET_PATIENTS = 40;

export type PdfBrowser =
  { readonly browser: Browser; readonly page: Page } | { readonly unavailable: string };

export async function launchChromium(): Promise<PdfBrowser> {
  if (!existsSync(CHROMIUM)) return { unavailable: `no Chromium at ${CHROMIUM}` };
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    return { browser, page: await browser.newPage() };
  } catch (e) {
    return {
      unavailable: `Chromium did not start (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    };
  }
}

/** The scoped ward whose census is nearest the target size (the larger one on a tie). */
export function handoverWard(wards: readonly Ward[], target = TARGET_PATIENTS): Ward {
  const scoped = wards.filter((w) => w.inScope && w.censusCount > 0);
  const best = scoped.sort(
    (a, b) =>
      Math.abs(a.censusCount - target) - Math.abs(b.censusCount - target) ||
      b.censusCount - a.censusCount,
  )[0];
  if (!best) throw new Error('no ward with patients in the export scope');
  return best;
}

/**
 * One report through the API (ours) against Chromium printing the pages it draws (the
 * baseline), side by side; `note` describes the row.
 */
export async function measureReport(
  id: 'handover' | 'mar',
  scale: number,
  viewer: BenchViewer,
  fixture: Fixture,
  request: ReportRequest & { paper: 'A4' | 'Letter' },
  pdf: PdfBrowser,
  repeat: Repeat,
  note: (pages: number) => string,
): Promise<Row> {
  let pages = 0;
  const ours = {
    run: async () => {
      pages = (await viewer.call('renderReport', request)).pages;
    },
  };
  if ('unavailable' in pdf) {
    const { ours: alone } = await sideBySide(repeat, ours, { run: () => undefined });
    return medianRow(
      id,
      scale,
      'ms',
      { ours: alone, baseline: null },
      `${note(pages)}; baseline skipped: ${pdf.unavailable}`,
    );
  }
  const status = await viewer.call('getStatus', {});
  const recorded = await recordReport(fixture, request, {
    at: new Date(status.now),
    by: status.user ?? '',
  });
  const measured = await sideBySide(repeat, ours, {
    run: async () => {
      await pdf.page.setContent(recorded.html);
      await pdf.page.pdf({ preferCSSPageSize: true, printBackground: true });
    },
  });
  if (recorded.pages !== pages) {
    throw new Error(`the recorded ${id} has ${recorded.pages} pages, ours ${pages}`);
  }
  return medianRow(id, scale, 'ms', measured, note(pages));
}

export async function measureHandover(
  scale: number,
  viewer: BenchViewer,
  fixture: Fixture,
  wards: readonly Ward[],
  pdf: PdfBrowser,
  repeat: Repeat,
): Promise<Row> {
  const ward = handoverWard(wards);
  const request = { report: 'handover', wardId: ward.id, paper: 'A4', language: 'en' } as const;
  return measureReport(
    'handover',
    scale,
    viewer,
    fixture,
    request,
    pdf,
    repeat,
    (pages) => `${ward.censusCount} patients, ${pages} pages`,
  );
}
