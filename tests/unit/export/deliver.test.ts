/**
 * The delivery example of docs/: each export lands in its laptop's inbox complete (copied as
 * NAME.dtx.part, then renamed), a missing inbox is named and the others are still delivered.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let d: string;
beforeAll(() => {
  d = mkdtempSync(join(tmpdir(), 'dtv-deliver-'));
  mkdirSync(join(d, 'out'));
  for (const ward of ['w3b', 'w2a', 'icu'])
    writeFileSync(join(d, 'out', `${ward}.dtx`), `export of ${ward}`);
  writeFileSync(join(d, 'out', 'w3b.dtx.part'), 'a run still writing: not delivered');
  for (const ward of ['w3b', 'icu']) mkdirSync(join(d, 'inboxes', ward), { recursive: true });
});
afterAll(() => rmSync(d, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('docs/examples/deliver.sh', () => {
  test('delivers each export whole to its inbox and names the one without an inbox', () => {
    const r = spawnSync('sh', ['docs/examples/deliver.sh', join(d, 'out'), join(d, 'inboxes')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`deliver: no inbox ${join(d, 'inboxes', 'w2a')} for w2a.dtx; skipped\n`);
    expect(r.stdout.trim().split('\n')).toEqual([
      `deliver: icu.dtx → ${join(d, 'inboxes', 'icu')}`,
      `deliver: w3b.dtx → ${join(d, 'inboxes', 'w3b')}`,
    ]);
    for (const ward of ['w3b', 'icu']) {
      expect(readdirSync(join(d, 'inboxes', ward))).toEqual([`${ward}.dtx`]);
      expect(readFileSync(join(d, 'inboxes', ward, `${ward}.dtx`), 'utf8')).toBe(
        `export of ${ward}`,
      );
    }
  });
});
