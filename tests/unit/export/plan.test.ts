/**
 * The fleet plan file: a good plan resolves every path against the plan's folder and reads
 * each entry's recipients; a bad one is refused before any import with the entry and field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlan, parsePlan } from '../../../electron/core/export/plan.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { readDowntimeIds } from '../../../electron/core/registrations/downtime-ids.ts';

let d: string;
let a: string;
let b: string;

beforeAll(async () => {
  d = mkdtempSync(join(tmpdir(), 'dtv-plan-'));
  a = (await generateDeviceIdentity()).recipient;
  b = (await generateDeviceIdentity()).recipient;
  writeFileSync(join(d, '3b.txt'), `# ward 3B laptops\n${a}\n\n${b}  # spare\n`);
  writeFileSync(join(d, 'empty.txt'), '# nobody yet\n');
  writeFileSync(join(d, 'typo.txt'), `${a}\nage1typo\n`);
  writeFileSync(join(d, '3b-ids.txt'), '# reserved by ADT\nDT-0001\nDT-0002\n');
  writeFileSync(join(d, 'twice-ids.txt'), 'DT-0001\nDT-0001\n');
});
afterAll(() => rmSync(d, { recursive: true, force: true }));

const planFile = () => join(d, 'plan.json');
const parse = (plan: unknown) => parsePlan(JSON.stringify(plan), planFile(), readDowntimeIds);

describe('a good plan', () => {
  test('resolves paths against the plan folder and reads recipients from files or lists', () => {
    const entries = parse({
      exports: [
        { wards: ['w3b'], to: '3b.txt', out: 'out/3b.dtx', downtimeIds: '3b-ids.txt' },
        { wards: ['w2a', 'Chirurgie 2B'], to: [b], out: '/srv/exports/2a.dtx' },
        { wards: ['icu'], to: a, out: 'icu.dtx' },
      ],
    });
    expect(entries).toEqual([
      {
        index: 0,
        wards: ['w3b'],
        recipients: [a, b],
        out: join(d, 'out/3b.dtx'),
        downtimeIds: ['DT-0001', 'DT-0002'],
      },
      {
        index: 1,
        wards: ['w2a', 'Chirurgie 2B'],
        recipients: [b],
        out: '/srv/exports/2a.dtx',
        downtimeIds: [],
      },
      { index: 2, wards: ['icu'], recipients: [a], out: join(d, 'icu.dtx'), downtimeIds: [] },
    ]);
  });

  test('is read from its file', () => {
    writeFileSync(
      planFile(),
      JSON.stringify({ exports: [{ wards: ['w3b'], to: [a], out: 'x.dtx' }] }),
    );
    expect(loadPlan(planFile(), readDowntimeIds)).toHaveLength(1);
  });
});

describe('a bad plan is refused with the entry and the field', () => {
  // Built when the test runs: the recipients are made in beforeAll.
  const good = { wards: ['w3b'], to: ['RECIPIENT'], out: '3b.dtx' };
  test.each([
    ['not JSON', '{"exports": [', /Plan .*plan\.json: JSON: /],
    ['no exports', { exports: [] }, /exports: the plan lists no exports/],
    ['a missing field', { exports: [good, { wards: ['w2a'], to: [a] }] }, /exports\[1\]\.out: /],
    ['an empty ward list', { exports: [{ ...good, wards: [] }] }, /exports\[0\]\.wards: /],
    [
      'a blank ward',
      { exports: [{ ...good, wards: ['w3b', ' '] }] },
      /exports\[0\]\.wards\[1\]: a ward id or name cannot be empty/,
    ],
    ['an unknown field', { exports: [{ ...good, ward: 'w3b' }] }, /exports\[0\]: .*ward/],
    [
      'a misspelt recipient',
      { exports: [good, { ...good, out: '2a.dtx', to: ['RECIPIENT', 'age1nope'] }] },
      /exports\[1\]\.to\[1\]: "age1nope…" is not an age1… X25519 recipient/,
    ],
    ['an empty recipient list', { exports: [{ ...good, to: [] }] }, /exports\[0\]\.to/],
    [
      'a missing recipients file',
      { exports: [{ ...good, to: 'nope.txt' }] },
      /exports\[0\]\.to: cannot read the recipients file .*nope\.txt/,
    ],
    [
      'a recipients file with nobody',
      { exports: [{ ...good, to: 'empty.txt' }] },
      /exports\[0\]\.to: .*empty\.txt lists no recipients/,
    ],
    [
      'a recipients file with a typo',
      { exports: [{ ...good, to: 'typo.txt' }] },
      /exports\[0\]\.to: recipient 2 in .*typo\.txt \("age1typo…"\)/,
    ],
    [
      'two entries writing one file',
      { exports: [good, { ...good, wards: ['w2a'], out: './3b.dtx' }] },
      /exports\[1\]\.out: \.\/3b\.dtx is also written by exports\[0\]/,
    ],
  ])('%s', (_name, plan, message) => {
    const text = (typeof plan === 'string' ? plan : JSON.stringify(plan)).replaceAll(
      'RECIPIENT',
      a,
    );
    expect(() => parsePlan(text, planFile(), readDowntimeIds)).toThrow(message);
  });

  test('an unreadable plan file names the path', () => {
    expect(() => loadPlan(join(d, 'missing.json'), readDowntimeIds)).toThrow(
      /Cannot read the plan file .*missing\.json/,
    );
  });
});
