/** The column descriptors (db/columns.ts) are the schema's columns, and generate working SQL. */
import { describe, expect, it } from 'vitest';
import { COLUMNS, insertSql, selectColumns } from '../../../electron/core/db/columns.ts';
import { CENSUS_COLUMNS, ORDER_COLUMNS } from '../../../electron/core/db/rows.ts';
import { createExportDatabase, TABLES } from '../../../electron/core/db/schema.ts';

describe('column descriptors', () => {
  const db = createExportDatabase();

  it('describe every export table, and only those', () => {
    expect(Object.keys(COLUMNS).sort()).toEqual([...TABLES].sort());
  });

  it.each(TABLES)('%s: the descriptor lists PRAGMA table_info, in order', (table) => {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    expect(Object.values(COLUMNS[table])).toEqual(columns);
  });

  it('insert one row by field name and read it back under the same names', () => {
    db.prepare(insertSql('sites')).run({ id: 's1', name: 'Site' });
    db.prepare(insertSql('wards')).run({ id: 'w1', siteId: 's1', name: 'Ward', inScope: 1 });
    db.prepare(insertSql('beds', 2)).run(['b1', 'w1', '101', 'A', 'b2', 'w1', '101', 'B']);
    expect(db.prepare(`SELECT ${selectColumns('wards', 'w')} FROM wards w`).get()).toEqual({
      id: 'w1',
      siteId: 's1',
      name: 'Ward',
      inScope: 1,
    });
    expect(
      db.prepare(`SELECT ${selectColumns('beds', null, ['id', 'name'])} FROM beds`).all(),
    ).toEqual([
      { id: 'b1', name: 'A' },
      { id: 'b2', name: 'B' },
    ]);
  });

  it('refuses a row that leaves a field out (named binding)', () => {
    expect(() => db.prepare(insertSql('sites')).run({ id: 's2' })).toThrow(/name/);
  });

  it('name the shared SELECT lists after the model', () => {
    expect(ORDER_COLUMNS).toContain('dose_unit AS doseUnit');
    expect(ORDER_COLUMNS).not.toContain('patient_id');
    expect(CENSUS_COLUMNS).toContain('p.id AS patientId');
    expect(CENSUS_COLUMNS).toContain('w.name AS wardName');
  });
});
