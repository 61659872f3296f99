/** Patient search as a nurse types it, on the small hand-made hospital. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { findPatientByMrn, searchPatients } from '../../../electron/core/db/queries.ts';
import { matchExpression } from '../../../electron/core/db/search-query.ts';
import { inSearchOrder } from '../../../electron/core/db/search-order.ts';
import { patient, stay } from '../fhir/small-hospital.ts';
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

  it('finds a room or bed by the digits it starts with, typed alone', () => {
    expect(names('12')).toEqual(["D'HONDT, Zoë", 'LEFÈVRE-DUPONT, Hélène']);
    expect(names('0')).toEqual(["PRUD'HOMME, Marie"]);
    expect(names('01')).toEqual(["PRUD'HOMME, Marie"]);
    expect(names('2')).toEqual(['ŒUVRARD, Jean']);
    expect(names('99')).toEqual([]);
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

describe('a search matching more patients than it lists', () => {
  // 60 Vermeulens written in a shuffled order, two in three admitted, with names whose byte
  // order differs from their alphabetical one (É, Ö after Z; lower case after upper).
  const GIVEN = ['Zoë', 'Élise', 'anna', 'Anna', 'Ömer', 'Jan', 'Léa', 'Bram', 'Ève', 'Noor'];
  const people = Array.from({ length: 60 }, (_, i) => ({
    id: `p-v${String((i * 37) % 60).padStart(2, '0')}`,
    given: `${GIVEN[i % GIVEN.length]} ${Math.floor(i / GIVEN.length)}`,
    admitted: i % 3 !== 0,
  }));
  let big: ReadonlyDb;
  beforeAll(async () => {
    big = await openSmallHospital(
      people.flatMap((p, i) => [
        patient(p.id, 'Vermeulen', p.given, `MRNV${i}`, '1960-01-01'),
        ...(p.admitted ? [stay(`e-${p.id}`, p.id, 'w-geri', '2026-11-20T10:00:00+01:00')] : []),
      ]),
    );
  });
  afterAll(() => big.close());

  it('lists the first of every match, admitted first and by name, not of the first ones read', () => {
    const everyMatch = big
      .prepare(
        `SELECT p.id FROM patient_search f JOIN patients p ON p.rowid = f.rowid
         LEFT JOIN stays s ON s.patient_id = p.id
         WHERE patient_search MATCH '"ve"*' ORDER BY s.patient_id IS NULL, p.name, p.id`,
      )
      .pluck()
      .all() as string[];
    expect(everyMatch).toHaveLength(60);
    expect(searchPatients(big, 've', 20).map((h) => h.patientId)).toEqual(everyMatch.slice(0, 20));
    expect(searchPatients(big, 'vermeulen', 50).map((h) => h.patientId)).toEqual(
      everyMatch.slice(0, 50),
    );
  });

  it('writes patients in that order, so rowid order is the order the search lists', () => {
    const byRowid = big.prepare('SELECT id FROM patients ORDER BY rowid').pluck().all();
    const bySearch = big
      .prepare(
        `SELECT p.id FROM patients p LEFT JOIN stays s ON s.patient_id = p.id
         ORDER BY s.patient_id IS NULL, p.name, p.id`,
      )
      .pluck()
      .all();
    expect(byRowid).toEqual(bySearch);
  });

  it('sorts as SQLite does: admitted first, a missing name first, then UTF-8 bytes, then id', () => {
    const order = inSearchOrder(
      [
        { admitted: false, name: 'AAA, Anna', id: 'a' },
        { admitted: true, name: 'ÉMILE, Jan', id: 'b' },
        { admitted: true, name: 'ZOË, Léa', id: 'c' },
        { admitted: true, name: null, id: 'd' },
        { admitted: true, name: 'ZOË, Léa', id: 'B' },
        { admitted: true, name: 'zoë, léa', id: 'e' },
      ],
      (p) => p,
    );
    expect(order.map((p) => p.id)).toEqual(['d', 'B', 'c', 'e', 'b', 'a']);
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
