import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ExportKit, makeExportKit } from '../store/make-exports.ts';
import { expectRefusal, run } from './capture.ts';

let root: string;
let kit: ExportKit;
let storeDir: string;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-status-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  storeDir = join(root, `store-${testNo}`);
});

async function install(sequence: number, dataAsOf = new Date().toISOString()) {
  const path = join(root, `export-${testNo}-${sequence}.dtx`);
  writeFileSync(path, await kit.exportBytes(sequence, { dataAsOf }));
  return run(
    'install',
    path,
    '--store',
    storeDir,
    '--trust',
    kit.trustDir,
    '--recipient',
    kit.recipient,
  );
}

describe('downtime status', () => {
  it('--json gives the current export, the kept ones and the last decisions', async () => {
    const dataAsOf = new Date(Date.now() - 30 * 60 * 1000).toISOString();
    await install(1, dataAsOf);
    await install(2, dataAsOf);
    const result = await run('status', '--store', storeDir, '--trust', kit.trustDir, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const status = JSON.parse(result.stdout) as {
      current: Record<string, unknown>;
      kept: { exportId: string }[];
      decisions: { outcome: string }[];
      readiness: { id: string; level: string }[];
    };
    expect(status.current).toMatchObject({ exportId: 'exp-2', sequence: 2, dataAsOf });
    expect(status.kept.map((e) => e.exportId)).toEqual(['exp-2', 'exp-1']);
    expect(status.decisions.map((d) => d.outcome)).toEqual(['installed', 'installed']);
    expect(status.readiness.map((c) => c.id)).toEqual([
      'data-age',
      'signature',
      'store',
      'disk',
      'last-install',
      'last-refusal',
    ]);
  });

  it('prints a readiness table for people', async () => {
    await install(1);
    const result = await run('status', '--store', storeDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/current {2}exp-1 {2}sequence 1/);
    expect(result.stdout).toMatch(/GREEN {2}data-age/);
    expect(result.stdout).not.toMatch(/signature/);
  });

  it('exits 1 with one stderr line when a check is red (stale data)', async () => {
    await install(1, '2020-01-01T00:00:00Z');
    const result = await run('status', '--store', storeDir, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^downtime status: not ready — data-age: 2020/),
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ current: { exportId: 'exp-1' } });
  });

  it('an empty store has no current export and says it is not ready', async () => {
    mkdirSync(join(storeDir, 'exports'), { recursive: true });
    const result = await run('status', '--store', storeDir, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ current: null, kept: [] });
  });

  it('a store path that does not exist is refused, not created', async () => {
    expect(expectRefusal(await run('status', '--store', join(root, 'typo')))).toMatch(
      /no export store/,
    );
  });
});
