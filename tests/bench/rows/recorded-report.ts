/**
 * The Chromium baselines of the `handover` and `mar` rows print what our PDF draws — the same
 * pages, text lines, boxes, rules and bars — so the ratio compares two ways of producing the
 * same document, however the reports grow. The report is rendered once in this process (an
 * engine of its own on the fixture's export, the app's default settings) with pdfkit's page
 * start and our `Pen`'s drawing calls recorded; the recording becomes one absolutely positioned
 * HTML page per PDF page. Not timed: the timed baseline is `setContent` + `page.pdf` of it.
 *
 * What Chromium is spared: our line breaking and pagination (its pages come laid out). What it
 * does that we do too: fonts, glyph runs, vector drawing, page streams and compression.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { createEngine } from '../../../electron/core/engine/engine.ts';
import { unsealIdentity } from '../../../electron/core/keys/device-identity.ts';
import { barRects, type BarPattern } from '../../../electron/core/print/barcode.ts';
import { Pen, type TextStyle } from '../../../electron/core/print/layout.ts';
import type { ReportRequest } from '../../../electron/core/model.ts';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings.ts';
import { BENCH_PASSPHRASE, type Fixture } from '../fixture.ts';

const PAGE_PT: Readonly<Record<'A4' | 'Letter', { width: number; height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

export interface RecordedReport {
  readonly html: string;
  readonly pages: number;
  readonly paper: 'A4' | 'Letter';
}

const escape = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

const pt = (n: number): string => `${n.toFixed(2)}pt`;

/** Renders `request` as the app would and returns what it drew, as HTML pages. */
export async function recordReport(
  fixture: Fixture,
  request: ReportRequest & { paper: 'A4' | 'Letter' },
  printed: { at: Date; by: string },
): Promise<RecordedReport> {
  const engine = createEngine();
  await engine.open({
    bytes: readFileSync(fixture.exportFile),
    trustPaths: [fixture.trustDir],
    identity: await unsealIdentity(readFileSync(fixture.identityFile), BENCH_PASSPHRASE),
  });
  const pages: string[][] = [];
  const draw = (html: string): void => {
    pages.at(-1)?.push(html);
  };
  const restore = record(pages, draw);
  try {
    const s = DEFAULT_SETTINGS;
    await engine.renderReport(request, {
      printedAt: printed.at,
      printedBy: printed.by,
      timeZone: s.timeZone,
      adminTimes: s.adminTimes,
      roundStarts: s.roundStarts,
      staleAmberHours: s.staleAmberHours,
      staleRedHours: s.staleRedHours,
      censusBarcodes: s.censusBarcodes,
      labelSheet: s.labelSheet,
      wristbands: s.wristbands,
      issuedNumbers: [],
    });
  } finally {
    restore();
    engine.close();
  }
  const { width, height } = PAGE_PT[request.paper];
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: ${pt(width)} ${pt(height)}; margin: 0; }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; }
.page { position: relative; width: ${pt(width)}; height: ${pt(height)}; overflow: hidden; break-after: page; }
.page > * { position: absolute; white-space: pre; line-height: 1; }
.b { font-weight: bold; } .w { color: #fff; }
.m { color: rgba(0, 0, 0, 0.08); font-weight: bold; font-size: 72pt; transform: rotate(-35deg); }
</style></head><body>
${pages.map((items) => `<div class="page">${items.join('')}</div>`).join('\n')}
</body></html>`;
  return { html, pages: pages.length, paper: request.paper };
}

/** Patches pdfkit's page start and the Pen's drawing calls; returns the undo. */
function record(pages: string[][], draw: (html: string) => void): () => void {
  const doc = PDFDocument.prototype as { addPage: (...a: unknown[]) => unknown };
  const pen = Pen.prototype;
  const saved = {
    addPage: doc.addPage,
    text: pen.text,
    box: pen.box,
    hline: pen.hline,
    vline: pen.vline,
    bars: pen.bars,
    modules: pen.modules,
    whiteText: pen.whiteText,
    watermark: pen.watermark,
  };
  let white = false;
  doc.addPage = function addPage(this: unknown, ...args: unknown[]) {
    pages.push([]);
    return saved.addPage.apply(this, args);
  };
  pen.text = function text(this: Pen, value, x, y, style: TextStyle, options = {}) {
    if (value.length === 0) return;
    const left = options.right ? x - this.measure.width(value, style) : x;
    const cls = [style.face === 'bold' ? 'b' : '', white ? 'w' : ''].join(' ').trim();
    draw(
      `<span${cls ? ` class="${cls}"` : ''} style="left:${pt(left)};top:${pt(y)};font-size:${pt(style.size)}">${escape(value)}</span>`,
    );
  };
  pen.box = (x, y, width, height, options) => {
    const look = options.fill
      ? `background:${options.fill}`
      : `border:${pt(options.lineWidth ?? 0.6)} solid #000;box-sizing:border-box`;
    draw(
      `<div style="left:${pt(x)};top:${pt(y)};width:${pt(width)};height:${pt(height)};${look}"></div>`,
    );
  };
  pen.hline = (x1, x2, y, lineWidth = 0.4) =>
    draw(
      `<div style="left:${pt(x1)};top:${pt(y)};width:${pt(x2 - x1)};border-top:${pt(lineWidth)} solid #000"></div>`,
    );
  pen.vline = (x, y1, y2, lineWidth = 0.4) =>
    draw(
      `<div style="left:${pt(x)};top:${pt(y1)};height:${pt(y2 - y1)};border-left:${pt(lineWidth)} solid #000"></div>`,
    );
  pen.bars = (pattern: BarPattern, x, y, moduleWidth, height) => {
    const rects = barRects(pattern, moduleWidth)
      .map((r) => `<rect x="${r.x.toFixed(2)}" width="${r.width.toFixed(2)}" height="${height}"/>`)
      .join('');
    const width = pattern.modules * moduleWidth;
    draw(
      `<svg style="left:${pt(x)};top:${pt(y)}" width="${pt(width)}" height="${pt(height)}" viewBox="0 0 ${width.toFixed(2)} ${height}">${rects}</svg>`,
    );
  };
  pen.modules = (matrix, x, y, module) => {
    const rects = matrix.dark
      .map((dark, i) =>
        dark
          ? `<rect x="${i % matrix.columns}" y="${Math.floor(i / matrix.columns)}" width="1" height="1"/>`
          : '',
      )
      .join('');
    draw(
      `<svg style="left:${pt(x)};top:${pt(y)}" width="${pt(matrix.columns * module)}" height="${pt(matrix.rows * module)}" viewBox="0 0 ${matrix.columns} ${matrix.rows}">${rects}</svg>`,
    );
  };
  pen.whiteText = (inside) => {
    white = true;
    try {
      inside();
    } finally {
      white = false;
    }
  };
  pen.watermark = function watermark(this: Pen, value, pageWidth, pageHeight) {
    const width = this.measure.width(value, { face: 'bold', size: 72 });
    draw(
      `<span class="m" style="left:${pt((pageWidth - width) / 2)};top:${pt(pageHeight / 2 - 36)}">${escape(value)}</span>`,
    );
  };
  return () => {
    Object.assign(doc, { addPage: saved.addPage });
    Object.assign(pen, {
      text: saved.text,
      box: saved.box,
      hline: saved.hline,
      vline: saved.vline,
      bars: saved.bars,
      modules: saved.modules,
      whiteText: saved.whiteText,
      watermark: saved.watermark,
    });
  };
}
