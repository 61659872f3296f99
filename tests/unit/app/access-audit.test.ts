/**
 * The viewer's access audit: every line in the chain before the data goes out — even when the
 * process dies before the batched fsync — and searches counted per burst.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessAudit } from '../../../electron/core/app/access-audit.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

const CHILD = fileURLToPath(new URL('./audit-crash-child.ts', import.meta.url));

let dir: string;
let file: string;
let now: number;
const lines = () =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; user: string | null; detail: object });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'access-audit-'));
  file = join(dir, 'audit.jsonl');
  now = Date.parse('2026-11-29T03:00:00Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const audit = () =>
  createAccessAudit({
    file: () => file,
    device: 'ward-3b',
    clock: () => new Date(now),
    warn: () => {},
  });

describe('the access audit', () => {
  it('writes a chart-opened line at once (its fsync follows), in one valid chain', () => {
    const access = audit();
    access.record({ event: 'unlock' }, 'Nurse A');
    access.recordSoon({ event: 'patient-opened', detail: { mrn: '30000004' } }, 'Nurse A');
    expect(lines().map((l) => l.event)).toEqual(['unlock', 'patient-opened']);
    expect(verifyAudit(file)).toEqual({ ok: true, lines: 2 });
  });

  it.each(['chart', 'search'])(
    'keeps a %s line the app returned data for, though the app is killed before the fsync',
    (what) => {
      const child = spawnSync(process.execPath, [CHILD, file, what], { encoding: 'utf8' });
      expect(child.signal).toBe('SIGKILL');
      expect(child.stdout).toBe('data returned\n');
      expect(lines().map((l) => [l.event, l.detail])).toEqual([
        ['unlock', {}],
        what === 'chart' ? ['patient-opened', { mrn: '30000004' }] : ['search', { burst: 'start' }],
      ]);
      expect(verifyAudit(file)).toEqual({ ok: true, lines: 2 });
    },
  );

  it("writes a search burst's start before its first results, its count at its end, never the typed text", () => {
    const access = audit();
    access.searched('Nurse A');
    expect(lines().map((l) => l.detail)).toEqual([{ burst: 'start' }]);
    for (let i = 0; i < 4; i++) access.searched('Nurse A');
    now += 11_000;
    access.searched('Nurse A'); // a new burst: the first one's count is written
    access.endSearches('Nurse A');
    const searches = lines().filter((l) => l.event === 'search');
    expect(searches.map((l) => l.detail)).toEqual([
      { burst: 'start' },
      { burst: 'end', searches: 5 },
      { burst: 'start' },
      { burst: 'end', searches: 1 },
    ]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/query|lef/i);
  });

  it('refuses a search inside a burst once the trail cannot be written', () => {
    const access = audit();
    access.searched('Nurse A');
    rmSync(file);
    mkdirSync(file); // a folder where the trail should be
    expect(() => access.searched('Nurse A')).toThrow();
    expect(() =>
      access.recordSoon({ event: 'patient-opened', detail: { mrn: '1' } }, 'Nurse A'),
    ).toThrow();
  });

  it('records who failed to unlock even without a session', () => {
    audit().record({ event: 'unlock-failed', detail: { kind: 'wrong-passphrase' } }, 'Nurse B');
    expect(lines()[0]).toMatchObject({ event: 'unlock-failed', user: 'Nurse B' });
  });
});
