/**
 * `memory`: how much resident memory opening an export adds (file bytes, the copy sent to the
 * engine worker, the decrypted image, SQLite's deserialized copy), measured in a fresh child
 * process each run so nothing earlier in the bench is counted, against the plaintext size.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { summarize } from '../stats.ts';

const CHILD = fileURLToPath(new URL('../memory-child.ts', import.meta.url));
const MIB = 1024 ** 2;

export async function measureMemory(fixture: Fixture, dataDir: string, runs: number): Promise<Row> {
  const added: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...process.execArgv, CHILD, JSON.stringify(fixture), dataDir],
      { maxBuffer: 1 << 20 },
    );
    const { addedBytes } = JSON.parse(stdout) as { addedBytes: number };
    added.push(addedBytes / MIB);
  }
  const plaintext = fixture.sizes.plaintext / MIB;
  return medianRow(
    'memory',
    fixture.scale,
    'MiB',
    { ours: summarize(added), baseline: summarize([plaintext]) },
    `${plaintext.toFixed(1)} MiB plaintext`,
  );
}
