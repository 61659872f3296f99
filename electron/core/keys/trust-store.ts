/**
 * The trust store: the site export keys (Ed25519 public keys, PEM `site.pub` files) this
 * laptop accepts exports from. Given as files and/or folders of `*.pub`; each key is shown to
 * people by a short fingerprint. Matching is always on the whole key, never the fingerprint.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../errors.ts';

export interface TrustedSigner {
  readonly fingerprint: string;
  readonly publicKey: KeyObject;
  /** The file it was read from. */
  readonly source: string;
}

export interface TrustStore {
  readonly signers: readonly TrustedSigner[];
}

/**
 * A short, human-comparable fingerprint: the first 64 bits of SHA-256 over the key's SPKI DER,
 * as hex in groups of four — `SHA256:ab12 cd34 ef56 7890`. For display only.
 */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 16);
  return `SHA256:${hex.match(/.{4}/g)?.join(' ') ?? hex}`;
}

/** The raw 32-byte Ed25519 public key (what a .dtx names as its signer). */
export function ed25519Raw(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Raw 32-byte Ed25519 public key → KeyObject. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

/** Reads one PEM public key file; `invalid-config` naming the file when it is not Ed25519. */
export function readPublicKeyFile(path: string): KeyObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError(
      'invalid-config',
      `Cannot read the trusted key file ${path} (${errno(e)}) — check the trust store setting.`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw new AppError(
      'invalid-config',
      `The trusted key file ${path} is not a public key — replace it with the site.pub that IT gave you.`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError(
      'invalid-config',
      `The trusted key file ${path} is not an Ed25519 site key — replace it with the site.pub that IT gave you.`,
    );
  }
  return key;
}

/** Loads signers from `.pub` files and folders of them; duplicates (same key) are kept once. */
export function loadTrustStore(paths: readonly string[]): TrustStore {
  const signers: TrustedSigner[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const publicKey = readPublicKeyFile(file);
    const raw = ed25519Raw(publicKey).toString('hex');
    if (seen.has(raw)) return;
    seen.add(raw);
    signers.push(Object.freeze({ fingerprint: fingerprintOf(publicKey), publicKey, source: file }));
  };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (e) {
      throw new AppError(
        'invalid-config',
        `The trust store ${path} cannot be read (${errno(e)}) — check the path to site.pub or to the trust folder.`,
      );
    }
    if (!isDirectory) {
      add(path);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (e) {
      throw new AppError(
        'invalid-config',
        `The trust folder ${path} cannot be read (${errno(e)}) — check its permissions.`,
      );
    }
    for (const name of names.filter((n) => n.endsWith('.pub')).sort()) {
      const file = join(path, name);
      if (statSync(file, { throwIfNoEntry: false })?.isFile()) add(file);
    }
  }
  return Object.freeze({ signers: Object.freeze(signers) });
}

/** A one-line description of a trust store for messages: `2 keys (site.pub, other.pub)`. */
export function describeTrustStore(trust: TrustStore): string {
  const n = trust.signers.length;
  return n === 0
    ? 'no trusted site keys'
    : `${n} trusted key${n === 1 ? '' : 's'} (${trust.signers.map((s) => basename(s.source)).join(', ')})`;
}

function errno(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string'
    ? e.code
    : 'unreadable';
}
