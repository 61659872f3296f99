/**
 * The audit chain's head, sealed (issue 15, L1). The hash chain (audit-log.ts) shows an edit
 * inside the trail, but not lines cut off its end, nor a trail rewritten whole with a fresh
 * chain. So after each durable append the head — how many lines, and the SHA-256 of the last —
 * is written to a seal file beside the store, MAC'd with the laptop's key (the rollback key,
 * sealed with the OS secure storage where there is one, store/rollback.ts). Given the seal,
 * `verifySealedAudit` reports a trail shorter than sealed (truncated or emptied) or whose line
 * at the sealed position is not the sealed one (rewritten). Lines after the sealed position
 * are normal (written since the last seal, e.g. by `downtime install` without the key).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file.ts';
import { setAuditSealer, verifyAudit, type AuditVerdict } from './audit-log.ts';

const SealSchema = z
  .object({
    version: z.literal(1),
    count: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditSeal = z.infer<typeof SealSchema>;

/** The seal of a store's trail lives beside the store folder (with the rollback state). */
export function auditSealFileFor(storeDir: string): string {
  return join(dirname(storeDir), `${basename(storeDir)}.audit-seal.json`);
}

const macOf = (key: Buffer, count: number, hash: string): string =>
  createHmac('sha256', key)
    .update(`downtime-viewer audit seal v1\0${count}\0${hash}`)
    .digest('hex');

/** Writes the seal of a head: `count` lines, the last hashing to `hash`. */
export function writeAuditSeal(sealFile: string, key: Buffer, count: number, hash: string): void {
  const seal: AuditSeal = { version: 1, count, hash, mac: macOf(key, count, hash) };
  writeFileAtomic(sealFile, `${JSON.stringify(seal)}\n`);
}

/** Seals every durable append to `auditFile` from now on (in this thread). */
export function sealAuditTrail(auditFile: string, sealFile: string, key: Buffer): void {
  setAuditSealer(auditFile, (count, hash) => writeAuditSeal(sealFile, key, count, hash));
}

export type SealedVerdict =
  { ok: true; lines: number; sealed: number } | { ok: false; line: number; problem: string };

/**
 * The chain check, then the seal: the trail must reach the sealed line count and hold the
 * sealed line there. A missing seal for a trail that has lines, or a seal whose MAC fails,
 * is reported too (the seal itself was removed or forged).
 */
export function verifySealedAudit(auditFile: string, sealFile: string, key: Buffer): SealedVerdict {
  const chain: AuditVerdict = existsSync(auditFile)
    ? verifyAudit(auditFile)
    : { ok: true, lines: 0 };
  if (!chain.ok) return chain;
  if (!existsSync(sealFile)) {
    return chain.lines === 0
      ? { ok: true, lines: 0, sealed: 0 }
      : { ok: false, line: 1, problem: 'has no seal of its head (the seal file was removed)' };
  }
  let seal: AuditSeal;
  try {
    seal = SealSchema.parse(JSON.parse(readFileSync(sealFile, 'utf8')));
  } catch {
    return { ok: false, line: 1, problem: 'has a damaged seal file' };
  }
  const expected = Buffer.from(macOf(key, seal.count, seal.hash), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(seal.mac, 'hex'))) {
    return {
      ok: false,
      line: 1,
      problem: 'has a seal that this laptop did not write (forged or from another laptop)',
    };
  }
  if (chain.lines < seal.count) {
    return {
      ok: false,
      line: chain.lines + 1,
      problem: `is missing lines: the seal vouches for ${seal.count}, the trail has ${chain.lines} (cut off or emptied)`,
    };
  }
  if (seal.count > 0) {
    const line = readFileSync(auditFile, 'utf8').split('\n')[seal.count - 1] ?? '';
    if (createHash('sha256').update(line, 'utf8').digest('hex') !== seal.hash) {
      return {
        ok: false,
        line: seal.count,
        problem: 'is not the line that was sealed (the trail was rewritten)',
      };
    }
  }
  return { ok: true, lines: chain.lines, sealed: seal.count };
}
