/**
 * A bulk load defers the schema's CHECK constraints to one pass at the end (schema.ts
 * `finishBulkLoad`): whatever SQLite would have refused row by row is still refused, named by
 * table and rule, and the finished database enforces them row by row again.
 */
import { describe, expect, it } from 'vitest';
import { insertSql } from '../../../electron/core/db/columns.ts';
import type { WritableDb } from '../../../electron/core/db/handle.ts';
import {
  CHECKS,
  copyBulkLoad,
  createExportTables,
  finishBulkLoad,
  scanOfCheck,
} from '../../../electron/core/db/schema.ts';

function withPatient(): WritableDb {
  const db = createExportTables();
  db.prepare(insertSql('patients')).run({
    id: 'p1',
    mrn: 'MRN1',
    family: null,
    given: null,
    name: null,
    birthDate: null,
    sex: null,
    language: null,
    weightKg: null,
    heightCm: null,
    allergyState: 'unknown',
    locator: 0,
    recordStatus: 'active',
  });
  return db;
}

const observation = (over: { patientId?: string; category?: string; comparator?: string | null }) =>
  ({
    patientId: over.patientId ?? 'p1',
    code: '8867-4',
    name: 'Heart rate',
    category: over.category ?? 'vital-signs',
    value: 72,
    valueText: null,
    unit: '/min',
    comparator: over.comparator ?? null,
    refLow: null,
    refHigh: null,
    refText: null,
    otherRanges: null,
    flag: null,
    flagText: null,
    at: '2026-11-28T06:00:00Z',
  }) as const;

describe('bulk load of the export database', () => {
  it('finishes a load that keeps every rule, NULL in a checked column included', () => {
    const db = withPatient();
    db.prepare(insertSql('observations')).run(observation({}));
    db.prepare(insertSql('observations')).run(
      observation({ category: 'laboratory', comparator: '<' }),
    );
    expect(() => finishBulkLoad(db)).not.toThrow();
    expect(db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(2);
    expect(db.pragma('index_list(observations)')).toHaveLength(1);
  });

  it('refuses a row outside a CHECK list, naming the table and the rule', () => {
    const db = withPatient();
    db.prepare(insertSql('observations')).run(observation({}));
    db.prepare(insertSql('observations')).run(observation({ category: 'imaging' }));
    expect(() => finishBulkLoad(db)).toThrow(
      /1 row\(s\) of observations break CHECK \(category IN \('vital-signs', 'laboratory', 'other'\)\)/,
    );
  });

  it('refuses a second CHECK of the same table and a two-value one', () => {
    const bad = withPatient();
    bad.prepare(insertSql('observations')).run(observation({ comparator: '=' }));
    expect(() => finishBulkLoad(bad)).toThrow(/observations break CHECK \(comparator IN/);
    const flag = withPatient();
    flag.prepare('UPDATE patients SET locator = 2').run();
    expect(() => finishBulkLoad(flag)).toThrow(/patients break CHECK \(locator IN \(0, 1\)\)/);
  });

  it('refuses a row whose patient is missing at once, during the load', () => {
    const db = withPatient();
    expect(() =>
      db.prepare(insertSql('observations')).run(observation({ patientId: 'p-gone' })),
    ).toThrow(/FOREIGN KEY/);
  });

  it('enforces the rules row by row once finished', () => {
    const db = withPatient();
    finishBulkLoad(db);
    const insert = db.prepare(insertSql('observations'));
    expect(() => insert.run(observation({ category: 'imaging' }))).toThrow(/CHECK constraint/);
    expect(() => insert.run(observation({ patientId: 'p-gone' }))).toThrow(/FOREIGN KEY/);
  });

  it('scans an IN list of literals as ORs of equalities, and any other rule as written', () => {
    expect(scanOfCheck("kind IN ('a', 'b,c', 'it''s')")).toBe(
      "(kind = 'a' OR kind = 'b,c' OR kind = 'it''s')",
    );
    expect(scanOfCheck('flag IN (0, 1)')).toBe('(flag = 0 OR flag = 1)');
    expect(scanOfCheck('dose > 0')).toBe('dose > 0');
    expect(scanOfCheck("kind IN ('a', other)")).toBe("kind IN ('a', other)");
  });

  it('scans every CHECK of the schema true, false or NULL exactly where the rule is', () => {
    const db = createExportTables();
    const checks = [...CHECKS.values()].flat();
    expect(checks.length).toBeGreaterThan(20);
    // Every literal of every rule, and values no rule lists, for every rule: members and not.
    const texts = new Set(
      checks.flatMap((c) => [...c.rule.matchAll(/'([^']*)'/g)].map((m) => m[1])),
    );
    const values = [null, 0, 1, 2, -1, '', 'x', '0', 'ACTIVE', ...texts];
    for (const { rule, scan } of checks) {
      expect(scan).not.toBe(rule);
      const column = /^\w+/.exec(rule)![0];
      const agree = db
        .prepare(`SELECT (${rule}) IS (${scan}) FROM (SELECT ? AS ${column})`)
        .pluck();
      for (const value of values) expect([rule, value, agree.get(value)]).toEqual([rule, value, 1]);
    }
  });

  it('sorts in memory, never in a temporary file, the fresh load as its copy', () => {
    const db = createExportTables();
    const copy = copyBulkLoad(db.serialize());
    // 2: MEMORY (an index's keys are patient ids and times).
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(copy.pragma('temp_store', { simple: true })).toBe(2);
  });
});
