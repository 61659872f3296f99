/**
 * A route is said in the reader's words (common/route.ts): a coded route by its term, a route
 * written out by the source as written — unless it is an abbreviation on ISMP's List of
 * Error-Prone Abbreviations, which no screen or page repeats.
 */
import { describe, expect, it } from 'vitest';
import { formatRoute, type RouteFields } from '../../../electron/common/route.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const written = (route: string | null): RouteFields => ({ route, routeTerm: null });
const fr = wordsTranslator('fr');

describe('a route on screen and paper', () => {
  it.each([
    ['SC', 'voie sous-cutanée'],
    ['s.c.', 'voie sous-cutanée'],
    ['S/C', 'voie sous-cutanée'],
    ['SQ', 'voie sous-cutanée'],
    ['sub q', 'voie sous-cutanée'],
    ['IN', 'voie nasale'],
    ['Per os', 'voie orale'],
  ])('says the error-prone abbreviation “%s” in full: “%s”', (route, said) => {
    expect(formatRoute(written(route), fr)).toBe(said);
  });

  it('in each language', () => {
    expect(formatRoute(written('SC'), wordsTranslator('nl'))).toBe('subcutaan');
    expect(formatRoute(written('s.c.'), wordsTranslator('de'))).toBe('subkutan');
    expect(formatRoute(written('per os'), wordsTranslator('en'))).not.toMatch(/per os/i);
  });

  it('keeps what the source wrote out, and abbreviations that name a side it cannot say', () => {
    for (const route of ['IV lente sur 30 min', 'IV', 'PO', 'SC lent', 'OD', 'AU', 'constructor']) {
      expect(formatRoute(written(route), fr)).toBe(route);
    }
  });

  it('says a coded route by its term, and nothing when the source says nothing', () => {
    expect(formatRoute({ route: null, routeTerm: 'intravenous' }, fr)).toBe(
      fr('route.intravenous'),
    );
    expect(formatRoute(written(null), fr)).toBe('');
  });
});
