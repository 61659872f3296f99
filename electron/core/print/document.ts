/**
 * Turns a laid-out report into PDF bytes on a stream, with the page furniture every page carries:
 * title, site and ward at the top; "Downtime copy — data as of … — printed … by … — page n/N" at
 * the bottom; the DEMO DATA marking on demo exports.
 *
 * Why two passes: the footer needs N, the total page count, on page 1, but a 3,000-page
 * document must stream with flat memory, so pages cannot be buffered until the end (pdfkit's
 * `bufferPages` keeps every page in memory). Pass 1 builds the blocks against the font metrics
 * and runs the paginator, keeping only a page count — no drawing, no output. Pass 2 builds the
 * same blocks again, runs the same paginator (a pure function of block heights, so the page
 * breaks are identical), draws each page, and lets pdfkit flush it to `out` before the next one
 * starts. Report data is read lazily by the builders in both passes (one patient at a time), so
 * memory holds one page and one patient, never the document. The cost is building the blocks
 * twice, which is cheap next to drawing and compressing the pages.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { Paper } from '../model.ts';
import { AppError } from '../errors.ts';
import type { FontFiles } from './fonts.ts';
import {
  Measure,
  paginate,
  Pen,
  type Face,
  type PdfDoc,
  type Section,
  type TextStyle,
} from './layout.ts';
import { parsedFont, trimFontCaches, type ParsedFont } from './pdfkit-internals.ts';

/** What a report builder produces: a title, its scope line, and its sections on demand. */
export interface ReportDocument {
  readonly title: string;
  /** Site, ward, time window: the second header line. */
  readonly scope: string;
  /**
   * The report's sections laid out at `width`. Called once per pass: must give the same
   * sections each time (so iterate re-readable data, not a one-shot stream).
   */
  sections(measure: Measure, width: number): Iterable<Section>;
}

export interface PageSetup {
  readonly paper: Paper;
  /** The footer line for page `page` of `pages`. */
  readonly footer: (page: number, pages: number) => string;
  /** Demo export: a banner in the header and a watermark on every page. */
  readonly demo: { readonly banner: string; readonly watermark: string } | null;
  /** Document metadata. */
  readonly language: string;
  readonly createdAt: Date;
}

const PAPER: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

const MARGIN = 36;
const TITLE: TextStyle = { face: 'bold', size: 13 };
const SCOPE: TextStyle = { face: 'regular', size: 9 };
const BANNER: TextStyle = { face: 'bold', size: 9 };
const FOOTER_SIZE = 7.5;
const HEADER_HEIGHT = 36;
const FOOTER_HEIGHT = 16;
const GUTTER = 8;

/** The printable body of a page, between header and footer. */
export function pageGeometry(paper: Paper) {
  const { width, height } = PAPER[paper];
  const top = MARGIN + HEADER_HEIGHT + GUTTER;
  const footerTop = height - MARGIN - FOOTER_HEIGHT;
  return {
    width,
    height,
    left: MARGIN,
    top,
    bodyWidth: width - 2 * MARGIN,
    bodyHeight: footerTop - GUTTER - top,
    footerTop,
  };
}

/** Fonts already parsed by an earlier document, per set of font files (see pdfkit-internals.ts). */
const parsedFonts = new WeakMap<FontFiles, Record<Face, ParsedFont | Buffer>>();

function createPdf(fonts: FontFiles, setup: PageSetup, title: string): PdfDoc {
  const doc = new PDFDocument({
    size: setup.paper,
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    lang: setup.language,
    displayTitle: true,
    info: {
      Title: title,
      Creator: 'Downtime Viewer',
      Producer: 'Downtime Viewer',
      CreationDate: setup.createdAt,
    },
  });
  const faces = parsedFonts.get(fonts) ?? fonts;
  // pdfkit's types list only file sources; it takes a parsed font the same way.
  doc.registerFont('regular', faces.regular as Buffer);
  doc.registerFont('bold', faces.bold as Buffer);
  return doc;
}

/** Keeps the fonts `doc` parsed for the documents that follow. */
function rememberParsedFonts(fonts: FontFiles, doc: PdfDoc): void {
  if (parsedFonts.has(fonts)) return;
  const regular = parsedFont(doc, 'regular');
  const bold = parsedFont(doc, 'bold');
  if (regular && bold) parsedFonts.set(fonts, { regular, bold });
}

/** Pass 1: the number of pages, from layout alone. */
function countPages(report: ReportDocument, fonts: FontFiles, setup: PageSetup): number {
  const geometry = pageGeometry(setup.paper);
  const doc = createPdf(fonts, setup, report.title);
  const measure = new Measure(doc);
  let pages = 0;
  for (const placement of paginate(
    report.sections(measure, geometry.bodyWidth),
    geometry.bodyHeight,
  )) {
    if (placement.kind === 'page') {
      pages++;
      trimFontCaches(doc);
    }
  }
  rememberParsedFonts(fonts, doc);
  return pages;
}

/**
 * Pass 2: draws the report onto `out`, page by page, and ends `out`. Resolves once `out` has
 * taken every byte.
 */
export async function writePdf(
  report: ReportDocument,
  setup: PageSetup,
  fonts: FontFiles,
  out: NodeJS.WritableStream,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  const total = countPages(report, fonts, setup);
  onProgress?.(0, total);
  const geometry = pageGeometry(setup.paper);
  const doc = createPdf(fonts, setup, report.title);
  const measure = new Measure(doc);
  const pen = new Pen(doc, measure);

  // Back-pressure: once `out` refuses more, wait for its 'drain' before the next page. The
  // listener is attached at the refusal itself, so a drain that comes early is not missed.
  let drained: Promise<unknown> | null = null;
  doc.on('data', (chunk: Buffer) => {
    if (!out.write(chunk) && drained === null) {
      drained = once(out, 'drain').catch(() => undefined); // errors: `outFailed` below
    }
  });
  const ended = once(doc, 'end');
  // A failing `out` (disk full, closed pipe) stops the report at the next page, never hangs it.
  const outFailed = new Promise<never>((_, reject) => out.once('error', reject));
  outFailed.catch(() => undefined);

  let page = 0;
  const finishPage = async (): Promise<void> => {
    drawFooter(pen, setup.footer(page, total), geometry);
    trimFontCaches(doc);
    onProgress?.(page, total);
    // Let the finished page reach `out` before the next one starts.
    await Promise.race([new Promise<void>((resolve) => setImmediate(resolve)), outFailed]);
    if (drained !== null) {
      await Promise.race([drained, outFailed]);
      drained = null;
    }
  };

  for (const placement of paginate(
    report.sections(measure, geometry.bodyWidth),
    geometry.bodyHeight,
  )) {
    if (placement.kind === 'block') {
      placement.block.draw(pen, geometry.left, geometry.top + placement.y);
      continue;
    }
    if (page > 0) await finishPage();
    page++;
    if (page > total) throw layoutMismatch();
    doc.addPage();
    drawHeader(pen, report, setup, geometry);
  }
  await finishPage();
  if (page !== total) throw layoutMismatch();

  doc.end();
  await Promise.race([ended, outFailed]);
  out.end();
  await finished(out);
  return { pages: total };
}

const layoutMismatch = (): AppError =>
  new AppError(
    'internal',
    'The report came out with a different page count on its second pass; please report this to IT.',
  );

export type Geometry = ReturnType<typeof pageGeometry>;

/** Title, scope and demo marks; also drawn by the fixed-layout A4 pages (fixed-document.ts). */
export function drawHeader(
  pen: Pen,
  report: Pick<ReportDocument, 'title' | 'scope'>,
  setup: Pick<PageSetup, 'demo'>,
  g: Geometry,
): void {
  if (setup.demo) pen.watermark(setup.demo.watermark, g.width, g.height);
  const right = g.left + g.bodyWidth;
  pen.text(report.title, g.left, MARGIN, TITLE);
  if (setup.demo) pen.text(setup.demo.banner, right, MARGIN + 2, BANNER, { right: true });
  pen.text(report.scope, g.left, MARGIN + 18, SCOPE);
  pen.hline(g.left, right, MARGIN + HEADER_HEIGHT - 4, 0.8);
}

/** The footer on one line, shrunk (never cut) when a long name would overflow it. */
export function drawFooter(pen: Pen, text: string, g: Geometry): void {
  const natural = pen.measure.width(text, { face: 'regular', size: FOOTER_SIZE });
  const size = natural > g.bodyWidth ? (FOOTER_SIZE * g.bodyWidth) / natural : FOOTER_SIZE;
  pen.hline(g.left, g.left + g.bodyWidth, g.footerTop, 0.4);
  pen.text(text, g.left, g.footerTop + 4, { face: 'regular', size });
}
