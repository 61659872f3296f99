/**
 * Test fixtures for the export format: small SQLite images with known patient names, keys,
 * trust stores, whole exports, and hand-assembled (validly signed) containers for the cases
 * the writer refuses to make.
 */
import { createHash, sign } from 'node:crypto';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { MANIFEST_FORMAT } from '../../../electron/core/model.ts';
import { encryptAge } from '../../../electron/core/crypto/age.ts';
import { writeExport, type ExportManifestInput } from '../../../electron/core/format/dtx.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, type SiteKey } from '../../../electron/core/keys/site-key.ts';
import { ed25519Raw, type TrustStore } from '../../../electron/core/keys/trust-store.ts';

export const PATIENT_NAMES = ['Zoé Œuvrard', 'Bartholomew Quixley', 'Saint-Jacques Prud’homme'];

/** A rollback-journal SQLite image holding the names (and optional filler rows). */
export function sqliteImage(
  names: readonly string[] = PATIENT_NAMES,
  options: { userVersion?: number; fillerRows?: number } = {},
): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma(`user_version = ${options.userVersion ?? SCHEMA_VERSION}`);
    db.exec('CREATE TABLE patient (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT)');
    const insert = db.prepare('INSERT INTO patient (name, note) VALUES (?, ?)');
    for (const name of names) insert.run(name, `Allergic to penicillin — ${name}`);
    const filler = options.fillerRows ?? 0;
    db.transaction(() => {
      for (let i = 0; i < filler; i++) insert.run(`Filler Patient ${i}`, 'x'.repeat(200));
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

export function trustOf(...keys: SiteKey[]): TrustStore {
  return {
    signers: keys.map((k) => ({
      fingerprint: k.fingerprint,
      publicKey: k.publicKey,
      source: 'test.pub',
    })),
  };
}

export function manifestInput(overrides: Partial<ExportManifestInput> = {}): ExportManifestInput {
  return {
    site: { id: 'site-1', name: 'St Elsewhere General' },
    exportId: 'exp-0001',
    sequence: 7,
    createdAt: '2026-11-28T09:00:00Z',
    dataAsOf: '2026-11-28T08:55:00Z',
    scope: {
      wards: [
        { id: 'W4', name: 'Ward 4', siteId: 'site-1', siteName: 'St Elsewhere General' },
        { id: 'ICU', name: 'Intensive care', siteId: 'site-1', siteName: 'St Elsewhere General' },
      ],
    },
    counts: { patients: 3, census: 3 },
    demo: false,
    ...overrides,
  };
}

export interface Fixture {
  readonly siteKey: SiteKey;
  readonly trust: TrustStore;
  readonly device: { identity: string; recipient: string };
  readonly other: { identity: string; recipient: string };
  readonly image: Buffer;
  readonly bytes: Uint8Array;
}

export async function makeFixture(
  options: { fillerRows?: number; manifest?: Partial<ExportManifestInput> } = {},
): Promise<Fixture> {
  const siteKey = generateSiteKey();
  const device = await generateDeviceIdentity();
  const other = await generateDeviceIdentity();
  const image = sqliteImage(PATIENT_NAMES, { fillerRows: options.fillerRows ?? 0 });
  const bytes = await writeExport({
    manifest: manifestInput(options.manifest),
    sqlite: image,
    recipients: [device.recipient],
    siteKey,
  });
  return { siteKey, trust: trustOf(siteKey), device, other, image, bytes };
}

/**
 * A container built by hand: any manifest bytes, validly signed by `siteKey`, with any payload
 * (by default `payload.size`/`sha256` in a JSON manifest are filled in from the payload).
 */
export function signedContainer(
  manifest: object | Uint8Array,
  siteKey: SiteKey,
  payload: Uint8Array,
): Buffer {
  const manifestBytes =
    manifest instanceof Uint8Array
      ? Buffer.from(manifest)
      : Buffer.from(
          JSON.stringify({
            ...manifest,
            payload: {
              size: payload.length,
              sha256: createHash('sha256').update(payload).digest('hex'),
            },
          }),
        );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.length);
  return Buffer.concat([
    Buffer.from('DTX1\n'),
    length,
    manifestBytes,
    ed25519Raw(siteKey.publicKey),
    sign(null, manifestBytes, siteKey.privateKey),
    payload,
  ]);
}

/** A full manifest object (as the writer would make) for `signedContainer`. */
export function fullManifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...manifestInput(),
    format: MANIFEST_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    recipients: ['0'.repeat(32)],
    ...overrides,
  };
}

export async function agePayload(image: Uint8Array, recipient: string): Promise<Buffer> {
  return encryptAge(image, { recipients: [recipient] });
}

/** Runs `fn` and returns the thrown error's `kind` (or a marker when it did not throw one). */
export async function kindOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'no error';
  } catch (e) {
    return e && typeof e === 'object' && 'kind' in e
      ? String(e.kind)
      : `not an AppError: ${String(e)}`;
  }
}

export function kindOfSync(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e && typeof e === 'object' && 'kind' in e
      ? String(e.kind)
      : `not an AppError: ${String(e)}`;
  }
}
