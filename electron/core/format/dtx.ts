/**
 * The export file, `.dtx` (DESIGN.md §3): one file that anyone can verify and only enrolled
 * devices can read.
 *
 * Byte layout (all offsets from the start of the file):
 *
 *   offset      size  field
 *   0           5     magic line "DTX1\n" (format version 1; "DTX<n>\n" is a future format)
 *   5           4     M = manifest length, unsigned 32-bit big-endian, 1 ≤ M ≤ 65 536
 *   9           M     manifest: UTF-8 JSON, `ManifestSchema` (electron/core/model.ts) — public,
 *                     no patient data; commits to the payload by `payload.size` and
 *                     `payload.sha256`
 *   9+M         32    signer: the raw Ed25519 public key of the site export key that signed
 *                     (only names the key; trust comes from the trust store, never the file)
 *   41+M        64    Ed25519 signature over exactly the M manifest bytes
 *   105+M       P     payload: an age v1 file (X25519 recipients, binary) whose plaintext is
 *                     the SQLite image (journal_mode=DELETE, user_version = schemaVersion);
 *                     P = manifest.payload.size, and the file ends right after it
 *
 * Reading is checked in this order, each step bounds-checked, each failure one error kind:
 *   magic → not-an-export / unsupported-version / truncated
 *   length + room for manifest, signer and signature → not-an-export / truncated
 *   signer in the trust store → unknown-signer;  signature → bad-signature
 *   manifest JSON + schema → unsupported-version (format ≠ MANIFEST_FORMAT) / not-an-export
 *   payload size and SHA-256 → truncated (short) / payload-mismatch (long or different)
 * `verifyExport` stops there (no keys needed). `decryptExport` then refuses a schema newer than
 * this viewer (schema-too-new) BEFORE decrypting, decrypts natively (crypto/age.ts):
 * no-matching-identity, or payload-mismatch for a payload that is signed but does not decrypt,
 * and hands out the plaintext only once all of it is authenticated.
 */
import { createHash, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { MANIFEST_FORMAT, ManifestSchema, type Manifest } from '../model.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import { recipientFingerprint } from '../keys/recipient.ts';
import type { SiteKey } from '../keys/site-key.ts';
import { releaseBytes } from '../crypto/release-bytes.ts';
import {
  ed25519Raw,
  fingerprintOf,
  ed25519PublicKey,
  type TrustStore,
} from '../keys/trust-store.ts';
import {
  AgeError,
  decryptAge,
  encryptAge,
  isAgeIdentity,
  parseX25519Recipient,
  x25519RecipientOf,
} from '../crypto/age.ts';

export const DTX_MAGIC = Buffer.from('DTX1\n', 'latin1');
/**
 * The signed header's largest size. Format 3 names every ward in scope with its site (about
 * 110 bytes each): a whole-hospital export of a large group (1,200 wards at 30,000 patients)
 * needs ~130 KB, past the 64 KiB of format 2. Still read before any payload byte, and bounded.
 */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
const LENGTH_BYTES = 4;
const SIGNER_BYTES = 32;
const SIGNATURE_BYTES = 64;
const HEAD_BYTES = DTX_MAGIC.length + LENGTH_BYTES;

// ─── Messages (one line each; say what is wrong and what to do) ──────────────────────────────

const MSG = {
  notAnExport: 'This file is not a downtime export (.dtx) — check that you picked the right file.',
  damagedHeader:
    'This export file is damaged (its header makes no sense) — copy it again or ask IT for a fresh export.',
  truncated:
    'This export file is incomplete (it ends too early) — wait until copying has finished, or copy it again.',
  badSignature:
    'This export does not match its signature: it was damaged or altered — do not use it; ask IT for a fresh export.',
  payloadMismatch:
    'The encrypted contents of this export do not match its signed manifest: it was damaged or altered — copy it again or ask IT for a fresh export.',
  payloadDamaged:
    'The encrypted contents of this export cannot be decrypted although it is correctly signed — ask IT for a fresh export and report this file.',
} as const;

const fail = (kind: ConstructorParameters<typeof AppError>[0], message: string) =>
  new AppError(kind, message);

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────

interface Container {
  readonly manifestBytes: Uint8Array;
  readonly signerKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly payloadOffset: number;
}

function readContainer(bytes: Uint8Array): Container {
  // Magic line.
  const magicAvailable = Math.min(bytes.length, DTX_MAGIC.length);
  for (let i = 0; i < magicAvailable; i++) {
    if (bytes[i] !== DTX_MAGIC[i]) {
      const line = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16)).toString(
        'latin1',
      );
      const other = /^DTX([0-9]{1,3})\n/.exec(line);
      if (other) {
        throw fail(
          'unsupported-version',
          `This export is in format ${other[1]}, which this viewer does not read — update the Downtime Viewer or ask IT for a format 1 export.`,
        );
      }
      throw fail('not-an-export', MSG.notAnExport);
    }
  }
  if (bytes.length < HEAD_BYTES) throw fail('truncated', MSG.truncated);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const manifestLength = view.getUint32(DTX_MAGIC.length, false);
  if (manifestLength === 0 || manifestLength > MAX_MANIFEST_BYTES) {
    throw fail('not-an-export', MSG.damagedHeader);
  }
  const signerOffset = HEAD_BYTES + manifestLength;
  const signatureOffset = signerOffset + SIGNER_BYTES;
  const payloadOffset = signatureOffset + SIGNATURE_BYTES;
  if (bytes.length < payloadOffset) throw fail('truncated', MSG.truncated);
  return {
    manifestBytes: bytes.subarray(HEAD_BYTES, signerOffset),
    signerKey: bytes.subarray(signerOffset, signatureOffset),
    signature: bytes.subarray(signatureOffset, payloadOffset),
    payloadOffset,
  };
}

function checkSignature(container: Container, trust: TrustStore): string {
  const signer = trust.signers.find((s) => ed25519Raw(s.publicKey).equals(container.signerKey));
  if (!signer) {
    let named = 'an unknown key';
    try {
      named = `key ${fingerprintOf(ed25519PublicKey(container.signerKey))}`;
    } catch {
      // Not even a valid key encoding: keep the generic wording.
    }
    throw fail(
      'unknown-signer',
      trust.signers.length === 0
        ? `This laptop trusts no site export key yet, so it cannot check this export (signed by ${named}) — add the site.pub from IT to the trust store.`
        : `This export is signed by ${named}, which this laptop does not trust — ask IT whether that is your site's export key; if so, add its site.pub to the trust store.`,
    );
  }
  if (!verify(null, container.manifestBytes, signer.publicKey, container.signature)) {
    throw fail('bad-signature', MSG.badSignature);
  }
  return signer.fingerprint;
}

function parseManifest(manifestBytes: Uint8Array): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw fail('not-an-export', MSG.damagedHeader);
  }
  const format = json && typeof json === 'object' && 'format' in json ? json.format : undefined;
  if (typeof format === 'number' && format < MANIFEST_FORMAT) {
    throw fail(
      'unsupported-version',
      `This export's manifest is in format ${format}, from an exporter older than this viewer reads (${MANIFEST_FORMAT}) — ask IT for a fresh export.`,
    );
  }
  if (format !== MANIFEST_FORMAT) {
    throw fail(
      'unsupported-version',
      `This export's manifest is in format ${JSON.stringify(format ?? null).slice(0, 20)}, which this viewer does not read — update the Downtime Viewer.`,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'manifest';
    throw fail(
      'not-an-export',
      `This export's manifest is malformed (at "${where.slice(0, 40)}") although it is signed — ask IT to check the exporter.`,
    );
  }
  return parsed.data;
}

function checkPayload(bytes: Uint8Array, payloadOffset: number, manifest: Manifest): Uint8Array {
  const available = bytes.length - payloadOffset;
  if (available < manifest.payload.size) throw fail('truncated', MSG.truncated);
  if (available > manifest.payload.size) throw fail('payload-mismatch', MSG.payloadMismatch);
  const payload = bytes.subarray(payloadOffset);
  const digest = createHash('sha256').update(payload).digest('hex');
  if (digest !== manifest.payload.sha256) throw fail('payload-mismatch', MSG.payloadMismatch);
  return payload;
}

function verifyInternal(bytes: Uint8Array, trust: TrustStore) {
  const container = readContainer(bytes);
  const signer = checkSignature(container, trust);
  const manifest = parseManifest(container.manifestBytes);
  const payload = checkPayload(bytes, container.payloadOffset, manifest);
  return { manifest, signer, payload };
}

/**
 * The manifest a file claims, read through `read(buffer, position)` without any key: for the
 * store to compare its records with the files (the signature is checked where trust is known).
 * Null when the head is not a readable manifest.
 */
export function readManifestUnverified(
  read: (buffer: Buffer, position: number) => number,
): Manifest | null {
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    if (read(head, 0) !== HEAD_BYTES) return null;
    const rest = Buffer.alloc(
      Math.min(head.readUInt32BE(DTX_MAGIC.length), MAX_MANIFEST_BYTES + 1) +
        SIGNER_BYTES +
        SIGNATURE_BYTES,
    );
    const got = read(rest, HEAD_BYTES);
    const container = readContainer(Buffer.concat([head, rest.subarray(0, got)]));
    return parseManifest(container.manifestBytes);
  } catch {
    return null;
  }
}

/** The most bytes `verifyHead` needs: magic, length, the largest manifest, signer, signature. */
export const MAX_HEAD_BYTES = HEAD_BYTES + MAX_MANIFEST_BYTES + SIGNER_BYTES + SIGNATURE_BYTES;

/**
 * Checks everything but the payload hash from the first bytes of a file and its size: magic,
 * lengths, trusted signer, signature, manifest, and that the file is exactly as long as the
 * signed payload size says. Lets a caller refuse junk or an untrusted file before reading and
 * hashing gigabytes of it (issue 15, L4). `head` is the file's first `MAX_HEAD_BYTES` bytes
 * (or all of it, when shorter). `verifyExport` on the whole file is still required after.
 */
export function verifyHead(
  head: Uint8Array,
  fileSize: number,
  trust: TrustStore,
): { manifest: Manifest; signer: string } {
  const container = readContainer(head);
  const signer = checkSignature(container, trust);
  const manifest = parseManifest(container.manifestBytes);
  const available = fileSize - container.payloadOffset;
  if (available < manifest.payload.size) throw fail('truncated', MSG.truncated);
  if (available > manifest.payload.size) throw fail('payload-mismatch', MSG.payloadMismatch);
  return { manifest, signer };
}

/**
 * Checks signature, manifest and payload hash; needs no device key. Throws `AppError` with one
 * of the export error kinds; returns the manifest and the signer's fingerprint.
 */
export function verifyExport(
  bytes: Uint8Array,
  trust: TrustStore,
): { manifest: Manifest; signer: string } {
  const { manifest, signer } = verifyInternal(bytes, trust);
  return { manifest, signer };
}

/**
 * Verifies, then decrypts with the device identity (or any of several, e.g. break-glass).
 * The returned `sqlite` buffer is fully authenticated; the caller zeroes it once SQLite has
 * its copy.
 *
 * `inPlace: true` is the fast path for a caller that owns `bytes` and is done with it (the
 * engine opening a file it just read): the plaintext is written over the payload inside
 * `bytes` and `sqlite` is a view of it — no 75 MB allocation, ~2× faster on large exports.
 * `bytes` then holds plaintext until `sqlite.fill(0)`: never store, hash or send it after.
 * On any failure the plaintext already written is zeroed. Default: a new buffer; `bytes` untouched.
 */
export async function decryptExport(
  bytes: Uint8Array,
  trust: TrustStore,
  identity: string | readonly string[],
  options: { readonly inPlace?: boolean } = {},
): Promise<{ manifest: Manifest; signer: string; sqlite: Buffer }> {
  const { manifest, signer, payload } = verifyInternal(bytes, trust);
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw fail(
      'schema-too-new',
      `This export uses data schema ${manifest.schemaVersion}, newer than this viewer understands (${SCHEMA_VERSION}) — update the Downtime Viewer.`,
    );
  }
  const identities = typeof identity === 'string' ? [identity] : [...identity];
  if (identities.length === 0 || !identities.every(isAgeIdentity)) {
    throw fail(
      'invalid-config',
      'The device identity is not a valid age identity (AGE-SECRET-KEY-1…) — enrol this laptop again.',
    );
  }
  let sqlite: Buffer;
  try {
    sqlite = await decryptAge(payload, { identities }, { inPlace: options.inPlace === true });
  } catch (e) {
    if (e instanceof AgeError && e.reason === 'no-match') {
      const recipient = identities.map(x25519RecipientOf).find((r) => r !== null);
      throw fail(
        'no-matching-identity',
        `This export was not encrypted for this laptop${recipient ? ` (recipient ${recipient})` : ''} — ask IT to add this laptop's recipient to the export, or use the break-glass key.`,
      );
    }
    throw fail('payload-mismatch', MSG.payloadDamaged);
  }
  const image = sqliteHeader(sqlite);
  if (!image || image.wal || image.userVersion !== manifest.schemaVersion) {
    sqlite.fill(0);
    throw fail('payload-mismatch', MSG.payloadDamaged);
  }
  return { manifest, signer, sqlite };
}

// ─── Writing ─────────────────────────────────────────────────────────────────────────────────

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The facts the format cares about from a SQLite image's 100-byte header, or `null`. */
export function sqliteHeader(image: Uint8Array): { wal: boolean; userVersion: number } | null {
  if (image.length < 100) return null;
  const b = Buffer.from(image.buffer, image.byteOffset, 100);
  if (!b.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
  // Bytes 18/19: file format write/read version, 1 = rollback journal, 2 = WAL.
  return { wal: b[18] === 2 || b[19] === 2, userVersion: b.readUInt32BE(60) };
}

/** What the caller decides; format, schema, payload facts and recipients are the writer's. */
export type ExportManifestInput = Omit<
  Manifest,
  'format' | 'payload' | 'schemaVersion' | 'recipients'
>;

/**
 * Encrypts the SQLite image to the recipients (`age1…`), writes and signs the manifest, and
 * returns the whole `.dtx`. The image must be a rollback-journal (not WAL) database whose
 * `user_version` is this build's `SCHEMA_VERSION`.
 */
export async function writeExport(input: {
  manifest: ExportManifestInput;
  sqlite: Uint8Array;
  recipients: readonly string[];
  siteKey: SiteKey;
}): Promise<Uint8Array> {
  const image = sqliteHeader(input.sqlite);
  if (!image) throw fail('invalid-argument', 'The export payload is not a SQLite database image.');
  if (image.wal) {
    throw fail(
      'invalid-argument',
      'The export database is in WAL mode — set journal_mode=DELETE before exporting.',
    );
  }
  if (image.userVersion !== SCHEMA_VERSION) {
    throw fail(
      'invalid-argument',
      `The export database has user_version ${image.userVersion}, expected schema ${SCHEMA_VERSION}.`,
    );
  }
  if (input.recipients.length === 0) {
    throw fail(
      'invalid-config',
      'No device recipients given — add at least one age1… recipient (--to).',
    );
  }
  input.recipients.forEach((recipient, i) => {
    if (!parseX25519Recipient(recipient)) {
      throw fail(
        'invalid-config',
        `Recipient ${i + 1} ("${recipient.slice(0, 12)}…") is not an age1… X25519 recipient — copy it again from the laptop's enrolment screen.`,
      );
    }
  });
  if (input.siteKey.privateKey.asymmetricKeyType !== 'ed25519') {
    throw fail('invalid-config', 'The signing key is not an Ed25519 site key.');
  }

  const payload = await encryptAge(input.sqlite, { recipients: input.recipients });
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse({
      ...input.manifest,
      format: MANIFEST_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      payload: { size: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
      // Signed with the rest: which laptops may install it (checked without any key).
      recipients: [...new Set(input.recipients.map(recipientFingerprint))],
    });
  } catch (e) {
    const where = e instanceof z.ZodError ? (e.issues[0]?.path.join('.') ?? '') : '';
    throw fail(
      'invalid-argument',
      `The export manifest is invalid${where ? ` at "${where}"` : ''}.`,
    );
  }
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  if (manifestBytes.length > MAX_MANIFEST_BYTES) {
    throw fail(
      'invalid-argument',
      `The export manifest is larger than ${MAX_MANIFEST_BYTES} bytes.`,
    );
  }
  const signature = sign(null, manifestBytes, input.siteKey.privateKey);
  const signer = ed25519Raw(input.siteKey.publicKey);

  const out = Buffer.allocUnsafeSlow(
    HEAD_BYTES + manifestBytes.length + SIGNER_BYTES + SIGNATURE_BYTES + payload.length,
  );
  let at = DTX_MAGIC.copy(out, 0);
  at = out.writeUInt32BE(manifestBytes.length, at);
  at += manifestBytes.copy(out, at);
  at += signer.copy(out, at);
  at += signature.copy(out, at);
  payload.copy(out, at);
  releaseBytes(payload);
  return out;
}

/** Where each region of a `.dtx` lies (for tests and diagnostics; assumes a well-formed head). */
export function dtxRegions(bytes: Uint8Array): {
  magic: [number, number];
  length: [number, number];
  manifest: [number, number];
  signer: [number, number];
  signature: [number, number];
  payload: [number, number];
} {
  const c = readContainer(bytes);
  const manifestEnd = HEAD_BYTES + c.manifestBytes.length;
  return {
    magic: [0, DTX_MAGIC.length],
    length: [DTX_MAGIC.length, HEAD_BYTES],
    manifest: [HEAD_BYTES, manifestEnd],
    signer: [manifestEnd, manifestEnd + SIGNER_BYTES],
    signature: [manifestEnd + SIGNER_BYTES, c.payloadOffset],
    payload: [c.payloadOffset, bytes.length],
  };
}
