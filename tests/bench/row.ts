/** One line of the benchmark table: ours against a baseline, at one scale. */
import type { Summary } from './stats.ts';

export type RowId =
  | 'open'
  | 'search'
  | 'chart'
  | 'import'
  | 'handover'
  | 'mar'
  | 'memory'
  | 'unlock'
  | 'fleet'
  | 'soak';

/** The rows in table order, with the goal each ratio is held to (issue 17's table). */
export const ROWS: readonly { readonly id: RowId; readonly goal: number; readonly what: string }[] =
  [
    { id: 'open', goal: 1.0, what: 'export → verified, decrypted, opened, first search' },
    { id: 'search', goal: 0.5, what: 'p95 of 1,000 typed searches vs 2 ms budget' },
    { id: 'chart', goal: 1.0, what: 'p95 of full chart loads vs 2 ms budget' },
    { id: 'import', goal: 3.0, what: 'FHIR NDJSON → SQLite vs JSON.parse of the lines' },
    { id: 'handover', goal: 0.5, what: 'I-PASS handover PDF vs Chromium page.pdf' },
    { id: 'mar', goal: 0.5, what: '30-patient 24 h MAR PDF vs Chromium page.pdf' },
    { id: 'memory', goal: 2.0, what: 'peak RSS added by opening vs plaintext size' },
    { id: 'unlock', goal: 1.3, what: 'unlock → first census page vs the passphrase KDF alone' },
    { id: 'fleet', goal: 1.5, what: '20 per-ward exports (--plan) vs one whole-hospital export' },
    { id: 'soak', goal: 1.1, what: 'RSS after a week of API calls vs after the first 1,000' },
  ];

export const goalOf = (id: RowId): number => ROWS.find((r) => r.id === id)?.goal ?? Number.NaN;

export interface Row {
  readonly id: RowId;
  /** Number of patients. */
  readonly scale: number;
  /** The figure compared: a median time, a p95 time (search, chart) or a peak (memory). */
  readonly ours: number;
  /** Null when the baseline could not run here (then `note` says why). */
  readonly baseline: number | null;
  readonly unit: 'ms' | 'MiB';
  readonly ratio: number | null;
  readonly goal: number;
  readonly spread: { readonly ours: Summary; readonly baseline: Summary | null };
  /** What was measured beyond the id (e.g. "26 patients, 9 pages"), or why a side is missing. */
  readonly note: string | null;
}

/** A row comparing two medians. */
export function medianRow(
  id: RowId,
  scale: number,
  unit: Row['unit'],
  measured: { ours: Summary; baseline: Summary | null },
  note: string | null = null,
): Row {
  const baseline = measured.baseline?.median ?? null;
  return {
    id,
    scale,
    ours: measured.ours.median,
    baseline,
    unit,
    ratio: baseline === null ? null : measured.ours.median / baseline,
    goal: goalOf(id),
    spread: measured,
    note,
  };
}

/** A row comparing a p95 latency to a fixed budget. */
export function budgetRow(
  id: RowId,
  scale: number,
  ours: Summary,
  budgetMs: number,
  note: string | null,
): Row {
  return {
    id,
    scale,
    ours: ours.p95,
    baseline: budgetMs,
    unit: 'ms',
    ratio: ours.p95 / budgetMs,
    goal: goalOf(id),
    spread: { ours, baseline: null },
    note,
  };
}
