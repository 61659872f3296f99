/**
 * Hand layout on top of pdfkit: text metrics, line wrapping, measured blocks, and pagination.
 *
 * Everything on a page is a `Block` whose height is measured when it is built; drawing never
 * moves anything. That makes pagination a pure function of the block heights (`paginate`), which
 * is what lets a report be laid out twice — once to count pages, once to draw them — with the
 * same result (see document.ts). pdfkit's own flowing text and `doc.table()` are not used: they
 * decide page breaks while drawing, and the table is ~200× slower with an embedded font.
 */
import type PDFDocument from 'pdfkit';
import { barRects, type BarPattern, type ModuleMatrix } from './barcode.ts';

export type Face = 'regular' | 'bold';

export interface TextStyle {
  readonly face: Face;
  readonly size: number;
}

/** Leading as a multiple of the font size: fixed, so heights never depend on pdfkit state. */
const LEADING = 1.22;

/** A pdfkit document instance (the package types its default export as one). */
export type PdfDoc = typeof PDFDocument;

/** Text metrics from the same font files the pages are drawn with, so measured equals drawn. */
/** Shared by every document of the process: the bundled fonts never change. */
const WIDTHS_AT_SIZE_1 = new Map<string, number>();
const MAX_CACHED_WIDTHS = 50_000;

export class Measure {
  readonly #doc: PdfDoc;
  #face: Face | null = null;
  #size = 0;

  constructor(doc: PdfDoc) {
    this.#doc = doc;
  }

  /** Selects the face and size on the underlying document (shared with `Pen`). */
  use(style: TextStyle): PdfDoc {
    if (style.face !== this.#face) {
      this.#doc.font(style.face);
      this.#face = style.face;
    }
    if (style.size !== this.#size) {
      this.#doc.fontSize(style.size);
      this.#size = style.size;
    }
    return this.#doc;
  }

  /**
   * Text width, from a cache of widths at size 1: shaping a word through fontkit is the most
   * expensive step of laying out a report, and the same words (drug names, labels) recur on
   * every page and in both passes. Widths scale linearly with the font size.
   */
  width(text: string, style: TextStyle): number {
    const key = `${style.face}\u0000${text}`;
    let unit = WIDTHS_AT_SIZE_1.get(key);
    if (unit === undefined) {
      unit = this.use(style).widthOfString(text) / style.size;
      if (WIDTHS_AT_SIZE_1.size >= MAX_CACHED_WIDTHS) WIDTHS_AT_SIZE_1.clear();
      WIDTHS_AT_SIZE_1.set(key, unit);
    }
    return unit * style.size;
  }

  lineHeight(style: TextStyle): number {
    return style.size * LEADING;
  }

  /**
   * Greedy word wrap into lines no wider than `width`; hard line breaks kept. Lines break at
   * spaces, and inside a word only after a hyphen ("Pipéracilline-" / "tazobactam"): a drug name
   * or an identifier cut anywhere else reads as two different words. A piece still wider than
   * the line is cut by characters as a last resort (never dropped) — callers that lay out
   * identifiers shrink the text first (`fit`) so that never happens. Word widths are summed
   * rather than whole lines re-measured, so wrapping stays linear in the text length.
   */
  wrap(
    text: string,
    style: TextStyle,
    width: number,
    options: { hyphens?: boolean } = {},
  ): string[] {
    const hyphens = options.hyphens ?? true;
    const space = this.width(' ', style);
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/[ \t]+/).filter((w) => w.length > 0)) {
        const wordWidth = this.width(word, style);
        if (line.length > 0 && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line.length > 0) lines.push(line);
        if (wordWidth <= width) {
          line = word;
          lineWidth = wordWidth;
          continue;
        }
        const pieces = hyphens
          ? this.#breakWord(word, style, width)
          : this.#cut(word, style, width);
        line = pieces.pop() ?? '';
        lineWidth = this.width(line, style);
        lines.push(...pieces);
      }
      lines.push(line);
    }
    return lines;
  }

  /**
   * The largest size, from `style.size` down to `minSize`, at which no unbreakable piece of
   * `text` (a word, or the part of a hyphenated word between hyphens) is wider than `width`:
   * shrink first, then wrap, so an MRN or a name is never cut inside (`keep` says what is one
   * piece).
   */
  fit(
    text: string,
    style: TextStyle,
    width: number,
    minSize: number,
    options: { keep?: Keep } = {},
  ): TextStyle {
    let widest = 0;
    for (const piece of unbreakablePieces(text, options.keep ?? 'pieces')) {
      widest = Math.max(widest, this.width(piece, { face: style.face, size: 1 }));
    }
    if (widest * style.size <= width || widest === 0) return style;
    return { face: style.face, size: Math.max(minSize, Math.floor((width / widest) * 10) / 10) };
  }

  /** A word wider than the line: after its hyphens, then (last resort) by characters. */
  #breakWord(word: string, style: TextStyle, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const part of word.split(/(?<=-)/)) {
      if (piece.length > 0 && this.width(piece + part, style) <= width) {
        piece += part;
        continue;
      }
      if (piece.length > 0) pieces.push(piece);
      piece = part;
      if (this.width(piece, style) > width) {
        const cut = this.#cut(piece, style, width);
        piece = cut.pop() ?? '';
        pieces.push(...cut);
      }
    }
    pieces.push(piece);
    return pieces;
  }

  #cut(word: string, style: TextStyle, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece.length > 0 && this.width(piece + char, style) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    pieces.push(piece);
    return pieces;
  }
}

/**
 * What may not be broken: `pieces`, the parts of words between hyphens (running text);
 * `words`, whole words (identifiers among words: "1944-12-26 female"); `line`, everything.
 */
export type Keep = 'pieces' | 'words' | 'line';

function unbreakablePieces(text: string, keep: Keep): string[] {
  if (keep === 'line') return [text];
  const words = text.split(/[ \t\r\n]+/);
  return keep === 'words' ? words : words.flatMap((word) => word.split(/(?<=-)/));
}

/** Drawing primitives in page coordinates (points, origin top left). */
export class Pen {
  readonly #doc: PdfDoc;
  readonly #measure: Measure;

  constructor(doc: PdfDoc, measure: Measure) {
    this.#doc = doc;
    this.#measure = measure;
  }

  get measure(): Measure {
    return this.#measure;
  }

  /** One line of text with its top at `y`; `right` aligns its end to `x`. */
  text(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    options: { right?: boolean } = {},
  ): void {
    if (text.length === 0) return;
    const doc = this.#measure.use(style);
    const left = options.right ? x - doc.widthOfString(text) : x;
    doc.text(text, left, y, { lineBreak: false });
  }

  lines(lines: readonly string[], x: number, y: number, style: TextStyle): void {
    const step = this.#measure.lineHeight(style);
    lines.forEach((line, i) => this.text(line, x, y + i * step, style));
  }

  box(
    x: number,
    y: number,
    width: number,
    height: number,
    options: { fill?: string; lineWidth?: number },
  ): void {
    const doc = this.#doc;
    doc.rect(x, y, width, height);
    if (options.fill) {
      doc.fillColor(options.fill).fill();
      doc.fillColor('black');
    } else {
      doc.lineWidth(options.lineWidth ?? 0.6).stroke();
    }
  }

  hline(x1: number, x2: number, y: number, lineWidth = 0.4): void {
    this.#doc.moveTo(x1, y).lineTo(x2, y).lineWidth(lineWidth).stroke();
  }

  vline(x: number, y1: number, y2: number, lineWidth = 0.4): void {
    this.#doc.moveTo(x, y1).lineTo(x, y2).lineWidth(lineWidth).stroke();
  }

  bars(pattern: BarPattern, x: number, y: number, moduleWidth: number, height: number): void {
    const doc = this.#doc;
    for (const bar of barRects(pattern, moduleWidth)) doc.rect(x + bar.x, y, bar.width, height);
    doc.fillColor('black').fill();
  }

  /** Text drawn by `draw` in white (on a black box: the wristband's allergy flag). */
  whiteText(draw: () => void): void {
    this.#doc.fillColor('white');
    draw();
    this.#doc.fillColor('black');
  }

  /** A 2D symbol's dark modules as squares of `module` points, from its top-left corner. */
  modules(matrix: ModuleMatrix, x: number, y: number, module: number): void {
    const doc = this.#doc;
    matrix.dark.forEach((dark, i) => {
      if (!dark) return;
      const column = i % matrix.columns;
      const row = Math.floor(i / matrix.columns);
      doc.rect(x + column * module, y + row * module, module, module);
    });
    doc.fillColor('black').fill();
  }

  /** A large, light, diagonal word under the page content. */
  watermark(text: string, pageWidth: number, pageHeight: number): void {
    const doc = this.#measure.use({ face: 'bold', size: 72 });
    const width = doc.widthOfString(text);
    doc.save();
    doc.rotate(-35, { origin: [pageWidth / 2, pageHeight / 2] });
    doc.fillColor('#000000', 0.08);
    doc.text(text, (pageWidth - width) / 2, pageHeight / 2 - 36, { lineBreak: false });
    doc.restore();
    doc.fillColor('black', 1);
  }
}

/** A measured piece of a page: built with its height known, drawn at any position. */
export interface Block {
  readonly height: number;
  /** Never end a page with this block (section titles, table headings). */
  readonly keepWithNext?: boolean;
  /**
   * What to repeat under the section's continued header when a page breaks just before this
   * block: a table row's own heading (the infusion's name and the table's column heads), so
   * rows carried to the next page never stand without saying what they are for.
   */
  readonly continuedUnder?: () => Block;
  draw(pen: Pen, x: number, y: number): void;
}

/**
 * One patient (or one ward list): a header and its content. The header is never left alone at
 * the bottom of a page; a section that fits on one page is never split; one that does not is
 * continued under `continued` (the header again, marked as continued), so every page names
 * its patient.
 */
export interface Section {
  readonly header: Block;
  /** Built only when the section does cross a page. */
  readonly continued: () => Block;
  readonly body: readonly Block[];
  /**
   * Start on a fresh page and let no other section share its pages (one patient's MAR: a sheet
   * is filed in, and signed on, that patient's chart only).
   */
  readonly ownPages?: boolean;
}

/** Vertical space between sections. */
const SECTION_GAP = 10;

export type Placement =
  | {
      readonly kind: 'page';
      /** The index of the section the page opens with (or continues). */
      readonly section: number;
    }
  | { readonly kind: 'block'; readonly block: Block; readonly y: number };

/**
 * Where every block goes: a stream of "new page" and "block at y" (y from the top of the page
 * body), a pure function of the block heights and the body height. Lazy, so a 3,000-page
 * report never exists in memory as a whole.
 */
export function* paginate(sections: Iterable<Section>, bodyHeight: number): Generator<Placement> {
  let used = 0;
  let started = false;
  let index = 0;
  let ownedPage = false;

  function* newPage(): Generator<Placement> {
    yield { kind: 'page', section: index };
    started = true;
    used = 0;
  }
  function* place(block: Block): Generator<Placement> {
    yield { kind: 'block', block, y: used };
    used += block.height;
  }

  for (const section of sections) {
    if (!started) yield* newPage();
    const total = section.header.height + section.body.reduce((sum, b) => sum + b.height, 0);
    const needed =
      total <= bodyHeight ? total : section.header.height + leadHeight(section.body, 0);
    const alone = section.ownPages === true || ownedPage;
    if (used > 0 && (alone || used + needed > bodyHeight)) yield* newPage();
    ownedPage = section.ownPages === true;
    yield* place(section.header);
    let headerBottom = used;
    for (let i = 0; i < section.body.length; i++) {
      const block = section.body[i] as Block;
      if (used > headerBottom && used + leadHeight(section.body, i) > bodyHeight) {
        yield* newPage();
        yield* place(section.continued());
        const under = block.continuedUnder?.();
        if (under) yield* place(under);
        headerBottom = used;
      }
      yield* place(block);
    }
    used += SECTION_GAP;
    index++;
  }
  if (!started) yield* newPage();
}

/** The height of block `i` and the blocks it must stay with. */
function leadHeight(body: readonly Block[], i: number): number {
  let height = 0;
  for (let j = i; j < body.length; j++) {
    const block = body[j] as Block;
    height += block.height;
    if (!block.keepWithNext) break;
  }
  return height;
}
