/**
 * `open`: from the installed export file to the first search answered — unlock through the API
 * (unseal the device identity, read the file, hand it to the engine worker, verify the
 * signature and hash, decrypt, deserialize, check the schema, list the wards) and one search.
 *
 * Baseline, the limit of the same work with Node's native primitives: read the same file,
 * SHA-256 it, decrypt as many bytes with native ChaCha20-Poly1305 in 64 KiB chunks, and
 * deserialize the plaintext with `new Database(buffer)`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';
import type { BenchViewer } from '../viewer.ts';

const CHUNK = 64 * 1024;
const TAG = 16;

/** age STREAM nonce: 11-byte big-endian chunk counter, then 1 on the last chunk. */
function nonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 5, 6);
  n[11] = last ? 1 : 0;
  return n;
}

/** The image sealed as age STREAM chunks under a throwaway key (setup, not timed). */
function sealChunks(key: Buffer, plain: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  const count = Math.max(1, Math.ceil(plain.length / CHUNK));
  for (let i = 0; i < count; i++) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce(i, i === count - 1), {
      authTagLength: TAG,
    });
    const body = cipher.update(plain.subarray(i * CHUNK, (i + 1) * CHUNK));
    cipher.final();
    chunks.push(Buffer.concat([body, cipher.getAuthTag()]));
  }
  return chunks;
}

function openChunks(key: Buffer, sealed: readonly Buffer[], plainSize: number): Buffer {
  const out = Buffer.allocUnsafe(plainSize);
  sealed.forEach((chunk, i) => {
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce(i, i === sealed.length - 1), {
      authTagLength: TAG,
    });
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG));
    decipher.update(chunk.subarray(0, chunk.length - TAG)).copy(out, i * CHUNK);
    decipher.final();
  });
  return out;
}

export async function measureOpen(
  fixture: Fixture,
  viewer: BenchViewer,
  repeat: Repeat,
): Promise<Row> {
  const key = randomBytes(32);
  const plainSize = fixture.sizes.plaintext;
  const sealed = sealChunks(key, readFileSync(fixture.imageFile));
  const measured = await sideBySide(
    repeat,
    {
      run: async () => {
        await viewer.unlock();
        await viewer.call('search', { query: 'lef' });
      },
      reset: () => viewer.call('lock', {}),
    },
    {
      run: () => {
        const file = readFileSync(fixture.exportFile);
        createHash('sha256').update(file).digest();
        const image = openChunks(key, sealed, plainSize);
        new Database(image, { readonly: true }).close();
      },
    },
  );
  const mb = (n: number) => (n / 1024 ** 2).toFixed(1);
  return medianRow('open', fixture.scale, 'ms', measured, `${mb(fixture.sizes.export)} MiB export`);
}
