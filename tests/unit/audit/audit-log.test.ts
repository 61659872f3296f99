import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, verifyAudit } from '../../../electron/core/audit/audit-log.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-'));
  file = join(dir, 'audit.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A trail of `count` plausible events, one minute apart. */
function writeTrail(count: number): string[] {
  for (let i = 0; i < count; i++) {
    appendAudit(
      file,
      {
        event: 'patient-opened',
        device: 'ward-3-laptop',
        user: `nurse${i}`,
        detail: { mrn: `MRN${i}` },
      },
      new Date(Date.UTC(2026, 10, 28, 22, i)),
    );
  }
  return readLines();
}

const readLines = (): string[] => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const writeLines = (lines: string[]): void => writeFileSync(file, `${lines.join('\n')}\n`);

describe('appendAudit', () => {
  it('writes one JSON line per event with who, when, what and the chain fields', () => {
    appendAudit(
      file,
      { event: 'unlock', device: 'ward-3-laptop', user: 'jdupont' },
      new Date('2026-11-28T22:00:00Z'),
    );
    const [line] = readLines();
    expect(JSON.parse(line ?? '')).toEqual({
      seq: 1,
      time: '2026-11-28T22:00:00.000Z',
      device: 'ward-3-laptop',
      user: 'jdupont',
      event: 'unlock',
      detail: {},
      prev: GENESIS_HASH,
    });
  });

  it('chains each line to the one before it', () => {
    const lines = writeTrail(3);
    const second = JSON.parse(lines[1] ?? '') as { seq: number; prev: string };
    expect(second.seq).toBe(2);
    expect(second.prev).not.toBe(GENESIS_HASH);
    expect(verifyAudit(file)).toEqual({ ok: true, lines: 3 });
  });

  it('keeps appending after a line cut by a power loss, and the verifier still points at the cut', () => {
    writeTrail(2);
    appendFileSync(file, '{"seq":3,"time":"2026-11-');
    appendAudit(file, { event: 'lock', device: 'd', user: null });
    expect(readLines()).toHaveLength(4);
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 3 });
  });

  it('reports a trail it cannot write as an io error', () => {
    expect(() =>
      appendAudit(join(dir, 'missing-folder', 'audit.jsonl'), {
        event: 'lock',
        device: 'd',
        user: null,
      }),
    ).toThrow(expect.objectContaining({ kind: 'io' }));
  });
});

describe('verifyAudit finds tampering and names the first bad line', () => {
  it('accepts an untouched trail and an empty one', () => {
    writeTrail(10);
    expect(verifyAudit(file)).toEqual({ ok: true, lines: 10 });
    writeFileSync(file, '');
    expect(verifyAudit(file)).toEqual({ ok: true, lines: 0 });
  });

  it('an edited line (still valid JSON): names that line', () => {
    const lines = writeTrail(10);
    lines[4] = (lines[4] ?? '').replace('MRN4', 'MRN9');
    writeLines(lines);
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 5 });
  });

  it('an edit that breaks the JSON or a field: names that line', () => {
    const lines = writeTrail(10);
    writeLines(lines.map((l, i) => (i === 6 ? l.replace('"user":', '"usr":') : l)));
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 7 });
    writeLines(lines.map((l, i) => (i === 2 ? l.slice(0, -3) : l)));
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 3 });
  });

  it('a deleted line: names the place where it is missing', () => {
    const lines = writeTrail(10);
    writeLines(lines.filter((_, i) => i !== 3));
    expect(verifyAudit(file)).toMatchObject({
      ok: false,
      line: 4,
      problem: expect.stringContaining('removed'),
    });
    writeLines(lines.slice(1));
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 1 });
  });

  it('an inserted copy of another line: names the inserted line', () => {
    const lines = writeTrail(10);
    writeLines([...lines.slice(0, 6), lines[2] ?? '', ...lines.slice(6)]);
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 7 });
  });

  it('an inserted forged line that fits the chain before it: caught at the line it displaces', () => {
    const lines = writeTrail(10);
    const forged = readForged(lines.slice(0, 5));
    writeLines([...lines.slice(0, 5), forged, ...lines.slice(5)]);
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 7 });
  });

  it('two lines swapped: names the first of them', () => {
    const lines = writeTrail(10);
    writeLines(lines.map((l, i) => lines[i === 4 ? 5 : i === 5 ? 4 : i] ?? l));
    expect(verifyAudit(file)).toMatchObject({ ok: false, line: 5 });
  });

  it('a file cut in the middle of a line: names the cut line', () => {
    writeTrail(10);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 40));
    expect(verifyAudit(file)).toMatchObject({
      ok: false,
      line: 10,
      problem: expect.stringContaining('cut'),
    });
  });

  it('a missing file is an io error, not a verdict', () => {
    expect(() => verifyAudit(join(dir, 'nope.jsonl'))).toThrow(
      expect.objectContaining({ kind: 'io' }),
    );
  });
});

/** A line a forger appends to a copy of `prefix` with the real writer, so its hash fits. */
function readForged(prefix: string[]): string {
  const forgeryFile = join(dir, 'forgery.jsonl');
  writeFileSync(forgeryFile, `${prefix.join('\n')}\n`);
  appendAudit(forgeryFile, { event: 'print', device: 'ward-3-laptop', user: 'intruder' });
  return readFileSync(forgeryFile, 'utf8').split('\n').at(-2) ?? '';
}
