/**
 * The building blocks every report is made of: wrapped text, label/value rows, section titles,
 * hand-laid tables, write-in boxes and lines. Each is measured when built (see layout.ts).
 */
import { code128, MIN_MODULE } from './barcode.ts';
import type { Block, Keep, Measure, Pen, Section, TextStyle } from './layout.ts';

/** Body text never under 9 pt, headers and small print never under 8 pt (read at arm's length, by torch). */
export const BODY: TextStyle = { face: 'regular', size: 9 };
export const BODY_BOLD: TextStyle = { face: 'bold', size: 9 };
export const SMALL: TextStyle = { face: 'regular', size: 8 };
export const SMALL_BOLD: TextStyle = { face: 'bold', size: 8 };
export const HEADING: TextStyle = { face: 'bold', size: 10.5 };
/** The smallest size a table cell shrinks to so an identifier or a name is never cut inside. */
export const MIN_CELL_SIZE = 7;

/** Long text is cut into blocks of this many lines so pages can break inside it. */
const MAX_LINES_PER_BLOCK = 8;

/** Free text wrapped to `width`; long text becomes several blocks so it can cross pages. */
export function paragraph(
  m: Measure,
  text: string,
  style: TextStyle,
  width: number,
  indent = 0,
): Block[] {
  const lines = m.wrap(text, style, width - indent);
  const lineHeight = m.lineHeight(style);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += MAX_LINES_PER_BLOCK) {
    const chunk = lines.slice(i, i + MAX_LINES_PER_BLOCK);
    blocks.push({
      height: chunk.length * lineHeight,
      draw: (pen, x, y) => pen.lines(chunk, x + indent, y, style),
    });
  }
  return blocks;
}

/** A bold title that stays with what follows it. */
export function heading(
  m: Measure,
  text: string,
  width: number,
  style: TextStyle = HEADING,
): Block {
  const lines = m.wrap(text, style, width);
  const lineHeight = m.lineHeight(style);
  return {
    height: lines.length * lineHeight + 6,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.lines(lines, x, y + 3, style);
    },
  };
}

export function spacer(height: number): Block {
  return { height, draw: () => undefined };
}

/**
 * "Label   value": the label in a fixed left column, the value wrapped beside it (and able to
 * continue on the next page when it is long).
 */
export function labelled(
  m: Measure,
  label: string,
  value: string,
  width: number,
  labelWidth: number,
): Block[] {
  return [
    ...labelledBlocks(m, label, paragraph(m, value, BODY, width - labelWidth), labelWidth),
    spacer(2),
  ];
}

/**
 * `blocks` in the value column with `label` beside the first one (an action list, write-in
 * lines). The first block keeps the label's height so a wrapped label never runs into the next.
 */
export function labelledBlocks(
  m: Measure,
  label: string,
  blocks: readonly Block[],
  labelWidth: number,
): Block[] {
  const labelLines = m.wrap(label, BODY_BOLD, labelWidth - 6);
  const labelHeight = labelLines.length * m.lineHeight(BODY_BOLD);
  const [first, ...rest] = indented(blocks, labelWidth);
  if (!first) return [];
  const head: Block = {
    ...first,
    height: Math.max(first.height, labelHeight),
    draw: (pen, x, y) => {
      pen.lines(labelLines, x, y, BODY_BOLD);
      first.draw(pen, x, y);
    },
  };
  return [head, ...rest];
}

/** Lines of checkbox + text (action lists), and `blank` empty ones to write in. */
export function checklist(
  m: Measure,
  items: readonly string[],
  width: number,
  blank: number,
): Block[] {
  const lineHeight = m.lineHeight(BODY);
  const boxSize = 7;
  const textIndent = boxSize + 5;
  const rows: Block[] = items.map((item) => {
    const lines = m.wrap(item, BODY, width - textIndent);
    return {
      height: lines.length * lineHeight + 3,
      draw: (pen, x, y) => {
        pen.box(x, y + 1, boxSize, boxSize, {});
        pen.lines(lines, x + textIndent, y, BODY);
      },
    };
  });
  for (let i = 0; i < blank; i++) {
    rows.push({
      height: lineHeight + 8,
      draw: (pen, x, y) => {
        pen.box(x, y + 5, boxSize, boxSize, {});
        pen.hline(x + textIndent, x + width, y + lineHeight + 5);
      },
    });
  }
  return rows;
}

/** Empty ruled lines for handwriting. */
export function writeInLines(count: number, width: number): Block {
  const gap = 15;
  return {
    height: count * gap + 2,
    draw: (pen, x, y) => {
      for (let i = 1; i <= count; i++) pen.hline(x, x + width, y + i * gap);
    },
  };
}

export interface Column {
  readonly label: string;
  /** Share of the table width. */
  readonly weight: number;
  /**
   * `text` (default): the cell's text, wrapped; `writeIn`: an empty box for handwriting;
   * `barcode`: the cell's text as a Code 128 with the text under it (MRNs).
   */
  readonly kind?: 'text' | 'writeIn' | 'barcode';
  readonly bold?: boolean;
  /**
   * What the cell never breaks (shrinking it instead): `line` the whole cell (an MRN, a bed),
   * `words` each word, not even after its hyphens (a birth date: "1944-12-" / "26" reads as
   * another date); default: parts of words between hyphens.
   */
  readonly keep?: Keep;
}

export interface Table {
  /** The heading row: keep it with the first data row. */
  readonly head: Block;
  readonly rows: Block[];
}

const CELL_PAD = 2.5;
const CELL_BAR_HEIGHT = 16;

const cellStyle = (column: Column): TextStyle => (column.bold ? BODY_BOLD : BODY);

/**
 * A row's cell that runs across the columns after it, `from` through `through` (indexes): its
 * text is the `from` cell's, in that column's style; the cells it covers are not drawn.
 */
export interface Span {
  readonly from: number;
  readonly through: number;
}

/**
 * A cell's text in parts, each starting on a line of its own in its own face: a heading inside
 * a cell ("Lines, drains and devices") in bold above the lines it heads.
 */
export interface CellParts {
  readonly parts: readonly { readonly text: string; readonly bold?: boolean }[];
}

/** A table cell: its text, or its text in parts. */
export type Cell = string | CellParts;

/** Lines drawn in one style, one after another. */
interface Run {
  readonly lines: readonly string[];
  readonly style: TextStyle;
}

const cellText = (cell: Cell | undefined): string =>
  cell === undefined
    ? ''
    : typeof cell === 'string'
      ? cell
      : cell.parts.map((p) => p.text).join('\n');

/** A hand-laid table: columns sized by weight, rows as tall as their tallest wrapped cell. */
export function table(
  m: Measure,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  width: number,
  options: {
    minRowHeight?: number;
    /** Per row (by index), a cell that runs across the next columns; none when absent. */
    spans?: readonly (Span | null)[];
  } = {},
): Table {
  const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (width * c.weight) / totalWeight);
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const lineHeight = m.lineHeight(BODY);

  const headStyles = columns.map((c, i) =>
    m.fit(c.label, SMALL_BOLD, (widths[i] ?? 0) - 2 * CELL_PAD, MIN_CELL_SIZE),
  );
  const headLines = columns.map((c, i) =>
    m.wrap(c.label, headStyles[i] ?? SMALL_BOLD, (widths[i] ?? 0) - 2 * CELL_PAD),
  );
  const headHeight =
    Math.max(...headLines.map((l) => l.length)) * m.lineHeight(SMALL_BOLD) + 2 * CELL_PAD;
  const head: Block = {
    height: headHeight,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, headHeight, { fill: '#e6e6e6' });
      headLines.forEach((lines, i) =>
        pen.lines(
          lines,
          x + (offsets[i] ?? 0) + CELL_PAD,
          y + CELL_PAD,
          headStyles[i] ?? SMALL_BOLD,
        ),
      );
    },
  };

  const body = rows.map((cells, row): Block => {
    const span = options.spans?.[row] ?? null;
    const covered = (i: number) => span !== null && i > span.from && i <= span.through;
    // The spanning cell is as wide as the columns it runs across; the ones it covers, nothing.
    const cellWidth = (i: number): number =>
      covered(i)
        ? 0
        : span?.from === i
          ? widths.slice(span.from, span.through + 1).reduce((sum, w) => sum + w, 0)
          : (widths[i] ?? 0);
    // Shrink a cell whose longest word would not fit, then wrap: never cut inside a word.
    const cellStyles = columns.map((c, i) =>
      m.fit(cellText(cells[i]), cellStyle(c), cellWidth(i) - 2 * CELL_PAD, MIN_CELL_SIZE, {
        keep: c.keep ?? 'pieces',
      }),
    );
    const cellRuns = columns.map((c, i): Run[] => {
      if (c.kind === 'writeIn' || covered(i)) return [];
      const style = cellStyles[i] ?? BODY;
      const cell = cells[i] ?? '';
      const parts = typeof cell === 'string' ? [{ text: cell }] : cell.parts;
      return parts.map((part): Run => {
        const partStyle: TextStyle = part.bold === true ? { ...style, face: 'bold' } : style;
        const lines =
          c.keep === 'line'
            ? [part.text]
            : m.wrap(part.text, partStyle, cellWidth(i) - 2 * CELL_PAD, {
                hyphens: c.keep !== 'words',
              });
        return { lines, style: partStyle };
      });
    });
    const cellHeight = (i: number): number =>
      (cellRuns[i] ?? []).reduce((sum, run) => sum + run.lines.length * m.lineHeight(run.style), 0);
    const barcodeHeight = columns.some((c) => c.kind === 'barcode') ? CELL_BAR_HEIGHT : 0;
    const height = Math.max(
      options.minRowHeight ?? 0,
      Math.max(lineHeight, ...cellRuns.map((_, i) => cellHeight(i))) + barcodeHeight + 2 * CELL_PAD,
    );
    return {
      height,
      draw: (pen: Pen, x: number, y: number) => {
        columns.forEach((c, i) => {
          if (covered(i)) return;
          const cx = x + (offsets[i] ?? 0) + CELL_PAD;
          const inner = cellWidth(i) - 2 * CELL_PAD;
          const drawRuns = (top: number) => {
            for (const run of cellRuns[i] ?? []) {
              pen.lines(run.lines, cx, top, run.style);
              top += run.lines.length * pen.measure.lineHeight(run.style);
            }
          };
          switch (c.kind ?? 'text') {
            case 'writeIn':
              pen.box(cx, y + 2, inner, height - 4, {});
              break;
            case 'barcode': {
              const pattern = code128(cellText(cells[i]));
              const moduleWidth = pattern ? Math.min(0.8, inner / pattern.modules) : 0;
              if (pattern && moduleWidth >= MIN_MODULE) {
                pen.bars(pattern, cx, y + CELL_PAD, moduleWidth, CELL_BAR_HEIGHT - 2);
              }
              drawRuns(y + CELL_PAD + CELL_BAR_HEIGHT);
              break;
            }
            case 'text':
              drawRuns(y + CELL_PAD);
              break;
          }
        });
        pen.hline(x, x + width, y + height, 0.3);
      },
    };
  });
  return { head, rows: body };
}

/** A table's blocks in order, or `empty` as a line of text when it has no rows. */
export function tableOrNone(m: Measure, t: Table, empty: string, width: number): Block[] {
  return t.rows.length > 0 ? [t.head, ...t.rows] : paragraph(m, empty, BODY, width);
}

/** The same blocks drawn `dx` further right (content under a label). */
export function indented(blocks: readonly Block[], dx: number): Block[] {
  return blocks.map((b) => ({
    ...b,
    draw: (pen: Pen, x: number, y: number) => b.draw(pen, x + dx, y),
  }));
}

/** A one-block section for a report with nothing to list. */
export function noticeSection(m: Measure, text: string, width: number): Section {
  const [block = spacer(0), ...rest] = paragraph(m, text, BODY_BOLD, width);
  return { header: block, continued: () => block, body: rest };
}

/** Several blocks drawn as one (a section header made of parts). */
export function stack(blocks: readonly Block[]): Block {
  return {
    height: blocks.reduce((sum, b) => sum + b.height, 0),
    keepWithNext: true,
    draw: (pen, x, y) => {
      let top = y;
      for (const block of blocks) {
        block.draw(pen, x, top);
        top += block.height;
      }
    },
  };
}
