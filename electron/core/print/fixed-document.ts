/**
 * PDFs whose pages are laid out by position rather than flowed: sticker sheets, wristband
 * strips, the observation chart and the blank registration MAR. Each page has its own size (a
 * registration packet holds an A4 label sheet and a wristband strip) and draws itself; the page
 * count is known before the first page (a page is a small closure over one patient's identity),
 * so one pass is enough. The furniture every report carries — data as of, printed when and by
 * whom, page n/N, the DEMO DATA marks — is drawn by each page where its medium has room for it
 * (the margin of a sheet, the tail of a wristband), from the same footer sentence as the other
 * reports (context.ts).
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { FontFiles } from './fonts.ts';
import { Measure, Pen, type PdfDoc, type TextStyle } from './layout.ts';
import { drawFooter, drawHeader, pageGeometry, staleBlock, type PageSetup } from './document.ts';

export interface FixedPage {
  /** Points. */
  readonly width: number;
  readonly height: number;
  draw(pen: Pen, furniture: Furniture): void;
}

export interface FixedReport {
  readonly title: string;
  readonly pages: readonly FixedPage[];
}

/** What a page must carry besides its content. */
export interface Furniture {
  /** "Downtime copy — data as of … — printed … by … — page n/N". */
  readonly footer: string;
  readonly demo: PageSetup['demo'];
  /** The stale-data line (PageSetup.staleNotice), drawn where a page has the room (A4 pages). */
  readonly stale?: string | null;
}

/** A4 in points, for the pages that are sheets of paper. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export async function writeFixedPdf(
  report: FixedReport,
  setup: PageSetup,
  fonts: FontFiles,
  out: NodeJS.WritableStream,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  const doc: PdfDoc = new PDFDocument({
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    lang: setup.language,
    displayTitle: true,
    info: {
      Title: report.title,
      Creator: 'Downtime Viewer',
      Producer: 'Downtime Viewer',
      CreationDate: setup.createdAt,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const pen = new Pen(doc, new Measure(doc));
  const outFailed = new Promise<never>((_, reject) => out.once('error', reject));
  outFailed.catch(() => undefined);
  doc.on('data', (chunk: Buffer) => out.write(chunk));
  const ended = once(doc, 'end');
  const total = report.pages.length;
  onProgress?.(0, total);
  for (const [i, page] of report.pages.entries()) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    page.draw(pen, {
      footer: setup.footer(i + 1, total),
      demo: setup.demo,
      stale: setup.staleNotice,
    });
    onProgress?.(i + 1, total);
    await Promise.race([new Promise<void>((resolve) => setImmediate(resolve)), outFailed]);
  }
  doc.end();
  await Promise.race([ended, outFailed]);
  out.end();
  await finished(out);
  return { pages: total };
}

/**
 * One line of text shrunk (never cut) to `width`, at most `style.size`: names and footers must be
 * read whole, and a label has no second line to spare.
 */
export function fitText(
  pen: Pen,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
): number {
  const natural = pen.measure.width(text, style);
  const size = natural > width ? (style.size * width) / natural : style.size;
  pen.text(text, x, y, { face: style.face, size });
  return size * 1.22;
}

/** The DEMO DATA watermark scaled to a page of any size (the A4 one is 72 pt). */
export function demoWatermark(pen: Pen, demo: Furniture['demo'], width: number, height: number) {
  if (!demo) return;
  if (width >= 400 && height >= 400) pen.watermark(demo.watermark, width, height);
}

/**
 * An A4 page with the furniture of the flowed reports (title, scope, demo marks, stale-data line,
 * footer) drawn
 * the same way (document.ts), and `body` drawn inside the same printable area.
 */
export function a4Page(
  title: string,
  scope: string,
  body: (pen: Pen, area: { x: number; y: number; width: number; height: number }) => void,
): FixedPage {
  return {
    ...A4,
    draw(pen, furniture) {
      const width = pageGeometry('A4').bodyWidth;
      const notice = furniture.stale ?? null;
      const stale = notice === null ? null : staleBlock(pen.measure, notice, width);
      const g = pageGeometry('A4', { stale, bottom: null });
      drawHeader(pen, { title, scope }, { demo: furniture.demo }, g);
      stale?.draw(pen, g.left, g.staleTop);
      body(pen, { x: g.left, y: g.top, width: g.bodyWidth, height: g.bodyHeight });
      drawFooter(pen, furniture.footer, null, g);
    },
  };
}
