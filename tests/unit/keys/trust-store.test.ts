/**
 * The trust store: .pub files and folders of them, duplicates once, fingerprints short and
 * stable, and clear errors naming the bad path.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../electron/core/errors.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import {
  ed25519PublicKey,
  ed25519Raw,
  fingerprintOf,
  loadTrustStore,
} from '../../../electron/core/keys/trust-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'dtx-trust-'));

function kind(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof AppError ? `${e.kind}: ${e.message}` : String(e);
  }
}

describe('fingerprints', () => {
  test('short, grouped, stable, and different per key', () => {
    const key = generateSiteKey();
    expect(key.fingerprint).toMatch(/^SHA256:[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(fingerprintOf(ed25519PublicKey(ed25519Raw(key.publicKey)))).toBe(key.fingerprint);
    expect(generateSiteKey().fingerprint).not.toBe(key.fingerprint);
  });
});

describe('loadTrustStore', () => {
  test('a file, a folder of *.pub (other files ignored), duplicates kept once', () => {
    const d = dir();
    const a = generateSiteKey();
    const b = generateSiteKey();
    const folder = join(d, 'trust');
    mkdirSync(folder);
    writeSiteKeyFiles(a, join(folder, 'a.key'));
    writeSiteKeyFiles(b, join(d, 'b.key'));
    writeFileSync(join(folder, 'README.txt'), 'not a key');
    mkdirSync(join(folder, 'sub.pub')); // a folder named *.pub is not a key file

    const store = loadTrustStore([folder, join(d, 'b.pub'), join(folder, 'a.pub')]);
    expect(store.signers.map((s) => s.fingerprint)).toEqual([a.fingerprint, b.fingerprint]);
    expect(store.signers[0]?.source).toBe(join(folder, 'a.pub'));
    expect(Object.isFrozen(store.signers)).toBe(true);
  });

  test('an empty folder gives an empty store (verify then says no key is trusted)', () => {
    expect(loadTrustStore([dir()]).signers).toEqual([]);
  });

  test('a missing path, a garbage .pub and a non-Ed25519 key are invalid-config naming the file', () => {
    const d = dir();
    expect(kind(() => loadTrustStore([join(d, 'missing.pub')]))).toMatch(
      /^invalid-config: .*missing\.pub/,
    );
    writeFileSync(join(d, 'garbage.pub'), 'hello');
    expect(kind(() => loadTrustStore([d]))).toMatch(/^invalid-config: .*garbage\.pub/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    const d2 = dir();
    writeFileSync(join(d2, 'rsa.pub'), rsa);
    expect(kind(() => loadTrustStore([d2]))).toMatch(/^invalid-config: .*rsa\.pub.*Ed25519/);
  });
});
