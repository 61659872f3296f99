/**
 * age v1 (https://age-encryption.org/v1, C2SP) on `node:crypto`, for speed and for an event loop
 * that never blocks:
 *
 *  - the header is parsed here, strictly (canonical base64, LF only, 64-column body lines);
 *  - X25519 stanzas are unwrapped with native X25519 + HKDF-SHA-256 + ChaCha20-Poly1305;
 *  - scrypt stanzas with the asynchronous, native `crypto.scrypt` (libuv thread pool);
 *  - post-quantum `mlkem768x25519` stanzas (no native ML-KEM in Node 22) through typage's
 *    public `Decrypter.decryptHeader`, for AGE-SECRET-KEY-PQ-1 identities only;
 *  - the STREAM payload (64 KiB chunks, 11-byte big-endian counter + last-chunk flag nonce)
 *    with libsodium's ChaCha20-Poly1305 (sodium-native), both ways, chunk by chunk into ONE
 *    preallocated output buffer: libsodium writes into a buffer it is given, where Node's
 *    `update()` allocates a new one per chunk — a whole second payload of garbage, resident
 *    until V8 gets round to it (and counted towards a full collection: sealing a fleet plan's
 *    20 exports next to its input set off one after each). On decryption the whole payload is
 *    authenticated before the buffer is returned; on any failure it is zeroed.
 *
 * Proven on every vector of the C2SP CCTV age suite (tests/unit/crypto/age-cctv.test.ts);
 * typage decrypts what `encryptAge` writes (tests/unit/crypto/age.test.ts).
 *
 * Failures are `AgeError`s with the CCTV classes: `header` (malformed), `no-match` (no identity
 * or passphrase opens a stanza), `hmac` (a stanza opened but the header MAC is wrong),
 * `payload` (STREAM does not authenticate all the way to the end).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { Decrypter } from 'age-encryption';
import sodium from 'sodium-native';
import { bech32Decode, bech32Encode } from './bech32.ts';

export type AgeFailure = 'header' | 'no-match' | 'hmac' | 'payload';

export class AgeError extends Error {
  readonly reason: AgeFailure;
  constructor(reason: AgeFailure, message: string) {
    super(message);
    this.name = 'AgeError';
    this.reason = reason;
  }
}

export interface AgeStanza {
  readonly args: readonly string[];
  readonly body: Buffer;
}

export interface AgeHeader {
  readonly stanzas: readonly AgeStanza[];
  readonly mac: Buffer;
  /** Offset just past `---` on the MAC line: the MAC covers bytes [0, macInputEnd). */
  readonly macInputEnd: number;
  /** Offset just past the MAC line's LF: where the 16-byte payload nonce starts. */
  readonly end: number;
}

const VERSION_LINE = 'age-encryption.org/v1';
const BODY_BYTES_PER_LINE = 48;
const FILE_KEY_SIZE = 16;
const TAG_SIZE = 16;
const NONCE_SIZE = 16;
/** Plaintext bytes per STREAM chunk. */
export const CHUNK_SIZE = 64 * 1024;
const SEALED_CHUNK = CHUNK_SIZE + TAG_SIZE;
/** 2^20 × r=8 × 128 bytes = 1 GiB: the most scrypt memory a file may ask of us. */
export const MAX_SCRYPT_WORK_FACTOR = 20;
/**
 * The cost of sealing the device identity with the ward passphrase: 2^17 (128 MiB, ~0.4 s on a
 * ward laptop). age's own default is 2^18, but at ~0.8 s that alone breaks the one-second
 * unlock a nurse needs at 3 a.m.; each guess still costs an attacker 128 MiB of memory, and in
 * the app the sealed file is sealed again to the OS account (safeStorage). Files sealed at any
 * cost up to MAX_SCRYPT_WORK_FACTOR still open.
 */
export const DEFAULT_SCRYPT_WORK_FACTOR = 17;

const X25519_LABEL = 'age-encryption.org/v1/X25519';
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const ZERO_NONCE = Buffer.alloc(12);
const EMPTY = Buffer.alloc(0);

const headerError = (message: string) => new AgeError('header', message);

// ─── Strict base64 (RFC 4648 standard alphabet, no padding, canonical) ──────────────────────

const B64_CHARS = /^[A-Za-z0-9+/]*$/;

/** Decodes unpadded canonical base64; `null` for padding, stray characters or loose bits. */
export function decodeBase64Strict(text: string): Buffer | null {
  if (!B64_CHARS.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeBase64NoPad(bytes) === text ? bytes : null;
}

export function encodeBase64NoPad(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('base64')
    .replace(/=+$/, '');
}

// ─── Header ──────────────────────────────────────────────────────────────────────────────────

const isArgument = (s: string): boolean => /^[\x21-\x7e]+$/.test(s);

/** Parses the textual header at the start of `bytes` (bounds-checked; never reads past the end). */
export function parseAgeHeader(bytes: Uint8Array): AgeHeader {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const nextLine = (): { start: number; text: string } => {
    const nl = view.indexOf(0x0a, pos);
    if (nl < 0) throw headerError('the age header ends before its MAC line');
    const start = pos;
    pos = nl + 1;
    return { start, text: view.toString('latin1', start, nl) };
  };

  if (nextLine().text !== VERSION_LINE) throw headerError('not an age v1 file');
  const stanzas: AgeStanza[] = [];
  for (;;) {
    const { start, text } = nextLine();
    if (text.startsWith('---')) {
      const parts = text.split(' ');
      if (parts[0] !== '---' || parts.length !== 2) throw headerError('malformed MAC line');
      const mac = decodeBase64Strict(parts[1] ?? '');
      if (!mac || mac.length !== 32) throw headerError('malformed header MAC');
      return { stanzas, mac, macInputEnd: start + 3, end: pos };
    }
    const parts = text.split(' ');
    if (parts[0] !== '->' || parts.length < 2) throw headerError('malformed stanza line');
    const args = parts.slice(1);
    if (!args.every(isArgument)) throw headerError('malformed stanza argument');
    const body: Buffer[] = [];
    for (;;) {
      const line = nextLine().text;
      const chunk = decodeBase64Strict(line);
      if (!chunk || chunk.length > BODY_BYTES_PER_LINE) throw headerError('malformed stanza body');
      body.push(chunk);
      if (chunk.length < BODY_BYTES_PER_LINE) break;
    }
    stanzas.push({ args, body: Buffer.concat(body) });
  }
}

function encodeHeaderNoMac(stanzas: readonly AgeStanza[]): string {
  let out = `${VERSION_LINE}\n`;
  for (const s of stanzas) {
    out += `-> ${s.args.join(' ')}\n`;
    const b64 = encodeBase64NoPad(s.body);
    for (let i = 0; i < b64.length; i += 64) out += `${b64.slice(i, i + 64)}\n`;
    if (s.body.length % BODY_BYTES_PER_LINE === 0) out += '\n';
  }
  return `${out}---`;
}

// ─── Primitives ──────────────────────────────────────────────────────────────────────────────

function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
}

/** ChaCha20-Poly1305 open of a small sealed value; `null` when it does not authenticate. */
function aeadOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG_SIZE) return null;
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE));
  try {
    decipher.final();
    return plain;
  } catch {
    plain.fill(0);
    return null;
  }
}

function aeadSeal(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  const out = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return out;
}

function scryptAsync(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase,
      salt,
      32,
      { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

const isAllZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

// ─── Keys ────────────────────────────────────────────────────────────────────────────────────

export interface X25519Identity {
  readonly privateKey: KeyObject;
  /** The raw 32-byte public key (the recipient's bytes). */
  readonly publicRaw: Buffer;
}

/** Raw 32-byte X25519 public key → KeyObject. */
export function x25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([X25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

export function x25519PublicRaw(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

/** `AGE-SECRET-KEY-1…` → native key, or `null` when it is not one. */
export function parseX25519Identity(identity: string): X25519Identity | null {
  const decoded = identity.startsWith('AGE-SECRET-KEY-1') ? bech32Decode(identity) : null;
  if (!decoded || decoded.hrp !== 'age-secret-key-' || decoded.bytes.length !== 32) return null;
  const der = Buffer.concat([X25519_PKCS8_PREFIX, decoded.bytes]);
  decoded.bytes.fill(0);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return { privateKey, publicRaw: x25519PublicRaw(createPublicKey(privateKey)) };
}

/** `age1…` → the raw 32-byte X25519 public key, or `null`. */
export function parseX25519Recipient(recipient: string): Buffer | null {
  const decoded = recipient.startsWith('age1') ? bech32Decode(recipient) : null;
  if (!decoded || decoded.hrp !== 'age' || decoded.bytes.length !== 32) return null;
  return Buffer.from(decoded.bytes);
}

export const isHybridIdentity = (identity: string): boolean =>
  identity.startsWith('AGE-SECRET-KEY-PQ-1');

/** Identities `decryptAge` understands: native X25519 and post-quantum hybrid. */
export function isAgeIdentity(identity: string): boolean {
  if (parseX25519Identity(identity)) return true;
  if (!isHybridIdentity(identity)) return false;
  try {
    new Decrypter().addIdentity(identity);
    return true;
  } catch {
    return false;
  }
}

/** A fresh X25519 identity (`AGE-SECRET-KEY-1…`) and its recipient (`age1…`). */
export function generateX25519(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const scalar = der.subarray(der.length - 32);
  const identity = bech32Encode('AGE-SECRET-KEY-', scalar).toUpperCase();
  der.fill(0);
  return { identity, recipient: bech32Encode('age', x25519PublicRaw(publicKey)) };
}

/** The `age1…` recipient of an `AGE-SECRET-KEY-1…` identity. */
export function x25519RecipientOf(identity: string): string | null {
  const parsed = parseX25519Identity(identity);
  return parsed ? bech32Encode('age', parsed.publicRaw) : null;
}

// ─── Unwrapping the file key ─────────────────────────────────────────────────────────────────

function unwrapX25519(id: X25519Identity, stanzas: readonly AgeStanza[]): Buffer | null {
  for (const s of stanzas) {
    if (s.args[0] !== 'X25519') continue;
    if (s.args.length !== 2) throw headerError('X25519 stanza with the wrong number of arguments');
    const share = decodeBase64Strict(s.args[1] ?? '');
    if (!share || share.length !== 32) throw headerError('malformed X25519 share');
    if (s.body.length !== FILE_KEY_SIZE + TAG_SIZE)
      throw headerError('malformed X25519 stanza body');
    let secret: Buffer;
    try {
      secret = diffieHellman({ privateKey: id.privateKey, publicKey: x25519PublicKey(share) });
    } catch {
      throw headerError('X25519 share is a low-order point');
    }
    if (isAllZero(secret)) throw headerError('X25519 share is a low-order point');
    const key = hkdf(secret, Buffer.concat([share, id.publicRaw]), X25519_LABEL);
    secret.fill(0);
    const fileKey = aeadOpen(key, ZERO_NONCE, s.body);
    key.fill(0);
    if (fileKey) return fileKey;
  }
  return null;
}

async function unwrapScrypt(
  passphrase: string,
  stanzas: readonly AgeStanza[],
  maxWorkFactor: number,
): Promise<Buffer | null> {
  for (const s of stanzas) {
    if (s.args[0] !== 'scrypt') continue;
    if (s.args.length !== 3) throw headerError('scrypt stanza with the wrong number of arguments');
    const salt = decodeBase64Strict(s.args[1] ?? '');
    if (!salt || salt.length !== 16) throw headerError('malformed scrypt salt');
    const factor = s.args[2] ?? '';
    if (!/^[1-9][0-9]*$/.test(factor)) throw headerError('malformed scrypt work factor');
    const logN = Number(factor);
    if (logN > maxWorkFactor) throw headerError(`scrypt work factor ${factor} is too high`);
    if (s.body.length !== FILE_KEY_SIZE + TAG_SIZE)
      throw headerError('malformed scrypt stanza body');
    const key = await scryptAsync(
      passphrase,
      Buffer.concat([Buffer.from(SCRYPT_LABEL), salt]),
      logN,
    );
    const fileKey = aeadOpen(key, ZERO_NONCE, s.body);
    key.fill(0);
    if (fileKey) return fileKey;
  }
  return null;
}

const TYPAGE_NO_MATCH = "no identity matched any of the file's recipients";
const TYPAGE_BAD_HMAC = 'invalid header HMAC';

async function unwrapHybrid(identity: string, headerBytes: Uint8Array): Promise<Buffer | null> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    const fileKey = await decrypter.decryptHeader(headerBytes);
    const copy = Buffer.from(fileKey);
    fileKey.fill(0);
    return copy;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (message === TYPAGE_NO_MATCH) return null;
    if (message === TYPAGE_BAD_HMAC) throw new AgeError('hmac', 'the age header MAC is wrong');
    throw headerError('malformed mlkem768x25519 stanza');
  }
}

export interface AgeKeys {
  /** `AGE-SECRET-KEY-1…` and/or `AGE-SECRET-KEY-PQ-1…`, tried in order. */
  readonly identities?: readonly string[];
  /** For scrypt (passphrase) files. */
  readonly passphrase?: string;
  /** The highest scrypt work factor (log2 N) to accept; default 20. */
  readonly maxWorkFactor?: number;
}

async function unwrapFileKey(bytes: Uint8Array, header: AgeHeader, keys: AgeKeys): Promise<Buffer> {
  const { stanzas } = header;
  if (stanzas.some((s) => s.args[0] === 'scrypt') && stanzas.length !== 1) {
    throw headerError('an scrypt stanza must be alone in the header');
  }
  let fileKey: Buffer | null = null;
  for (const identity of keys.identities ?? []) {
    const x = parseX25519Identity(identity);
    if (x) fileKey = unwrapX25519(x, stanzas);
    else if (isHybridIdentity(identity))
      fileKey = await unwrapHybrid(identity, bytes.subarray(0, header.end));
    else throw new RangeError('not an age identity');
    if (fileKey) break;
  }
  if (!fileKey && keys.passphrase !== undefined) {
    fileKey = await unwrapScrypt(
      keys.passphrase,
      stanzas,
      keys.maxWorkFactor ?? MAX_SCRYPT_WORK_FACTOR,
    );
  }
  if (!fileKey) throw new AgeError('no-match', 'no identity or passphrase opens this file');
  return fileKey;
}

function headerMac(fileKey: Uint8Array, headerNoMac: Uint8Array): Buffer {
  const key = hkdf(fileKey, EMPTY, 'header');
  const mac = createHmac('sha256', key).update(headerNoMac).digest();
  key.fill(0);
  return mac;
}

// ─── STREAM ──────────────────────────────────────────────────────────────────────────────────

/** Plaintext size of a STREAM ciphertext of `size` bytes, or `null` when no valid one has it. */
export function streamPlaintextSize(size: number): number | null {
  if (size < TAG_SIZE) return null;
  const chunks = Math.max(1, Math.ceil(size / SEALED_CHUNK));
  const last = size - (chunks - 1) * SEALED_CHUNK;
  if (last < TAG_SIZE || (last === TAG_SIZE && chunks > 1)) return null;
  return size - chunks * TAG_SIZE;
}

function setChunkNonce(nonce: Buffer, counter: number, last: boolean): void {
  // 11-byte big-endian counter; chunk counts stay far below 2^48.
  nonce.fill(0, 0, 5);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
}

/**
 * Decrypts a STREAM payload (the bytes after the 16-byte nonce). Throws `AgeError('payload')`
 * unless every chunk authenticates, the final one is flagged last, and nothing follows it; any
 * plaintext already written is zeroed before the throw.
 *
 * By default the plaintext goes into one new buffer. With `inPlace`, it is written over
 * `sealed` itself (chunk i's plaintext lands at i × 64 KiB, never past chunk i's own
 * ciphertext, so nothing unread is overwritten) and a view of `sealed` is returned: no new
 * memory at all, which on a large payload saves more time than the copy (fresh pages fault).
 */
export function decryptStream(
  payloadKey: Uint8Array,
  sealed: Uint8Array,
  options: { readonly inPlace?: boolean } = {},
): Buffer {
  const plainSize = streamPlaintextSize(sealed.length);
  if (plainSize === null) {
    throw new AgeError('payload', 'the encrypted payload has an impossible length');
  }
  const chunks = Math.max(1, Math.ceil(sealed.length / SEALED_CHUNK));
  const inPlace = options.inPlace === true;
  const out = inPlace
    ? Buffer.from(sealed.buffer, sealed.byteOffset, plainSize)
    : Buffer.allocUnsafeSlow(plainSize);
  // In place, chunk i's plaintext lands 16·i bytes before its ciphertext: libsodium allows the
  // same address but not a shifted overlap, so each chunk goes through one 64 KiB scratch.
  const scratch = inPlace ? Buffer.allocUnsafeSlow(CHUNK_SIZE) : null;
  const nonce = Buffer.alloc(12);
  try {
    for (let i = 0; i < chunks; i++) {
      const start = i * SEALED_CHUNK;
      const end = i === chunks - 1 ? sealed.length : start + SEALED_CHUNK;
      const size = end - TAG_SIZE - start;
      setChunkNonce(nonce, i, i === chunks - 1);
      const target = scratch
        ? scratch.subarray(0, size)
        : out.subarray(i * CHUNK_SIZE, i * CHUNK_SIZE + size);
      // Throws unless the tag authenticates this chunk (libsodium checks it before writing).
      sodium.crypto_aead_chacha20poly1305_ietf_decrypt_detached(
        target,
        null,
        sealed.subarray(start, end - TAG_SIZE),
        sealed.subarray(end - TAG_SIZE, end),
        null,
        nonce,
        payloadKey,
      );
      if (scratch) target.copy(out, i * CHUNK_SIZE);
    }
  } catch {
    out.fill(0); // the plaintext so far (and, in place, ciphertext nobody needs any more)
    throw new AgeError('payload', 'the encrypted payload does not authenticate');
  } finally {
    scratch?.fill(0);
  }
  return out;
}

/** Ciphertext size of a `plainSize`-byte plaintext under STREAM (without the nonce). */
export function streamSealedSize(plainSize: number): number {
  return plainSize + Math.max(1, Math.ceil(plainSize / CHUNK_SIZE)) * TAG_SIZE;
}

function encryptStreamInto(
  payloadKey: Uint8Array,
  plain: Uint8Array,
  out: Buffer,
  offset: number,
): void {
  const chunks = Math.max(1, Math.ceil(plain.length / CHUNK_SIZE));
  const nonce = Buffer.alloc(12);
  let at = offset;
  for (let i = 0; i < chunks; i++) {
    setChunkNonce(nonce, i, i === chunks - 1);
    const chunk = plain.subarray(i * CHUNK_SIZE, Math.min(plain.length, (i + 1) * CHUNK_SIZE));
    const sealedEnd = at + chunk.length;
    sodium.crypto_aead_chacha20poly1305_ietf_encrypt_detached(
      out.subarray(at, sealedEnd),
      out.subarray(sealedEnd, sealedEnd + TAG_SIZE),
      chunk,
      null,
      null,
      nonce,
      payloadKey,
    );
    at = sealedEnd + TAG_SIZE;
  }
}

// ─── Whole files ─────────────────────────────────────────────────────────────────────────────

/**
 * Decrypts a whole age file. Resolves only with fully authenticated plaintext; every failure
 * is an `AgeError` (a `RangeError` when `keys` holds something that is not an identity).
 * `inPlace`: decrypt over `bytes` (consuming it) and return a view of it (see `decryptStream`);
 * otherwise `bytes` is left untouched.
 */
export async function decryptAge(
  bytes: Uint8Array,
  keys: AgeKeys,
  options: { readonly inPlace?: boolean } = {},
): Promise<Buffer> {
  const header = parseAgeHeader(bytes);
  const fileKey = await unwrapFileKey(bytes, header, keys);
  try {
    const mac = headerMac(fileKey, bytes.subarray(0, header.macInputEnd));
    if (!timingSafeEqual(mac, header.mac))
      throw new AgeError('hmac', 'the age header MAC is wrong');
    if (bytes.length - header.end < NONCE_SIZE) throw headerError('the payload nonce is missing');
    const nonce = bytes.subarray(header.end, header.end + NONCE_SIZE);
    const payloadKey = hkdf(fileKey, nonce, 'payload');
    try {
      return decryptStream(payloadKey, bytes.subarray(header.end + NONCE_SIZE), options);
    } finally {
      payloadKey.fill(0);
    }
  } finally {
    fileKey.fill(0);
  }
}

export type AgeEncryptTo =
  | { readonly recipients: readonly string[] }
  | { readonly passphrase: string; readonly workFactor?: number };

/**
 * Encrypts to X25519 recipients (`age1…`) or to one passphrase (scrypt, default work factor
 * `DEFAULT_SCRYPT_WORK_FACTOR` = 17, computed off the event loop). Writes header, nonce and
 * STREAM into one buffer.
 */
export async function encryptAge(plain: Uint8Array, to: AgeEncryptTo): Promise<Buffer> {
  const fileKey = randomBytes(FILE_KEY_SIZE);
  try {
    const stanzas: AgeStanza[] = [];
    if ('passphrase' in to) {
      const logN = to.workFactor ?? DEFAULT_SCRYPT_WORK_FACTOR;
      if (!Number.isInteger(logN) || logN < 1 || logN > MAX_SCRYPT_WORK_FACTOR) {
        throw new RangeError('scrypt work factor out of range');
      }
      const salt = randomBytes(16);
      const key = await scryptAsync(
        to.passphrase,
        Buffer.concat([Buffer.from(SCRYPT_LABEL), salt]),
        logN,
      );
      stanzas.push({
        args: ['scrypt', encodeBase64NoPad(salt), String(logN)],
        body: aeadSeal(key, ZERO_NONCE, fileKey),
      });
      key.fill(0);
    } else {
      if (to.recipients.length === 0) throw new RangeError('no recipients');
      for (const recipient of to.recipients) {
        const theirs = parseX25519Recipient(recipient);
        if (!theirs) throw new RangeError('not an age1… X25519 recipient');
        const ephemeral = generateKeyPairSync('x25519');
        const share = x25519PublicRaw(ephemeral.publicKey);
        const secret = diffieHellman({
          privateKey: ephemeral.privateKey,
          publicKey: x25519PublicKey(theirs),
        });
        const key = hkdf(secret, Buffer.concat([share, theirs]), X25519_LABEL);
        secret.fill(0);
        stanzas.push({
          args: ['X25519', encodeBase64NoPad(share)],
          body: aeadSeal(key, ZERO_NONCE, fileKey),
        });
        key.fill(0);
      }
    }
    const headerNoMac = Buffer.from(encodeHeaderNoMac(stanzas), 'latin1');
    const macLine = Buffer.from(
      ` ${encodeBase64NoPad(headerMac(fileKey, headerNoMac))}\n`,
      'latin1',
    );
    const nonce = randomBytes(NONCE_SIZE);
    const headerSize = headerNoMac.length + macLine.length;
    const out = Buffer.allocUnsafeSlow(headerSize + NONCE_SIZE + streamSealedSize(plain.length));
    headerNoMac.copy(out, 0);
    macLine.copy(out, headerNoMac.length);
    nonce.copy(out, headerSize);
    const payloadKey = hkdf(fileKey, nonce, 'payload');
    encryptStreamInto(payloadKey, plain, out, headerSize + NONCE_SIZE);
    payloadKey.fill(0);
    return out;
  } finally {
    fileKey.fill(0);
  }
}
