/**
 * The site export key: an Ed25519 key pair kept by hospital IT. `site.key` is the private key
 * (PKCS#8 PEM, mode 0600); `site.pub` the public key (SPKI PEM, after one `#` comment line with
 * its fingerprint) that goes into every ward laptop's trust store. Both are standard PEM, so
 * `openssl pkey -in site.key -noout` reads them too.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import { fingerprintOf } from './trust-store.ts';

export interface SiteKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly fingerprint: string;
}

export function generateSiteKey(): SiteKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return Object.freeze({ privateKey, publicKey, fingerprint: fingerprintOf(publicKey) });
}

/** `site.key` → `site.pub`; any other name gets `.pub` appended. */
export function publicKeyPathFor(keyPath: string): string {
  return keyPath.endsWith('.key') ? `${keyPath.slice(0, -'.key'.length)}.pub` : `${keyPath}.pub`;
}

/**
 * Writes `site.key` (0600) and `site.pub` (0644). Refuses to replace existing files unless
 * `overwrite` is set: losing a site key means re-distributing trust to every laptop.
 */
export function writeSiteKeyFiles(
  key: SiteKey,
  keyPath: string,
  options: { readonly overwrite?: boolean } = {},
): { keyPath: string; pubPath: string } {
  const pubPath = publicKeyPathFor(keyPath);
  const privatePem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicPem = key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const pubText = `# Downtime Viewer site export key ${key.fingerprint}\n${publicPem}`;
  writeNew(keyPath, privatePem, 0o600, options.overwrite === true);
  writeNew(pubPath, pubText, 0o644, options.overwrite === true);
  return { keyPath, pubPath };
}

function writeNew(path: string, text: string, mode: number, overwrite: boolean): void {
  const target = overwrite ? `${path}.tmp-${process.pid}` : path;
  try {
    if (overwrite) rmSync(target, { force: true });
    writeFileSync(target, text, { mode, flag: 'wx' });
    chmodSync(target, mode);
    if (overwrite) renameSync(target, path);
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'error';
    if (code === 'EEXIST') {
      throw new AppError(
        'io',
        `${path} already exists — move it away first (a site key is never overwritten).`,
      );
    }
    throw new AppError(
      'io',
      `Cannot write ${path} (${code}) — check the folder exists and is writable.`,
    );
  }
}

/** Reads `site.key`; `invalid-config` naming the file when it is missing or not Ed25519. */
export function loadSiteKey(path: string): SiteKey {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'unreadable';
    throw new AppError(
      'invalid-config',
      `Cannot read the site key ${path} (${code}) — check the --sign path.`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AppError(
      'invalid-config',
      `${path} is not a private key — give the site.key written by "downtime keygen site".`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError(
      'invalid-config',
      `${path} is not an Ed25519 site key — give the site.key written by "downtime keygen site".`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return Object.freeze({ privateKey, publicKey, fingerprint: fingerprintOf(publicKey) });
}
