import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log.ts';

let dir: string;
let file: string;
let intact: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-fuzz-'));
  file = join(dir, 'audit.jsonl');
  for (let i = 0; i < 8; i++)
    appendAudit(file, { event: 'print', device: 'd', user: 'u', detail: { mrn: `M${i}` } });
  intact = readFileSync(file, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('any single-character change to a trail is either caught or harmless to the chain, and never crashes', () => {
  fc.assert(
    fc.property(
      fc.nat({ max: intact.length - 1 }),
      fc.string({ minLength: 1, maxLength: 1 }),
      (at, char) => {
        const changed = intact.slice(0, at) + char + intact.slice(at + 1);
        writeFileSync(file, changed);
        const verdict = verifyAudit(file);
        // The last line has no successor to vouch for it: an edit there that keeps it valid
        // is the one blind spot (documented); everywhere else a change is caught.
        const lastLineStart = intact.lastIndexOf('\n', intact.length - 2) + 1;
        if (changed !== intact && at < lastLineStart) expect(verdict.ok).toBe(false);
      },
    ),
    { numRuns: 300 },
  );
});

it('arbitrary bytes give a verdict, never an exception', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      writeFileSync(file, bytes);
      expect(typeof verifyAudit(file).ok).toBe('boolean');
    }),
    { numRuns: 200 },
  );
});
