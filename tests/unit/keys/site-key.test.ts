/**
 * The site export key files: 0600 private key, .pub beside it, standard PEM both ways, never
 * overwritten by accident, and clear `invalid-config` errors naming the file.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../electron/core/errors.ts';
import {
  generateSiteKey,
  loadSiteKey,
  publicKeyPathFor,
  writeSiteKeyFiles,
} from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'dtx-site-'));

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('site key', () => {
  test('written as site.key (0600) and site.pub, read back as the same key pair', () => {
    const d = dir();
    const key = generateSiteKey();
    const { keyPath, pubPath } = writeSiteKeyFiles(key, join(d, 'site.key'));
    expect(pubPath).toBe(join(d, 'site.pub'));
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);

    const loaded = loadSiteKey(keyPath);
    expect(loaded.fingerprint).toBe(key.fingerprint);
    const message = Buffer.from('manifest');
    expect(verify(null, message, key.publicKey, sign(null, message, loaded.privateKey))).toBe(true);

    // Standard PEM: plain node:crypto (and so openssl) reads both files.
    expect(createPrivateKey(readFileSync(keyPath)).asymmetricKeyType).toBe('ed25519');
    expect(createPublicKey(readFileSync(pubPath)).asymmetricKeyType).toBe('ed25519');
    expect(readFileSync(pubPath, 'utf8')).toContain(key.fingerprint);
    expect(loadTrustStore([pubPath]).signers[0]?.fingerprint).toBe(key.fingerprint);
  });

  test('.pub path: .key replaced, else appended', () => {
    expect(publicKeyPathFor('/x/site.key')).toBe('/x/site.pub');
    expect(publicKeyPathFor('/x/export-signing')).toBe('/x/export-signing.pub');
  });

  test('never overwrites an existing key unless asked', () => {
    const d = dir();
    const path = join(d, 'site.key');
    const first = generateSiteKey();
    writeSiteKeyFiles(first, path);
    const error = thrown(() => writeSiteKeyFiles(generateSiteKey(), path));
    expect(error.kind).toBe('io');
    expect(error.message).toContain(path);
    expect(loadSiteKey(path).fingerprint).toBe(first.fingerprint);

    const second = generateSiteKey();
    writeSiteKeyFiles(second, path, { overwrite: true });
    expect(loadSiteKey(path).fingerprint).toBe(second.fingerprint);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  test('missing, garbage and non-Ed25519 key files: invalid-config naming the file', () => {
    const d = dir();
    const missing = join(d, 'nope.key');
    expect(thrown(() => loadSiteKey(missing))).toMatchObject({ kind: 'invalid-config' });
    expect(thrown(() => loadSiteKey(missing)).message).toContain(missing);

    const garbage = join(d, 'garbage.key');
    writeFileSync(garbage, 'hello');
    expect(thrown(() => loadSiteKey(garbage))).toMatchObject({ kind: 'invalid-config' });
    expect(thrown(() => loadSiteKey(garbage)).message).toContain(garbage);

    const pubOnly = join(d, 'pub.key');
    writeFileSync(pubOnly, generateSiteKey().publicKey.export({ format: 'pem', type: 'spki' }));
    expect(thrown(() => loadSiteKey(pubOnly))).toMatchObject({ kind: 'invalid-config' });
  });
});
