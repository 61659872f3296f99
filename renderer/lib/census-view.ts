/**
 * Sorting and filtering of a ward's census as the table shows it. Pure, so it is tested in
 * Node and shared by every column.
 */
import type { CensusRow, Severity } from '../../electron/core/model.ts';
import { fold } from '../../electron/common/fold.ts';

export const SORT_KEYS = ['bed', 'name', 'age', 'mrn', 'admitted', 'severity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Most at risk first when ascending. */
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { unstable: 0, watcher: 1, stable: 2 };

const bedLabel = (row: CensusRow): string | null =>
  row.bed === null && row.room === null ? null : `${row.room ?? ''} ${row.bed ?? ''}`.trim();

/**
 * The value each column sorts by. Age ascending means youngest first, i.e. the latest birth
 * date first, hence the negated sign in `AGE_FLIP`.
 */
const SORT_VALUE: Readonly<Record<SortKey, (row: CensusRow) => string | number | null>> = {
  bed: bedLabel,
  name: (row) => row.name,
  age: (row) => row.birthDate,
  mrn: (row) => row.mrn,
  admitted: (row) => row.admittedAt,
  severity: (row) => (row.severity === null ? null : SEVERITY_RANK[row.severity]),
};

const compareValues = (x: string | number, y: string | number): number =>
  typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));

export function sortCensus(rows: readonly CensusRow[], order: SortOrder): CensusRow[] {
  const value = SORT_VALUE[order.key];
  const sign = (order.direction === 'ascending' ? 1 : -1) * (order.key === 'age' ? -1 : 1);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Rows without the value go last whatever the direction: they are never "most urgent".
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const result = compareValues(x, y) * sign;
      if (result !== 0) return result;
    }
    return collator.compare(a.name ?? '', b.name ?? '');
  });
}

/** Keeps the rows whose bed, name, MRN, attending or reason contain every typed word. */
export function filterCensus(rows: readonly CensusRow[], filter: string): readonly CensusRow[] {
  const words = fold(filter).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = fold(
      [row.room, row.bed, row.name, row.mrn, row.attending, row.reason].filter(Boolean).join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}
