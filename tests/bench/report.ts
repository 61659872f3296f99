/** How the rows are shown: a table for people, the growth across scales, and JSON. */
import { cpus, totalmem } from 'node:os';
import { ROWS, type Row } from './row.ts';

/** One line saying what ran the numbers (they drift between machines, the ratios less). */
export function machineDescription(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const gib = Math.round(totalmem() / 1024 ** 3);
  return `${model}, ${cores.length} cores, ${gib} GiB, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
}

const amount = (value: number, unit: Row['unit']): string =>
  `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;

const compared = (row: Row): string => (row.id === 'search' || row.id === 'chart' ? 'p95 ' : '');

function verdict(row: Row): string {
  if (row.ratio === null) return 'n/a';
  return row.ratio <= row.goal ? 'ok' : 'MISSED';
}

function cells(row: Row): string[] {
  const { ours, baseline } = row.spread;
  const spread =
    row.id === 'search' || row.id === 'chart' || row.id === 'memory'
      ? ''
      : `p95 ${amount(ours.p95, row.unit)} / ${baseline ? amount(baseline.p95, row.unit) : '—'}, ${ours.runs} run${ours.runs === 1 ? '' : 's'}`;
  return [
    row.id,
    row.scale.toLocaleString('en'),
    `${compared(row)}${amount(row.ours, row.unit)}`,
    row.baseline === null ? '—' : amount(row.baseline, row.unit),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    `≤ ${row.goal}`,
    verdict(row),
    [spread, row.note ?? ''].filter((s) => s.length > 0).join('; '),
  ];
}

const HEADER = ['row', 'patients', 'ours', 'baseline', 'ratio', 'goal', '', 'detail'];

/** A Markdown table (readable as plain text too), rows in the order of DESIGN.md §9. */
export function formatTable(rows: readonly Row[]): string {
  const order = (r: Row) => ROWS.findIndex((x) => x.id === r.id) * 1e9 + r.scale;
  const body = [...rows].sort((a, b) => order(a) - order(b)).map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Per row, how ours and the ratio change from the smallest to the largest scale measured. */
export function formatGrowth(rows: readonly Row[]): string {
  const scales = [...new Set(rows.map((r) => r.scale))].sort((a, b) => a - b);
  const small = scales[0];
  const large = scales[scales.length - 1];
  if (small === undefined || large === undefined || small === large) {
    return 'Growth: needs two scales (run without --quick for 100 → 30,000 patients).';
  }
  const lines = [
    `Growth from ${small.toLocaleString('en')} to ${large.toLocaleString('en')} patients:`,
  ];
  for (const { id } of ROWS) {
    const a = rows.find((r) => r.id === id && r.scale === small);
    const b = rows.find((r) => r.id === id && r.scale === large);
    if (!a || !b) continue;
    const ratio =
      a.ratio !== null && b.ratio !== null
        ? `; ratio ${a.ratio.toFixed(2)} → ${b.ratio.toFixed(2)}`
        : '';
    lines.push(
      `  ${id.padEnd(8)} ${compared(a)}${amount(a.ours, a.unit)} → ${amount(b.ours, b.unit)} (×${(b.ours / a.ours).toFixed(1)})${ratio}`,
    );
  }
  return lines.join('\n');
}

/** The `--json` file: the fields of issue 8 and the commit measured, plus the spread and note of each row. */
export function benchJson(machine: string, commit: string, rows: readonly Row[]): string {
  return `${JSON.stringify(
    {
      commit,
      machine,
      rows: rows.map((r) => ({
        id: r.id,
        scale: r.scale,
        ours: r.ours,
        baseline: r.baseline,
        unit: r.unit,
        ratio: r.ratio,
        goal: r.goal,
        spread: r.spread,
        note: r.note,
      })),
    },
    null,
    2,
  )}\n`;
}
