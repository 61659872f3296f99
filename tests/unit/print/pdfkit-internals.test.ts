/**
 * The shaping cache pdfkit keeps per font: kept across pages while it is small (words repeated
 * on every page are shaped once), emptied once it is large (a 3,000-page report stays flat).
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { trimFontCaches } from '../../../electron/core/print/pdfkit-internals.ts';

type FontCaches = { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> };

function docWithCachedWords(words: number): FontCaches {
  const doc = new PDFDocument({ autoFirstPage: false });
  const cache = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < words; i++) cache[`word${i}`] = { advanceWidth: i };
  const fonts = doc as unknown as FontCaches;
  fonts._fontFamilies = { regular: { layoutCache: cache } };
  return fonts;
}

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
