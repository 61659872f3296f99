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
  type Block,
  Measure,
  paginate,
  Pen,
  type Face,
  type PdfDoc,
  type Section,
  type TextStyle,
} from './layout.ts';
import { parsedFont, shareShaping, trimFontCaches, type ParsedFont } from './pdfkit-internals.ts';

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
  /**
   * For reports of `ownPages` sections (one patient each): "Patient page n/N", printed beside
   * the report's page number, so a sheet filed in a chart shows whether one is missing.
   */
  readonly sectionPages?: (page: number, pages: number) => string;
  /** Printed at the bottom of every page's body (the MAR's initials → name legend). */
  readonly pageBottom?: (measure: Measure, width: number) => Block;
}

export interface PageSetup {
  readonly paper: Paper;
  /** The footer line for page `page` of `pages`. */
  readonly footer: (page: number, pages: number) => string;
  /** Demo export: a banner in the header and a watermark on every page. */
  readonly demo: { readonly banner: string; readonly watermark: string } | null;
  /**
   * Old data (older than the amber threshold when printed): one boxed line at the top of every
   * page, in words, with what to do — a sheet used days into an outage must say so up front.
   */
  readonly staleNotice: string | null;
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
const FOOTER_SIZE = 8;
const STALE: TextStyle = { face: 'bold', size: 10 };
const STALE_PAD = 4;
const HEADER_HEIGHT = 36;
const FOOTER_HEIGHT = 16;
const GUTTER = 8;

/** The paper's printable width, between the margins. */
const bodyWidthOf = (paper: Paper): number => PAPER[paper].width - 2 * MARGIN;

/**
 * The printable body of a page, between header (and the stale-data line) and footer (and the
 * report's page bottom block). Also used by the fixed-layout A4 pages (fixed-document.ts), which
 * carry no page bottom block.
 */
export function pageGeometry(paper: Paper, furniture: Furniture = NO_FURNITURE) {
  const { width, height } = PAPER[paper];
  const staleTop = MARGIN + HEADER_HEIGHT + GUTTER;
  const staleHeight = furniture.stale ? furniture.stale.height + GUTTER : 0;
  const top = staleTop + staleHeight;
  const footerTop = height - MARGIN - FOOTER_HEIGHT;
  const bottomHeight = furniture.bottom ? furniture.bottom.height + GUTTER : 0;
  const bodyHeight = footerTop - GUTTER - top - bottomHeight;
  return {
    width,
    height,
    left: MARGIN,
    top,
    staleTop,
    bodyWidth: width - 2 * MARGIN,
    bodyHeight,
    bottomTop: top + bodyHeight + GUTTER,
    footerTop,
  };
}

/** What every page carries besides the header and footer, measured once per pass. */
export interface Furniture {
  readonly stale: Block | null;
  readonly bottom: Block | null;
}

const NO_FURNITURE: Furniture = { stale: null, bottom: null };

function furnitureOf(report: ReportDocument, setup: PageSetup, measure: Measure): Furniture {
  const width = bodyWidthOf(setup.paper);
  return {
    stale: setup.staleNotice === null ? null : staleBlock(measure, setup.staleNotice, width),
    bottom: report.pageBottom ? report.pageBottom(measure, width) : null,
  };
}

/** The stale-data line: bold, boxed twice (a b&w printer keeps it), shrunk to one line if long. */
export function staleBlock(measure: Measure, text: string, width: number): Block {
  const lines = measure.wrap(text, STALE, width - 2 * STALE_PAD);
  const height = lines.length * measure.lineHeight(STALE) + 2 * STALE_PAD;
  return {
    height,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { lineWidth: 2 });
      pen.box(x + 2.5, y + 2.5, width - 5, height - 5, { lineWidth: 0.5 });
      pen.lines(lines, x + STALE_PAD + 2, y + STALE_PAD, STALE);
    },
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
  // Open both faces now so they take the shaping already done (a face opens on first use).
  doc.font('bold').font('regular');
  shareShaping(doc);
  return doc;
}

/** Keeps the fonts `doc` parsed for the documents that follow. */
function rememberParsedFonts(fonts: FontFiles, doc: PdfDoc): void {
  if (parsedFonts.has(fonts)) return;
  const regular = parsedFont(doc, 'regular');
  const bold = parsedFont(doc, 'bold');
  if (regular && bold) parsedFonts.set(fonts, { regular, bold });
}

/** Pass 1: the number of pages, in all and per section, from layout alone. */
function countPages(
  report: ReportDocument,
  fonts: FontFiles,
  setup: PageSetup,
): { total: number; perSection: Map<number, number> } {
  const doc = createPdf(fonts, setup, report.title);
  const measure = new Measure(doc);
  const geometry = pageGeometry(setup.paper, furnitureOf(report, setup, measure));
  let total = 0;
  const perSection = new Map<number, number>();
  for (const placement of paginate(
    report.sections(measure, geometry.bodyWidth),
    geometry.bodyHeight,
  )) {
    if (placement.kind === 'page') {
      total++;
      if (report.sectionPages)
        perSection.set(placement.section, (perSection.get(placement.section) ?? 0) + 1);
      trimFontCaches(doc);
    }
  }
  rememberParsedFonts(fonts, doc);
  return { total, perSection };
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
  const { total, perSection } = countPages(report, fonts, setup);
  onProgress?.(0, total);
  const doc = createPdf(fonts, setup, report.title);
  const measure = new Measure(doc);
  const pen = new Pen(doc, measure);
  const furniture = furnitureOf(report, setup, measure);
  const geometry = pageGeometry(setup.paper, furniture);

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
  let section = -1;
  let sectionPage = 0;
  const finishPage = async (): Promise<void> => {
    if (furniture.bottom) furniture.bottom.draw(pen, geometry.left, geometry.bottomTop);
    const sectionLabel = report.sectionPages?.(sectionPage, perSection.get(section) ?? 0);
    drawFooter(pen, setup.footer(page, total), sectionLabel ?? null, geometry);
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
    sectionPage = placement.section === section ? sectionPage + 1 : 1;
    section = placement.section;
    if (page > total) throw layoutMismatch();
    doc.addPage();
    drawHeader(pen, report, setup, geometry);
    furniture.stale?.draw(pen, geometry.left, geometry.staleTop);
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
  // The demo banner sits above the title, in the margin: a long title never runs under it.
  if (setup.demo) pen.text(setup.demo.banner, right, MARGIN - 12, BANNER, { right: true });
  const titleWidth = pen.measure.width(report.title, TITLE);
  const title: TextStyle =
    titleWidth > g.bodyWidth ? { ...TITLE, size: (TITLE.size * g.bodyWidth) / titleWidth } : TITLE;
  pen.text(report.title, g.left, MARGIN, title);
  pen.text(report.scope, g.left, MARGIN + 18, SCOPE);
  pen.hline(g.left, right, MARGIN + HEADER_HEIGHT - 4, 0.8);
}

/**
 * The footer on one line, shrunk (never cut) when a long name would overflow it; the section's
 * own page count ("Patient page 2/3") in bold at its right end.
 */
export function drawFooter(pen: Pen, text: string, sectionLabel: string | null, g: Geometry): void {
  const labelStyle: TextStyle = { face: 'bold', size: 9 };
  const labelWidth = sectionLabel ? pen.measure.width(sectionLabel, labelStyle) + 12 : 0;
  const room = g.bodyWidth - labelWidth;
  const natural = pen.measure.width(text, { face: 'regular', size: FOOTER_SIZE });
  const size = natural > room ? (FOOTER_SIZE * room) / natural : FOOTER_SIZE;
  pen.hline(g.left, g.left + g.bodyWidth, g.footerTop, 0.4);
  pen.text(text, g.left, g.footerTop + 4, { face: 'regular', size });
  if (sectionLabel)
    pen.text(sectionLabel, g.left + g.bodyWidth, g.footerTop + 3, labelStyle, { right: true });
}
