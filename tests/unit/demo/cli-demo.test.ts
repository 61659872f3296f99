import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../cli/capture.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('downtime demo', () => {
  it('writes the hospital and says what it wrote', async () => {
    const out = join(dir, 'fhir');
    const r = await run(
      'demo',
      '--patients',
      '12',
      '--seed',
      '5',
      '--as-of',
      '2026-11-28T08:00:00Z',
      '--out',
      out,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(
      /^Wrote 12 demo patients \(\d+ admitted at 2026-11-28T08:00:00.000Z; 3 sites/,
    );
    const patients = readFileSync(join(out, 'Patient.ndjson'), 'utf8').trimEnd().split('\n');
    expect(patients).toHaveLength(12);
  });

  it.each([
    [['--patients', '10'], /missing --out/],
    [['--out', 'x'], /missing --patients/],
    [['--patients', 'ten', '--out', 'x'], /--patients must be a whole number/],
    [['--patients', '0', '--out', 'x'], /--patients must be from 1/],
    [['--patients', '5', '--seed', '-3', '--out', 'x'], /--seed/],
    [['--patients', '5', '--as-of', 'yesterday', '--out', 'x'], /--as-of must be an ISO 8601/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const r = await run('demo', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: downtime demo');
  });

  it('prints its usage on --help', async () => {
    const r = await run('demo', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--patients N');
  });
});
