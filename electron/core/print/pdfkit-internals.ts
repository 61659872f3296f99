/**
 * The three places the printer reaches into pdfkit's internals (pinned at 0.20.2), all for long
 * reports and ward-sized batches. Each one degrades to pdfkit's ordinary behaviour if the field
 * it uses disappears in another version: slower or hungrier, never a different PDF.
 */
import type PDFDocument from 'pdfkit';
import type { Face } from './layout.ts';

type PdfDoc = typeof PDFDocument;

/** A parsed font (fontkit), which pdfkit accepts wherever it accepts font file bytes. */
export type ParsedFont = { readonly layout: (...args: never[]) => unknown };

interface EmbeddedFont {
  layoutCache?: object;
  readonly font?: ParsedFont;
}

const fontsOf = (doc: PdfDoc): Record<string, EmbeddedFont> =>
  (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFont> })._fontFamilies ?? {};

/**
 * pdfkit keeps a per-word shaping cache on each font (`layoutCache`) for the life of the
 * document; on a 3,000-page report (every patient's name, MRN and notes) it grows by hundreds
 * of megabytes. Emptying it once it holds `MAX_CACHED_WORDS` keeps memory flat; until then the
 * words repeated across pages (labels, drugs, routes, column headings) are shaped once, not
 * once per page — shaping (fontkit's OpenType layout) is most of a report's drawing time.
 */
const MAX_CACHED_WORDS = 4_000;

/**
 * The shaping caches, one per parsed font, shared by every document that uses the font: a
 * shaped word (fontkit's glyphs and positions at the font's scale) depends on the font and the
 * word only — each document still picks its own subset when it draws — so the drawing pass
 * reuses what the page-count pass shaped, and the next report what this one did.
 */
const sharedCaches = new WeakMap<ParsedFont, object>();

export function trimFontCaches(doc: PdfDoc): void {
  for (const font of Object.values(fontsOf(doc))) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > MAX_CACHED_WORDS) {
      font.layoutCache = Object.create(null) as object;
      if (font.font) sharedCaches.set(font.font, font.layoutCache);
    }
  }
}

/**
 * Gives the faces `doc` has opened the shared shaping cache of their parsed font (when pdfkit
 * made them one: `fontLayoutCache` not turned off).
 */
export function shareShaping(doc: PdfDoc): void {
  for (const font of Object.values(fontsOf(doc))) {
    if (!font.layoutCache || !font.font) continue;
    const shared = sharedCaches.get(font.font);
    if (shared) font.layoutCache = shared;
    else sharedCaches.set(font.font, font.layoutCache);
  }
}

/**
 * The parsed font behind a face the document has used. Every report creates two documents
 * (two layout passes) and pdfkit parses the TTF again for each; handing the parsed font to the
 * next document (`registerFont` takes it like bytes) saves the parse and its warm glyph caches.
 * Each document still makes its own subset, so sharing it changes nothing in the output.
 */
export function parsedFont(doc: PdfDoc, face: Face): ParsedFont | null {
  const font = fontsOf(doc)[face]?.font;
  return font && typeof font.layout === 'function' ? font : null;
}
