import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/audit-log.ts';
import { expectRefusal, run } from './capture.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-audit-'));
  file = join(dir, 'audit.jsonl');
  for (const event of ['unlock', 'search', 'patient-opened', 'print', 'lock'] as const) {
    appendAudit(file, { event, device: 'ward-3-laptop', user: 'nurse', detail: { mrn: 'MRN1' } });
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('downtime audit verify', () => {
  it('an intact trail: exit 0 with the line count', async () => {
    expect(await run('audit', 'verify', file)).toMatchObject({
      code: 0,
      stdout: `${file}: intact, 5 lines.\n`,
    });
  });

  it('an edited trail: exit 1, one stderr line naming the first bad line', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace('"nurse"', '"someone-else"');
    writeFileSync(file, lines.join('\n'));
    expect(expectRefusal(await run('audit', 'verify', file))).toMatch(
      /line 2 was changed after it was written/,
    );
  });

  it('a reordered trail names where the order breaks', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n'));
    expect(expectRefusal(await run('audit', 'verify', file))).toMatch(
      /line 2 should be entry 2 but is entry 3/,
    );
  });

  it('a missing file is exit 1 naming it; a missing action is usage (exit 2)', async () => {
    expect(expectRefusal(await run('audit', 'verify', join(dir, 'none.jsonl')))).toMatch(
      /none\.jsonl/,
    );
    expect((await run('audit', file)).code).toBe(2);
    expect((await run('audit', 'verify')).code).toBe(2);
  });
});
