/**
 * Code 128 of the MRN, drawn as vector bars rather than a raster image: razor-sharp on any
 * printer, a few hundred bytes per patient, and nothing to decode or hold in memory.
 * bwip-js does the encoding (code set choice, check digit, quiet-zone-free bar pattern).
 */
import bwipjs from 'bwip-js/node';

/** Below ~0.5 pt per module a ward scanner stops reading reliably: print no barcode instead. */
export const MIN_MODULE = 0.5;

/** Bar and space widths in modules, starting with a bar. */
export interface BarPattern {
  readonly widths: readonly number[];
  /** Total width in modules. */
  readonly modules: number;
}

/**
 * Recent patterns by text: every patient's barcode is needed in both layout passes (and on a
 * continuation page), and encoding is the costliest step of a patient header. Bounded, so a
 * 30,000-patient census does not keep them all.
 */
const recent = new Map<string, BarPattern | null>();
const RECENT_LIMIT = 1024;

/** The Code 128 pattern for `text`, or null when it cannot be encoded (e.g. non-ASCII MRN). */
export function code128(text: string): BarPattern | null {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const pattern = encode(text);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(text, pattern);
  return pattern;
}

function encode(text: string): BarPattern | null {
  if (text.length === 0 || !/^[\x20-\x7e]+$/.test(text)) return null;
  try {
    const [symbol] = bwipjs.raw('code128', text, {});
    if (!symbol || !('sbs' in symbol)) return null;
    const widths = symbol.sbs;
    return { widths, modules: widths.reduce((sum, w) => sum + w, 0) };
  } catch {
    return null;
  }
}

/** The bars as rectangles (x offset and width, in the caller's units). */
export function barRects(pattern: BarPattern, moduleWidth: number): { x: number; width: number }[] {
  const rects: { x: number; width: number }[] = [];
  let x = 0;
  pattern.widths.forEach((w, i) => {
    if (i % 2 === 0) rects.push({ x, width: w * moduleWidth });
    x += w * moduleWidth;
  });
  return rects;
}

/** A DataMatrix symbol: `rows` × `columns` dark-or-light modules, row by row. */
export interface ModuleMatrix {
  readonly columns: number;
  readonly rows: number;
  readonly dark: readonly boolean[];
}

const recentMatrices = new Map<string, ModuleMatrix | null>();

/**
 * The DataMatrix (ECC 200) of `text` — what 2D ward scanners read off a label or a curved
 * wristband, where a long Code 128 does not fit. Null when it cannot be encoded.
 */
export function dataMatrix(text: string): ModuleMatrix | null {
  const known = recentMatrices.get(text);
  if (known !== undefined) return known;
  let matrix: ModuleMatrix | null = null;
  if (text.length > 0 && /^[\x20-\x7e]+$/.test(text)) {
    try {
      const [symbol] = bwipjs.raw('datamatrix', text, {});
      if (symbol && 'pixs' in symbol) {
        matrix = { columns: symbol.pixx, rows: symbol.pixy, dark: symbol.pixs.map((p) => p === 1) };
      }
    } catch {
      matrix = null;
    }
  }
  if (recentMatrices.size >= RECENT_LIMIT) recentMatrices.clear();
  recentMatrices.set(text, matrix);
  return matrix;
}
