/**
 * A route the source names only by a code is read as one of the common route terms, so the
 * display can say it in the reader's words; a route written in words stays the source's.
 */
import { describe, expect, it } from 'vitest';
import { formatRoute, ROUTE_TERMS } from '../../../electron/common/route.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { routeTermOf } from '../../../electron/core/fhir/route-codes.ts';

const coded = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display === undefined ? {} : { display }) }],
});
const SNOMED = 'http://snomed.info/sct';

describe('a route coded without words', () => {
  it('is the term its EDQM code names, by the OID or the FHIR URL of EDQM', () => {
    expect(routeTermOf(coded('urn:oid:0.4.0.127.0.16.1.1.2.1', '20053000', 'Oral use'))).toBe(
      'oral',
    );
    expect(routeTermOf(coded('http://standardterms.edqm.eu', '20066000'))).toBe('subcutaneous');
  });

  it('is the term its SNOMED CT route code names', () => {
    expect(routeTermOf(coded(SNOMED, '47625008', 'Intravenous route'))).toBe('intravenous');
    expect(routeTermOf(coded(SNOMED, '34206005', 'SC use'))).toBe('subcutaneous');
    expect(routeTermOf(coded(SNOMED, '127492001', 'Nasogastric use'))).toBe('nasogastric');
  });

  it('reads the first coding the table knows, past a local one', () => {
    expect(
      routeTermOf({
        coding: [
          { system: 'urn:local:routes', code: 'PO', display: 'per os' },
          { system: SNOMED, code: '26643006' },
        ],
      }),
    ).toBe('oral');
  });

  it('is nothing for a code the table does not know, another system, or a prototype key', () => {
    expect(routeTermOf(coded(SNOMED, '999999999'))).toBeNull();
    expect(routeTermOf(coded('urn:local:routes', '26643006'))).toBeNull();
    expect(routeTermOf(coded(SNOMED, 'constructor'))).toBeNull();
    expect(routeTermOf(null)).toBeNull();
  });
});

describe('a route written in words', () => {
  it('keeps the source’s words even when the code is known: they may say more', () => {
    expect(routeTermOf({ ...coded(SNOMED, '47625008'), text: 'IV lente sur 30 min' })).toBeNull();
  });
});

describe('the route as it is said', () => {
  it('has words for every term in every language, none of them the English term of the code', () => {
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      const t = wordsTranslator(language);
      for (const routeTerm of ROUTE_TERMS) {
        const said = formatRoute({ route: 'Oral use', routeTerm }, t);
        expect({ language, routeTerm, said }).not.toMatchObject({ said: '' });
        expect(said).not.toMatch(/ use$| route$/);
      }
    }
    expect(formatRoute({ route: 'Oral use', routeTerm: 'oral' }, wordsTranslator('fr'))).toBe(
      'voie orale',
    );
    expect(formatRoute({ route: 'PO', routeTerm: null }, wordsTranslator('de'))).toBe('PO');
    expect(formatRoute({ route: null, routeTerm: null }, wordsTranslator('nl'))).toBe('');
  });

  it('says a code no term names beside the placeholder, never nothing (the code kept, schema 8)', () => {
    const coded = { route: null, routeTerm: null, routeCode: 'RT-7' };
    expect(formatRoute(coded, wordsTranslator('fr'))).toBe('(voie non nommée) (code RT-7)');
    expect(formatRoute(coded, wordsTranslator('nl'))).toBe(
      '(toedieningsweg niet benoemd) (code RT-7)',
    );
    expect(formatRoute(coded, wordsTranslator('de'))).toBe(
      '(Verabreichungsweg nicht benannt) (Code RT-7)',
    );
    // Words or a term say the route: the code then stays unsaid.
    expect(formatRoute({ ...coded, route: 'IV lente' }, wordsTranslator('fr'))).toBe('IV lente');
    expect(formatRoute({ ...coded, routeTerm: 'oral' }, wordsTranslator('fr'))).toBe('voie orale');
  });
});
