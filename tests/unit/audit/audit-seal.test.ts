/**
 * The sealed head of the audit trail (issue 15, L1): truncation, emptying and a whole rewrite
 * pass the hash chain alone; given the seal they are reported — by the library, by
 * `downtime audit verify --seal --key`, and on the readiness screen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  setAuditSealer,
  syncAudit,
  verifyAudit,
} from '../../../electron/core/audit/audit-log.ts';
import {
  auditSealFileFor,
  sealAuditTrail,
  verifySealedAudit,
} from '../../../electron/core/audit/audit-seal.ts';
import { loadStoreRollbackKey, rollbackFilesFor } from '../../../electron/core/store/rollback.ts';
import { run } from '../cli/capture.ts';

const root = mkdtempSync(join(tmpdir(), 'audit-seal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
let storeDir: string;
let trail: string;
let seal: string;
let key: Buffer;
beforeEach(() => {
  storeDir = join(root, `store-${++n}`);
  trail = join(root, `trail-${n}.jsonl`);
  seal = auditSealFileFor(storeDir);
  key = loadStoreRollbackKey(storeDir, null);
  sealAuditTrail(trail, seal, key);
});

const entry = (i: number) => ({
  event: 'patient-opened' as const,
  device: 'ward-3',
  user: 'nurse',
  detail: { mrn: `M${i}` },
});
function write(lines: number): void {
  for (let i = 1; i <= lines; i++) appendAudit(trail, entry(i));
}
const lines = () => readFileSync(trail, 'utf8').split('\n').filter(Boolean);

describe('a sealed audit trail', () => {
  it('verifies intact, with every durable line sealed', () => {
    write(5);
    expect(verifySealedAudit(trail, seal, key)).toEqual({ ok: true, lines: 5, sealed: 5 });
  });

  it('reports lines cut off the end, which the chain alone accepts', () => {
    write(5);
    writeFileSync(trail, `${lines().slice(0, 3).join('\n')}\n`);
    expect(verifyAudit(trail)).toEqual({ ok: true, lines: 3 });
    expect(verifySealedAudit(trail, seal, key)).toMatchObject({
      ok: false,
      line: 4,
      problem: expect.stringMatching(/seal vouches for 5, the trail has 3/) as string,
    });
  });

  it('reports an emptied trail and a trail rewritten whole with a fresh chain', () => {
    write(4);
    writeFileSync(trail, '');
    expect(verifySealedAudit(trail, seal, key)).toMatchObject({ ok: false, line: 1 });
    // Rewritten: the same number of lines, a valid chain, without the accesses to hide.
    setAuditSealer(trail, null);
    for (let i = 11; i <= 14; i++) appendAudit(trail, entry(i));
    expect(verifyAudit(trail)).toEqual({ ok: true, lines: 4 });
    expect(verifySealedAudit(trail, seal, key)).toMatchObject({
      ok: false,
      line: 4,
      problem: expect.stringMatching(/rewritten/) as string,
    });
  });

  it('lines appended after the seal (not yet flushed) are not tampering; a flush seals them', () => {
    write(2);
    appendAudit(trail, entry(3), new Date(), { durable: false });
    expect(verifySealedAudit(trail, seal, key)).toEqual({ ok: true, lines: 3, sealed: 2 });
    syncAudit(trail);
    expect(verifySealedAudit(trail, seal, key)).toEqual({ ok: true, lines: 3, sealed: 3 });
  });

  it('reports a removed seal and a seal forged without the key', () => {
    write(2);
    const genuine = readFileSync(seal, 'utf8');
    rmSync(seal);
    expect(verifySealedAudit(trail, seal, key)).toMatchObject({ ok: false });
    writeFileSync(seal, genuine.replace(/"count":2/, '"count":1'));
    expect(verifySealedAudit(trail, seal, key)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/did not write/) as string,
    });
  });

  it('downtime audit verify reports the truncation given --seal and --key', async () => {
    write(3);
    writeFileSync(trail, `${lines().slice(0, 2).join('\n')}\n`);
    expect((await run('audit', 'verify', trail)).code).toBe(0);
    const sealed = await run(
      'audit',
      'verify',
      trail,
      '--seal',
      seal,
      '--key',
      rollbackFilesFor(storeDir).key,
    );
    expect(sealed.code).toBe(1);
    expect(sealed.stderr).toMatch(/line 3 is missing lines: the seal vouches for 3/);
  });
});
