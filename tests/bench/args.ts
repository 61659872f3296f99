/** The command line of `npm run bench`. */
import { ROWS, type RowId } from './row.ts';

export const FULL_SCALES = [100, 3_000, 30_000] as const;
export const QUICK_SCALE = 3_000;
export const DEFAULT_SEED = 1;

export interface BenchArgs {
  /** Numbers of patients, smallest first. */
  readonly scales: readonly number[];
  readonly quick: boolean;
  readonly jsonFile: string | null;
  readonly seed: number;
  /** The rows to measure (default: all). */
  readonly rows: ReadonlySet<RowId>;
}

export const USAGE = `usage: npm run bench -- [--quick] [--json FILE] [--scales N,N,…] [--seed S]
  --quick        only the ${QUICK_SCALE.toLocaleString('en')}-patient scale (a few minutes)
  --json FILE    also write the rows as JSON
  --scales N,…   numbers of patients to measure (default ${FULL_SCALES.join(', ')})
  --seed S       demo data seed (default ${DEFAULT_SEED})
  --rows ID,…    only these rows (${ROWS.map((r) => r.id).join(', ')})`;

const isRowId = (id: string): id is RowId => ROWS.some((r) => r.id === id);

/** Parses argv (without node and the script); a string error names what was wrong. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | string {
  let quick = false;
  let jsonFile: string | null = null;
  let scales: readonly number[] | null = null;
  let seed: number = DEFAULT_SEED;
  let rows: ReadonlySet<RowId> = new Set(ROWS.map((r) => r.id));
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--json':
        if (value === undefined) return '--json needs a file name';
        jsonFile = value;
        i++;
        break;
      case '--scales': {
        const parsed = (value ?? '').split(',').map(Number);
        if (parsed.some((n) => !Number.isInteger(n) || n < 1)) {
          return '--scales needs whole numbers of patients, e.g. --scales 100,3000';
        }
        scales = [...parsed].sort((a, b) => a - b);
        i++;
        break;
      }
      case '--seed':
        seed = Number(value);
        if (!Number.isSafeInteger(seed)) return '--seed needs a whole number';
        i++;
        break;
      case '--rows': {
        const ids = (value ?? '').split(',');
        const unknown = ids.find((id) => !isRowId(id));
        if (unknown !== undefined) return `--rows: unknown row "${unknown}"`;
        rows = new Set(ids.filter(isRowId));
        i++;
        break;
      }
      default:
        return `unknown argument ${String(flag)}`;
    }
  }
  if (quick && scales) return '--quick and --scales cannot be combined';
  return { scales: scales ?? (quick ? [QUICK_SCALE] : FULL_SCALES), quick, jsonFile, seed, rows };
}
