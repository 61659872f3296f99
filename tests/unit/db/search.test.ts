/** Patient search as a nurse types it, on the small hand-made hospital. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { findPatientByMrn, searchPatients } from '../../../electron/core/db/queries.ts';
import { matchExpression } from '../../../electron/core/db/search-query.ts';
import { openSmallHospital } from './export-db.ts';

let db: ReadonlyDb;
beforeAll(async () => (db = await openSmallHospital()));
afterAll(() => db.close());

const names = (query: string) => searchPatients(db, query).map((h) => h.name);

describe('searchPatients', () => {
  it.each([
    ['lef hel', 'LEFÈVRE-DUPONT, Hélène'],
    ['hel lef', 'LEFÈVRE-DUPONT, Hélène'],
    ['LEFEVRE', 'LEFÈVRE-DUPONT, Hélène'],
    ['lefèvre-dupont', 'LEFÈVRE-DUPONT, Hélène'],
    ['dupont', 'LEFÈVRE-DUPONT, Hélène'],
    ['oeuvrard', 'ŒUVRARD, Jean'],
    ['Œuv', 'ŒUVRARD, Jean'],
    ["prud'homme", "PRUD'HOMME, Marie"],
    ['prud’homme marie', "PRUD'HOMME, Marie"],
    ['zoe', "D'HONDT, Zoë"],
    ["d'hondt", "D'HONDT, Zoë"],
    ['van den broeck', 'VAN DEN BROECK, Jan'],
  ])('finds %j by name: %s', (query, name) => {
    expect(names(query)).toEqual([name]);
  });

  it('finds by MRN, bed and birth date in either written form', () => {
    expect(names('MRN0002')).toEqual(['ŒUVRARD, Jean']);
    expect(names('12A')).toEqual(['LEFÈVRE-DUPONT, Hélène']);
    expect(names('1950-03-14')).toEqual(['LEFÈVRE-DUPONT, Hélène']);
    expect(names('14/03/1950')).toEqual(['LEFÈVRE-DUPONT, Hélène']);
    expect(names('2/7/1941')).toEqual(['ŒUVRARD, Jean']);
  });

  it('lists admitted patients before the others and says which is which', () => {
    const hits = searchPatients(db, 'MRN000');
    expect(hits.map((h) => h.admitted)).toEqual([true, true, true, true, false]);
    expect(hits.at(-1)).toMatchObject({
      name: 'VAN DEN BROECK, Jan',
      wardName: null,
      bed: null,
      admitted: false,
    });
    expect(searchPatients(db, 'MRN000', 2)).toHaveLength(2);
  });

  it('treats query syntax as text: quotes, operators, stars and lone punctuation', () => {
    for (const query of [
      '"',
      'lef"',
      'NOT',
      'hel OR',
      'a*b',
      '(',
      '-',
      "'",
      'NEAR(lef hel)',
      '^lef',
    ]) {
      expect(() => searchPatients(db, query), query).not.toThrow();
    }
    expect(searchPatients(db, '   ')).toEqual([]);
    expect(searchPatients(db, '---')).toEqual([]);
  });

  it('quotes and folds every token of the MATCH expression', () => {
    expect(matchExpression("Prud'homme  Œuvrard")).toBe(`"prud'homme"* "oeuvrard"*`);
    expect(matchExpression('say "hi"')).toBe('"say"* """hi"""*');
    expect(matchExpression('14/03/1950')).toBe('"1950-03-14"*');
  });
});

describe('findPatientByMrn', () => {
  it('finds the patient a scanned MRN names, or any other identifier exactly', () => {
    expect(findPatientByMrn(db, 'MRN0001')?.name).toBe('LEFÈVRE-DUPONT, Hélène');
    expect(findPatientByMrn(db, ' MRN0001\n')?.name).toBe('LEFÈVRE-DUPONT, Hélène');
    expect(findPatientByMrn(db, 'NN-p-zoe')?.name).toBe("D'HONDT, Zoë");
    expect(findPatientByMrn(db, 'MRN000')).toBeNull();
  });
});
