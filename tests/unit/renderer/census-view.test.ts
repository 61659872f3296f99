/** Census sorting and filtering as the table applies them. */
import { describe, expect, it } from 'vitest';
import type { CensusRow } from '../../../electron/core/model.ts';
import { filterCensus, sortCensus } from '../../../renderer/lib/census-view.ts';

const row = (over: Partial<CensusRow>): CensusRow => ({
  patientId: over.mrn ?? 'p',
  mrn: '1',
  name: 'DOE, John',
  birthDate: null,
  sex: null,
  wardId: 'w',
  wardName: 'Ward',
  room: null,
  bed: null,
  locator: false,
  admittedAt: null,
  attending: null,
  reason: null,
  allergyState: 'unknown',
  codeStatus: 'unknown',
  isolation: null,
  severity: null,
  ...over,
});

const rows = [
  row({ mrn: 'A', name: 'ŒUVRARD, Jean', bed: '12', birthDate: '1950-02-01', severity: 'stable' }),
  row({ mrn: 'B', name: 'LEFÈVRE, Hélène', bed: '2', birthDate: '1990', severity: 'unstable' }),
  row({ mrn: 'C', name: 'DUPONT, Marie', bed: null, birthDate: null, severity: null }),
  row({ mrn: 'D', name: 'ADAMS, Ann', bed: '101', birthDate: '1970-06-30', severity: 'watcher' }),
];
const mrns = (list: readonly CensusRow[]) => list.map((r) => r.mrn);

describe('census sort', () => {
  it('sorts beds in natural order, rows without a bed last', () => {
    expect(mrns(sortCensus(rows, { key: 'bed', direction: 'ascending' }))).toEqual([
      'B',
      'A',
      'D',
      'C',
    ]);
    expect(mrns(sortCensus(rows, { key: 'bed', direction: 'descending' }))).toEqual([
      'D',
      'A',
      'B',
      'C',
    ]);
  });

  it('sorts by age with the youngest first when ascending', () => {
    expect(mrns(sortCensus(rows, { key: 'age', direction: 'ascending' }))).toEqual([
      'B',
      'D',
      'A',
      'C',
    ]);
  });

  it('sorts by severity with the most unstable first', () => {
    expect(mrns(sortCensus(rows, { key: 'severity', direction: 'ascending' }))).toEqual([
      'B',
      'D',
      'A',
      'C',
    ]);
  });

  it('sorts names ignoring accents', () => {
    expect(mrns(sortCensus(rows, { key: 'name', direction: 'ascending' }))).toEqual([
      'D',
      'C',
      'B',
      'A',
    ]);
  });
});

describe('census filter', () => {
  it('matches every typed word, accent- and case-insensitively, œ as oe', () => {
    expect(mrns(filterCensus(rows, 'helene lef'))).toEqual(['B']);
    expect(mrns(filterCensus(rows, 'oeuvrard'))).toEqual(['A']);
  });

  it('keeps every row for an empty filter', () => {
    expect(filterCensus(rows, '  ')).toBe(rows);
  });
});
