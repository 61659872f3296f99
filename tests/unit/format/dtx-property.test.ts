/**
 * Property tests (fast-check): no byte string crashes or hangs the .dtx parser, and every
 * refusal is an AppError of one of the export error kinds — for random bytes, for mutations of
 * a real export, and for arbitrary manifests validly signed by a trusted key.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { AppError, EXPORT_ERROR_KINDS } from '../../../electron/core/errors.ts';
import { decryptExport, verifyExport } from '../../../electron/core/format/dtx.ts';
import { type Fixture, fullManifest, makeFixture, signedContainer } from './helpers.ts';

const KINDS = new Set<string>(EXPORT_ERROR_KINDS);
let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});

function expectExportError(e: unknown): void {
  expect(e).toBeInstanceOf(AppError);
  expect(KINDS.has((e as AppError).kind), `kind ${(e as AppError).kind}`).toBe(true);
  expect((e as AppError).message).not.toContain('\n');
}

async function refuses(bytes: Uint8Array): Promise<void> {
  try {
    verifyExport(bytes, f.trust);
  } catch (e) {
    expectExportError(e);
  }
  try {
    await decryptExport(bytes, f.trust, f.device.identity);
  } catch (e) {
    expectExportError(e);
    return;
  }
  // Only an unchanged export may decrypt.
  expect(Buffer.from(bytes).equals(Buffer.from(f.bytes))).toBe(true);
}

describe('no input crashes the parser; the error is always an export kind', () => {
  test('random bytes, with and without the magic line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 4096 }), async (magic, body) => {
        await refuses(magic ? Buffer.concat([Buffer.from('DTX1\n'), body]) : body);
      }),
      { numRuns: 1000 },
    );
  });

  test('mutations of a real export: overwritten bytes, cuts and insertions', async () => {
    const n = f.bytes.length;
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat({ max: n - 1 }),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({
        kind: fc.constant('cut' as const),
        at: fc.nat({ max: n }),
        len: fc.nat({ max: 300 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat({ max: n }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let bytes = Buffer.from(f.bytes);
        for (const e of edits) {
          const at = Math.min(e.at, bytes.length);
          if (e.kind === 'set' && at < bytes.length) bytes[at] = e.value;
          if (e.kind === 'cut')
            bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.len)]);
          if (e.kind === 'insert')
            bytes = Buffer.concat([bytes.subarray(0, at), e.bytes, bytes.subarray(at)]);
        }
        await refuses(bytes);
      }),
      { numRuns: 400 },
    );
  });

  test('arbitrary manifests signed by a trusted key', async () => {
    const manifest = fc.oneof(
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc
        .record({
          format: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
          sequence: fc.oneof(fc.nat(), fc.integer(), fc.double()),
          schemaVersion: fc.oneof(fc.constant(1), fc.integer({ min: -2, max: 5 })),
          exportId: fc.string(),
          counts: fc.dictionary(fc.string(), fc.integer()),
        })
        .map((over) => fullManifest(over)),
    );
    await fc.assert(
      fc.asyncProperty(
        manifest,
        fc.uint8Array({ maxLength: 200 }),
        async (manifestBytes, payload) => {
          await refuses(signedContainer(manifestBytes, f.siteKey, payload));
        },
      ),
      { numRuns: 400 },
    );
  });
});
