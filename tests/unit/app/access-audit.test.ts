/** The viewer's access audit: every line in the chain at once, searches counted per burst. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessAudit } from '../../../electron/core/app/access-audit.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

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

  it('counts a burst of typed searches as one line, never the typed text', () => {
    const access = audit();
    for (let i = 0; i < 5; i++) access.searched('Nurse A');
    now += 11_000;
    access.searched('Nurse A'); // a new burst: the first is written
    access.endSearches('Nurse A');
    const searches = lines().filter((l) => l.event === 'search');
    expect(searches.map((l) => l.detail)).toEqual([{ searches: 5 }, { searches: 1 }]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/query|lef/i);
  });

  it('records who failed to unlock even without a session', () => {
    audit().record({ event: 'unlock-failed', detail: { kind: 'wrong-passphrase' } }, 'Nurse B');
    expect(lines()[0]).toMatchObject({ event: 'unlock-failed', user: 'Nurse B' });
  });
});
