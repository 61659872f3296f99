/**
 * The shaping cache pdfkit keeps per font: kept across pages while it is small (words repeated
 * on every page are shaped once), emptied once it is large (a 3,000-page report stays flat).
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import {
  parsedFont,
  shareShaping,
  trimFontCaches,
} from '../../../electron/core/print/pdfkit-internals.ts';

type FontCaches = { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> };

function docWithCachedWords(words: number): FontCaches {
  const doc = new PDFDocument({ autoFirstPage: false });
  const cache = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < words; i++) cache[`word${i}`] = { advanceWidth: i };
  const fonts = doc as unknown as FontCaches;
  fonts._fontFamilies = { regular: { layoutCache: cache } };
  return fonts;
}

describe('the font shaping cache between documents', () => {
  const withFont = (font: Buffer | object) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('regular', font as Buffer);
    doc.font('regular');
    shareShaping(doc);
    return doc;
  };

  it('shapes a word once for every document of the same parsed font (the two passes)', () => {
    const counting = withFont(loadFonts().regular);
    counting.widthOfString('Pipéracilline');
    const font = parsedFont(counting, 'regular');
    if (!font) throw new Error('pdfkit no longer keeps its parsed font');
    const drawing = withFont(font);
    const layout = vi.spyOn(font, 'layout');
    drawing.addPage().text('Pipéracilline', 10, 10);
    expect(layout).not.toHaveBeenCalled();
    drawing.text('tazobactam', 10, 30);
    expect(layout).toHaveBeenCalledTimes(1);
    layout.mockRestore();
  });
});

describe('the font shaping cache between pages', () => {
  it('keeps the words of a page for the next pages while there are few', () => {
    const doc = docWithCachedWords(300);
    trimFontCaches(doc as unknown as typeof PDFDocument);
    expect(Object.keys(doc._fontFamilies.regular?.layoutCache ?? {})).toHaveLength(300);
  });

  it('empties it once it holds thousands of words', () => {
    const doc = docWithCachedWords(10_000);
    trimFontCaches(doc as unknown as typeof PDFDocument);
    expect(Object.keys(doc._fontFamilies.regular?.layoutCache ?? {})).toHaveLength(0);
  });
});
