import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BODY, BODY_BOLD, table } from '../../../electron/core/print/blocks.ts';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import {
  Measure,
  paginate,
  type Block,
  type Pen,
  type Placement,
  type Section,
  type TextStyle,
} from '../../../electron/core/print/layout.ts';

/** A Measure over the app's fonts, as the reports lay text out with. */
function measure(): Measure {
  const doc = new PDFDocument({ autoFirstPage: false });
  const fonts = loadFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return new Measure(doc);
}

const block = (height: number, keepWithNext = false): Block => ({
  height,
  keepWithNext,
  draw: () => undefined,
});

function section(name: string, headerHeight: number, bodyHeights: number[]): Section {
  const header = { ...block(headerHeight, true), name: `${name}:header` };
  const continued = () => ({ ...block(headerHeight, true), name: `${name}:continued` });
  return {
    header,
    continued,
    body: bodyHeights.map((h, i) => ({ ...block(h), name: `${name}:${i}` })),
  };
}

/** The block names on each page. */
function pages(placements: Iterable<Placement>): string[][] {
  const result: string[][] = [];
  for (const p of placements) {
    if (p.kind === 'page') result.push([]);
    else result.at(-1)?.push((p.block as Block & { name: string }).name);
  }
  return result;
}

describe('paginate', () => {
  it('gives an own-pages section fresh pages that no other section shares', () => {
    const own = (name: string, body: number[]): Section => ({
      ...section(name, 20, body),
      ownPages: true,
    });
    const result = [
      ...paginate([section('a', 20, [10]), own('b', [10, 200]), section('c', 20, [10])], 150),
    ];
    expect(pages(result)).toEqual([
      ['a:header', 'a:0'],
      ['b:header', 'b:0'],
      ['b:continued', 'b:1'],
      ['c:header', 'c:0'],
    ]);
    expect(
      result.filter((p) => p.kind === 'page').map((p) => p.kind === 'page' && p.section),
    ).toEqual([0, 1, 1, 2]);
  });

  it('starts a new page for a section that fits on one page rather than splitting it', () => {
    const result = pages(paginate([section('a', 20, [30, 30]), section('b', 20, [30, 30])], 150));
    expect(result).toEqual([
      ['a:header', 'a:0', 'a:1'],
      ['b:header', 'b:0', 'b:1'],
    ]);
  });

  it('continues a section taller than a page under its repeated header', () => {
    const result = pages(paginate([section('a', 20, [50, 50, 50, 50])], 130));
    expect(result).toEqual([
      ['a:header', 'a:0', 'a:1'],
      ['a:continued', 'a:2', 'a:3'],
    ]);
  });

  it('never leaves a header alone at the bottom of a page', () => {
    const result = pages(paginate([section('a', 20, [90]), section('b', 20, [50, 200])], 130));
    expect(result[0]).toEqual(['a:header', 'a:0']);
    expect(result[1]?.[0]).toBe('b:header');
    expect(result[1]?.[1]).toBe('b:0');
  });

  it('keeps a block marked keep-with-next on the page of the block after it', () => {
    const title = { ...block(10, true), name: 'a:title' };
    const s: Section = {
      ...section('a', 20, [60]),
      body: [{ ...block(60), name: 'a:0' }, title, { ...block(50), name: 'a:1' }],
    };
    const result = pages(paginate([s], 100));
    expect(result).toEqual([
      ['a:header', 'a:0'],
      ['a:continued', 'a:title', 'a:1'],
    ]);
  });

  it('gives an empty report one page', () => {
    expect(pages(paginate([], 100))).toEqual([[]]);
  });
});

describe('paginate: a row carried over a page break', () => {
  const head = (): Block => ({ ...block(10), name: 'rows:head' }) as Block;
  const row = (i: number): Block =>
    ({ ...block(20), name: `row:${i}`, continuedUnder: head }) as Block;

  it('is placed under the continued header and the heading its block names', () => {
    const s: Section = {
      header: { ...block(10, true), name: 'p:header' } as Block,
      continued: () => ({ ...block(10, true), name: 'p:continued' }) as Block,
      body: [{ ...block(20, true), name: 'order' } as Block, ...[0, 1, 2, 3, 4].map(row)],
    };
    expect(pages(paginate([s], 100))).toEqual([
      ['p:header', 'order', 'row:0', 'row:1', 'row:2'],
      ['p:continued', 'rows:head', 'row:3', 'row:4'],
    ]);
  });

  it('repeats nothing for a block without one', () => {
    expect(pages(paginate([section('p', 10, [40, 40, 40])], 100))).toEqual([
      ['p:header', 'p:0', 'p:1'],
      ['p:continued', 'p:2'],
    ]);
  });
});

describe('Measure.wrap', () => {
  const m = measure();
  const style = { face: 'regular', size: 10 } as const;

  it('wraps words into lines no wider than the column', () => {
    const lines = m.wrap(
      'Œdème de Quincke après pénicilline, surveiller la saturation ≥ 92 %',
      style,
      120,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(m.width(line, style)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(
      'Œdème de Quincke après pénicilline, surveiller la saturation ≥ 92 %',
    );
  });

  it('cuts a word wider than the column instead of overflowing', () => {
    const lines = m.wrap('x'.repeat(200), style, 50);
    expect(lines.join('')).toBe('x'.repeat(200));
    for (const line of lines) expect(m.width(line, style)).toBeLessThanOrEqual(50);
  });

  it('breaks a hyphenated word only after a hyphen, never inside a part', () => {
    const lines = m.wrap('Pipéracilline-tazobactam 4 g', style, 80);
    expect(lines).toEqual(['Pipéracilline-', 'tazobactam 4 g']);
  });

  it('finds the size at which no word of an identifier has to be cut', () => {
    const fitted = m.fit('PRUD’HOMME-VANDENBROUCKE, Marie-Thérèse', style, 60, 5);
    expect(fitted.size).toBeLessThan(style.size);
    const lines = m.wrap('PRUD’HOMME-VANDENBROUCKE, Marie-Thérèse', fitted, 60);
    expect(lines.join(' ').replace(/- /g, '-')).toBe('PRUD’HOMME-VANDENBROUCKE, Marie-Thérèse');
    for (const line of lines) expect(m.width(line, fitted)).toBeLessThanOrEqual(60);
    expect(m.fit('1944-12-26', style, 200, 5)).toBe(style);
  });

  it('keeps hard line breaks and empty text takes one empty line', () => {
    expect(m.wrap('one\ntwo', style, 500)).toEqual(['one', 'two']);
    expect(m.wrap('', style, 500)).toEqual(['']);
  });
});

describe('table: a cell across the columns after it', () => {
  const m = measure();
  const columns = [
    { label: 'Drug', weight: 1 },
    { label: 'Dose', weight: 1 },
    { label: 'Route', weight: 1 },
    { label: 'Frequency', weight: 1 },
  ];
  const text = '80 mg · frequency not given · from 2026-11-15 to 2026-11-21';
  const row = ['Hukyndra', text, 'covered', 'covered too'];

  /** What a row draws: each text run with its x. */
  function drawn(b: Block): { x: number; lines: readonly string[] }[] {
    const runs: { x: number; lines: readonly string[] }[] = [];
    const pen = {
      measure: m,
      lines: (lines: readonly string[], x: number) => runs.push({ x, lines }),
      hline: () => undefined,
      box: () => undefined,
    } as unknown as Pen;
    b.draw(pen, 0, 0);
    return runs;
  }

  it('wraps its text to the width of every column it runs across, in fewer lines', () => {
    const plain = table(m, columns, [row], 400).rows[0];
    const spanned = table(m, columns, [row], 400, { spans: [{ from: 1, through: 3 }] }).rows[0];
    if (!plain || !spanned) throw new Error('no rows');
    expect(spanned.height).toBeLessThan(plain.height);
    const [drug, dose, ...rest] = drawn(spanned);
    expect(drug?.lines).toEqual(['Hukyndra']);
    expect(dose?.x).toBeCloseTo(100 + 2.5);
    expect(dose?.lines.join(' ')).toBe(text);
    for (const line of dose?.lines ?? []) expect(m.width(line, BODY)).toBeLessThanOrEqual(295);
    // The cells it covers are not drawn at all.
    expect(rest).toEqual([]);
  });

  it('leaves the rows without a span as they were', () => {
    const laid = table(m, columns, [row, row], 400, { spans: [null, { from: 1, through: 2 }] });
    const [first, second] = laid.rows.map(drawn);
    expect(first?.map((run) => run.lines.join(' '))).toEqual([
      'Hukyndra',
      expect.stringContaining('80 mg'),
      'covered',
      'covered too',
    ]);
    expect(second?.map((run) => run.x)).toEqual([2.5, 102.5, 302.5]);
  });
});

describe('table: a cell in parts', () => {
  const m = measure();
  const columns = [{ label: 'Summary', weight: 1 }];

  it('draws each part on lines of its own, a bold part in bold, one under the other', () => {
    const cell = {
      parts: [
        { text: 'Pneumonia, improving' },
        { text: 'Lines, drains', bold: true },
        { text: 'PVC left forearm · day 3' },
      ],
    };
    const [row] = table(m, columns, [[cell]], 400).rows;
    if (!row) throw new Error('no row');
    const runs: { y: number; lines: readonly string[]; face: string }[] = [];
    const pen = {
      measure: m,
      lines: (lines: readonly string[], _x: number, y: number, style: TextStyle) =>
        runs.push({ y, lines, face: style.face }),
      hline: () => undefined,
    } as unknown as Pen;
    row.draw(pen, 0, 0);
    expect(runs.map(({ lines, face }) => [lines.join(' '), face])).toEqual([
      ['Pneumonia, improving', 'regular'],
      ['Lines, drains', 'bold'],
      ['PVC left forearm · day 3', 'regular'],
    ]);
    const [a, b, c] = runs.map((run) => run.y);
    expect(b).toBeCloseTo((a ?? 0) + m.lineHeight(BODY));
    expect(c).toBeCloseTo((b ?? 0) + m.lineHeight(BODY_BOLD));
    // As tall as its three lines.
    expect(row.height).toBeGreaterThanOrEqual(3 * m.lineHeight(BODY));
  });
});
