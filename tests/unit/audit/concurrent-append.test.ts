/**
 * The app and `downtime install` may append to one trail at the same moment; the chain must
 * stay intact (each append reads the last line, then writes: without the lock, two writers
 * would chain to the same line).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log.ts';

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
