/**
 * `handover`: the I-PASS handover PDF of a full ward through the API (`renderReport`: charts
 * read in the engine worker, laid out and drawn with pdfkit), against Chromium printing the
 * same content as HTML with `page.pdf()` (building the HTML included, browser start not).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Chart, Ward } from '../../../electron/core/model.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';
import { handoverHtml } from './handover-html.ts';

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

/** What both Chromium baselines print: the ward's charts and the footer's facts. */
export async function sheetContent(
  viewer: BenchViewer,
  ward: Ward,
): Promise<{
  charts: Chart[];
  footer: { dataAsOf: string; printedAt: string; user: string };
  now: string;
}> {
  const census = await viewer.call('census', { wardId: ward.id });
  const charts: Chart[] = [];
  for (const row of census) charts.push(await viewer.call('chart', { patientId: row.patientId }));
  const status = await viewer.call('getStatus', {});
  const footer = {
    dataAsOf: status.current?.dataAsOf.slice(0, 16).replace('T', ' ') ?? '',
    printedAt: status.now.slice(0, 16).replace('T', ' '),
    user: status.user ?? '',
  };
  return { charts, footer, now: status.now };
}

export async function measureHandover(
  scale: number,
  viewer: BenchViewer,
  wards: readonly Ward[],
  pdf: PdfBrowser,
  repeat: Repeat,
): Promise<Row> {
  const ward = handoverWard(wards);
  const request = { report: 'handover', wardId: ward.id, paper: 'A4', language: 'en' } as const;
  let pages = 0;
  const ours = {
    run: async () => {
      pages = (await viewer.call('renderReport', request)).pages;
    },
  };
  const note = () => `${ward.censusCount} patients, ${pages} pages`;
  if ('unavailable' in pdf) {
    const { ours: alone } = await sideBySide(repeat, ours, { run: () => undefined });
    return medianRow(
      'handover',
      scale,
      'ms',
      { ours: alone, baseline: null },
      `${note()}; baseline skipped: ${pdf.unavailable}`,
    );
  }

  const { charts, footer } = await sheetContent(viewer, ward);
  const t = translator('en');
  const measured = await sideBySide(repeat, ours, {
    run: async () => {
      const { html, footer: footerTemplate } = handoverHtml(
        t,
        `${ward.siteName} — ${ward.name}`,
        charts,
        footer,
      );
      await pdf.page.setContent(html);
      await pdf.page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate,
        margin: { top: '0.5in', bottom: '0.67in', left: '0.5in', right: '0.5in' },
      });
    },
  });
  return medianRow('handover', scale, 'ms', measured, note());
}
