/**
 * The app and `downtime install` may append to one trail at the same moment; the chain must
 * stay intact (without the lock, two writers would chain to the same line). Each writer keeps
 * the chain's head in memory between appends: it must notice the lines others wrote meanwhile,
 * a trail replaced under it, and let others in soon after its last line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendAudit, syncAudit, verifyAudit } from '../../../electron/core/audit/audit-log.ts';

const AUDIT_LOG = fileURLToPath(
  new URL('../../../electron/core/audit/audit-log.ts', import.meta.url),
);

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-concurrent-'));
  file = join(dir, 'audit.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A separate Node process appending `count` events. */
function appender(device: string, count: number): Promise<number | null> {
  const script = `import { appendAudit } from ${JSON.stringify(AUDIT_LOG)};
for (let i = 0; i < ${count}; i++) appendAudit(${JSON.stringify(file)}, { event: 'search', device: ${JSON.stringify(device)}, user: null });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', resolve));
}

it('four processes appending at once leave one intact chain', async () => {
  const codes = await Promise.all(['a', 'b', 'c', 'd'].map((device) => appender(device, 25)));
  expect(codes).toEqual([0, 0, 0, 0]);
  expect(verifyAudit(file)).toEqual({ ok: true, lines: 100 });
});

it('a lock left by a process that was killed does not block the trail', () => {
  writeFileSync(`${file}.lock`, '2147483646');
  appendAudit(file, { event: 'lock', device: 'd', user: null });
  expect(verifyAudit(file)).toEqual({ ok: true, lines: 1 });
});

it('chains to the lines another process wrote since its own last one', async () => {
  appendAudit(file, { event: 'unlock', device: 'app', user: 'Nurse A' });
  expect(await appender('install', 3)).toBe(0);
  appendAudit(file, { event: 'lock', device: 'app', user: 'Nurse A' });
  expect(verifyAudit(file)).toEqual({ ok: true, lines: 5 });
});

it('keeps the lock only a moment after an unsynced line: another process then appends', async () => {
  appendAudit(file, { event: 'patient-opened', device: 'app', user: 'Nurse A' }, new Date(), {
    durable: false,
  });
  expect(existsSync(`${file}.lock`)).toBe(true); // leased for the next chart
  const started = Date.now();
  expect(await appender('install', 1)).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
  appendAudit(file, { event: 'patient-opened', device: 'app', user: 'Nurse A' }, new Date(), {
    durable: false,
  });
  syncAudit(file);
  expect(existsSync(`${file}.lock`)).toBe(false);
  expect(verifyAudit(file)).toEqual({ ok: true, lines: 3 });
  expect(readFileSync(file, 'utf8').match(/"device":"install"/g)).toHaveLength(1);
});

it('starts a new chain in a trail put in place of the one it was appending to', () => {
  appendAudit(file, { event: 'unlock', device: 'app', user: null });
  renameSync(file, `${file}.old`);
  appendAudit(file, { event: 'lock', device: 'app', user: null });
  expect(verifyAudit(file)).toEqual({ ok: true, lines: 1 });
  expect(verifyAudit(`${file}.old`)).toEqual({ ok: true, lines: 1 });
});
