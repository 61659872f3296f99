/**
 * The importer binds NULL as NaN (inserts.ts `bound`: one N-API type check instead of five),
 * and writes the columns a whole batch leaves NULL as NULL in the statement (`BatchShape`).
 * That is only right while SQLite stores a NaN as NULL, in every kind of column, through a
 * batch as through a single row, whatever columns each batch leaves NULL; and a NOT NULL
 * column must still refuse it.
 */
import { describe, expect, it } from 'vitest';
import { createExportTables, finishBulkLoad } from '../../../electron/core/db/schema.ts';
import { prepareInserts } from '../../../electron/core/fhir/inserts.ts';
import type { Observation } from '../../../electron/core/model.ts';

const observation = (n: number): Observation => ({
  code: null,
  name: n % 2 === 0 ? null : `Result ${n}`,
  category: 'laboratory',
  value: null,
  valueText: 'see note',
  unit: null,
  comparator: null,
  refLow: null,
  refHigh: null,
  refText: null,
  otherRanges: [],
  flag: null,
  flagText: null,
  at: '2026-11-28T06:00:00Z',
});

function withPatient() {
  const db = createExportTables();
  db.prepare(
    `INSERT INTO patients (id, mrn, allergy_state, locator, record_status) VALUES ('p1', 'MRN1', 'unknown', 0, 'active')`,
  ).run();
  return db;
}

describe('values bound by the importer', () => {
  it('stores every NULL field as NULL, in full batches and in the rows flushed after them', () => {
    const db = withPatient();
    const ins = prepareInserts(db);
    const rows = 300; // two full batches and a remainder written one row at a time
    db.transaction(() => {
      for (let n = 0; n < rows; n++) ins.observation('p1', observation(n));
      ins.flush();
    })();
    finishBulkLoad(db);
    const kinds = db
      .prepare(
        `SELECT typeof(code) code, typeof(name) name, typeof(category) category, typeof(value) value, typeof(unit) unit,
                typeof(comparator) comparator, typeof(ref_low) refLow, typeof(other_ranges) otherRanges,
                typeof(flag) flag, typeof(value_text) valueText, count(*) n
         FROM observations GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY name`,
      )
      .all();
    const types = {
      code: 'null',
      category: 'text',
      value: 'null',
      unit: 'null',
      comparator: 'null',
      refLow: 'null',
      otherRanges: 'null',
      flag: 'null',
      valueText: 'text',
    };
    expect(kinds).toEqual([
      { ...types, name: 'null', n: rows / 2 },
      { ...types, name: 'text', n: rows / 2 },
    ]);
    expect(db.prepare('SELECT count(*) FROM observations WHERE value IS NULL').pluck().get()).toBe(
      rows,
    );
  });

  it('still refuses a missing value where the schema requires one', () => {
    const db = withPatient();
    const ins = prepareInserts(db);
    expect(() =>
      db.transaction(() => {
        ins.observation('p1', { ...observation(0), category: null } as unknown as Observation);
        ins.flush();
      })(),
    ).toThrow(/NOT NULL/);
  });

  it('still refuses a whole batch without a value where the schema requires one', () => {
    const db = withPatient();
    const ins = prepareInserts(db);
    const missing = { ...observation(0), category: null } as unknown as Observation;
    expect(() =>
      db.transaction(() => {
        for (let n = 0; n < 128; n++) ins.observation('p1', missing);
      })(),
    ).toThrow(/NOT NULL/);
  });

  it('writes every value, batch after batch, whatever columns each leaves NULL', () => {
    const db = withPatient();
    const ins = prepareInserts(db);
    // Eight batches of 128, each giving a value in other columns: more shapes than are kept.
    const row = (n: number): Observation => {
      const batch = Math.floor(n / 128);
      return {
        ...observation(n),
        code: batch % 2 === 0 ? `C-${n}` : null,
        value: batch % 3 === 0 ? n : null,
        unit: batch % 4 === 0 ? 'mmol/L' : null,
        flag: batch === 7 && n % 128 === 5 ? 'H' : null,
      };
    };
    const rows = 8 * 128 + 3;
    db.transaction(() => {
      for (let n = 0; n < rows; n++) ins.observation('p1', row(n));
      ins.flush();
    })();
    const written = db
      .prepare(
        'SELECT code, name, value, unit, flag, value_text valueText FROM observations ORDER BY rowid',
      )
      .all();
    expect(written).toEqual(
      Array.from({ length: rows }, (_, n) => {
        const o = row(n);
        return {
          code: o.code,
          name: o.name,
          value: o.value,
          unit: o.unit,
          flag: o.flag,
          valueText: 'see note',
        };
      }),
    );
  });
});
