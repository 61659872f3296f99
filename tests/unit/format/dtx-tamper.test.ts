/**
 * Tampering and damage: every single-bit flip in the head, manifest, signer and signature of
 * a small export; flips at sampled payload offsets; truncation at every 1 KiB (and at every
 * byte of the head); appended junk; a signature swapped in from another export. Each is
 * refused with the kind that names it — and never decrypted.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import {
  decryptExport,
  dtxRegions,
  verifyExport,
  writeExport,
} from '../../../electron/core/format/dtx.ts';
import { type Fixture, kindOf, kindOfSync, makeFixture, manifestInput } from './helpers.ts';

let f: Fixture;
let big: Fixture;
beforeAll(async () => {
  f = await makeFixture();
  big = await makeFixture({ fillerRows: 600 });
});

function flipped(bytes: Uint8Array, offset: number, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ (1 << bit);
  return copy;
}

/** Every kind seen for every bit flip in [start, end). */
function kindsForFlips(
  start: number,
  end: number,
  bits: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7],
) {
  const kinds = new Map<string, number>();
  for (let offset = start; offset < end; offset++) {
    for (const bit of bits) {
      const kind = kindOfSync(() => verifyExport(flipped(f.bytes, offset, bit), f.trust));
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  return kinds;
}

describe('bit flips', () => {
  test('magic line: not-an-export, or unsupported-version when it reads as another DTX format', () => {
    const kinds = kindsForFlips(...dtxRegions(f.bytes).magic);
    expect([...kinds.keys()].sort()).toEqual(['not-an-export', 'unsupported-version']);
    // "DTX1" → "DTX0", "DTX3", "DTX5", "DTX9": the four flips of '1' that stay a digit.
    expect(kinds.get('unsupported-version')).toBe(4);
  });

  test('manifest length: refused (the manifest, signer and signature no longer line up)', () => {
    const kinds = kindsForFlips(...dtxRegions(f.bytes).length);
    for (const kind of kinds.keys()) {
      expect(['not-an-export', 'truncated', 'unknown-signer', 'bad-signature']).toContain(kind);
    }
  });

  test('every bit of the manifest: bad-signature', () => {
    const [start, end] = dtxRegions(f.bytes).manifest;
    expect(end - start).toBeGreaterThan(200);
    expect([...kindsForFlips(start, end)]).toEqual([['bad-signature', (end - start) * 8]]);
  });

  test('every bit of the signer key: unknown-signer', () => {
    const [start, end] = dtxRegions(f.bytes).signer;
    expect([...kindsForFlips(start, end)]).toEqual([['unknown-signer', (end - start) * 8]]);
  });

  test('every bit of the signature: bad-signature', () => {
    const [start, end] = dtxRegions(f.bytes).signature;
    expect([...kindsForFlips(start, end)]).toEqual([['bad-signature', (end - start) * 8]]);
  });

  test('sampled payload offsets (age header, nonce, chunks, last tag): payload-mismatch, and no decrypt', async () => {
    const [start, end] = dtxRegions(f.bytes).payload;
    const offsets = new Set<number>();
    for (let o = start; o < Math.min(end, start + 400); o++) offsets.add(o); // the age header + nonce
    for (let o = start; o < end; o += 37) offsets.add(o);
    for (let o = end - 32; o < end; o++) offsets.add(o); // the last chunk's tag
    const kinds = new Map<string, number>();
    for (const offset of offsets) {
      const kind = kindOfSync(() => verifyExport(flipped(f.bytes, offset, offset % 8), f.trust));
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect([...kinds]).toEqual([['payload-mismatch', offsets.size]]);
    const sample = flipped(f.bytes, end - 5, 3);
    expect(await kindOf(() => decryptExport(sample, f.trust, f.device.identity))).toBe(
      'payload-mismatch',
    );
  });
});

describe('truncation and junk', () => {
  test('truncated at every 1 KiB and at every byte of the head: truncated', async () => {
    const bytes = big.bytes;
    expect(bytes.length).toBeGreaterThan(100 * 1024);
    const cuts = new Set<number>();
    for (let n = 0; n < bytes.length; n += 1024) cuts.add(n);
    for (let n = 0; n <= dtxRegions(bytes).payload[0] + 64; n++) cuts.add(n);
    cuts.add(bytes.length - 1);
    const kinds = new Map<string, number>();
    for (const n of cuts) {
      const kind = kindOfSync(() => verifyExport(bytes.subarray(0, n), big.trust));
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect([...kinds]).toEqual([['truncated', cuts.size]]);
    expect(
      await kindOf(() =>
        decryptExport(bytes.subarray(0, bytes.length - 1024), big.trust, big.device.identity),
      ),
    ).toBe('truncated');
  });

  test('junk appended: payload-mismatch', async () => {
    for (const junk of [Buffer.from([0]), Buffer.from('\n'), Buffer.alloc(4096, 0xaa)]) {
      const bytes = Buffer.concat([f.bytes, junk]);
      expect(kindOfSync(() => verifyExport(bytes, f.trust))).toBe('payload-mismatch');
      expect(await kindOf(() => decryptExport(bytes, f.trust, f.device.identity))).toBe(
        'payload-mismatch',
      );
    }
  });

  test('the signature of another export by the same key: bad-signature', async () => {
    const other = await writeExport({
      manifest: manifestInput({ exportId: 'exp-0002', sequence: 8 }),
      sqlite: f.image,
      recipients: [f.device.recipient],
      siteKey: f.siteKey,
    });
    const swapped = Buffer.from(f.bytes);
    const [s0, s1] = dtxRegions(f.bytes).signature;
    const [o0, o1] = dtxRegions(other).signature;
    swapped.set(other.subarray(o0, o1), s0);
    expect(s1 - s0).toBe(64);
    expect(kindOfSync(() => verifyExport(swapped, f.trust))).toBe('bad-signature');
    expect(await kindOf(() => decryptExport(swapped, f.trust, f.device.identity))).toBe(
      'bad-signature',
    );
  });

  test('another export’s payload under this manifest: payload-mismatch', async () => {
    const other = await writeExport({
      manifest: manifestInput(),
      sqlite: f.image,
      recipients: [f.device.recipient],
      siteKey: f.siteKey,
    });
    const [p0] = dtxRegions(f.bytes).payload;
    const [q0] = dtxRegions(other).payload;
    const spliced = Buffer.concat([f.bytes.subarray(0, p0), other.subarray(q0)]);
    expect(kindOfSync(() => verifyExport(spliced, f.trust))).toBe('payload-mismatch');
  });
});
