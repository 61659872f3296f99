/**
 * Export file → verified, decrypted, opened read-only database: the one way the engine, `inspect`
 * and `print` open an export. The bytes are taken over (decrypted in place, so the plaintext
 * never exists twice) and zeroed once SQLite holds its own copy.
 */
import { openReadonlyDb } from '../db/open.ts';
import type { ReadonlyDb } from '../db/queries.ts';
import { decryptExport } from '../format/dtx.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import type { Manifest } from '../model.ts';

export interface OpenedExport {
  readonly manifest: Manifest;
  /** Fingerprint of the trusted key that signed it. */
  readonly signer: string;
  readonly db: ReadonlyDb;
}

export async function openExport(
  bytes: Uint8Array,
  trust: TrustStore,
  identity: string | readonly string[],
): Promise<OpenedExport> {
  const { manifest, signer, sqlite } = await decryptExport(bytes, trust, identity, {
    inPlace: true,
  });
  try {
    return { manifest, signer, db: openReadonlyDb(sqlite) };
  } finally {
    sqlite.fill(0);
  }
}
