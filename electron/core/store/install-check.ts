/**
 * Whether a candidate export may become the store's newest. `downtime install` and the
 * unattended inbox have no passphrase, so the checks that need no keys are the gate:
 * parse, signature by a trusted signer (which commits to the payload size and SHA-256, checked
 * by `verifyExport`), no rollback (`sequence` above the current one), a schema this viewer
 * reads. When the caller holds an unsealed device identity (the app while unlocked), the
 * payload is also decrypted and opened, so an export this laptop cannot read never displaces
 * one it can.
 */
import { AppError, EXPORT_ERROR_KINDS, type ExportErrorKind, isAppError } from '../errors.ts';
import { openReadonlyDb } from '../db/open.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import { decryptExport, verifyExport } from '../format/dtx.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import type { Manifest } from '../model.ts';
import type { InstallOutcome } from './store-index.ts';

export interface CheckedExport {
  readonly manifest: Manifest;
  readonly signer: string;
}

/** Throws the `AppError` that says why `bytes` may not be installed above `currentSequence`. */
export async function checkCandidate(
  bytes: Buffer,
  trust: TrustStore,
  identity: string | null,
  currentSequence: number | null,
): Promise<CheckedExport> {
  const { manifest, signer } = verifyExport(bytes, trust);
  if (currentSequence !== null && manifest.sequence <= currentSequence) {
    throw new AppError(
      'older-than-installed',
      `This export (sequence ${manifest.sequence}) is not newer than the installed one (sequence ${currentSequence}); the installed export stays in use.`,
    );
  }
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new AppError(
      'schema-too-new',
      `This export uses database schema ${manifest.schemaVersion}, newer than this viewer reads (${SCHEMA_VERSION}); update the Downtime Viewer.`,
    );
  }
  if (identity !== null) await checkOpens(bytes, trust, identity);
  return { manifest, signer };
}

async function checkOpens(bytes: Buffer, trust: TrustStore, identity: string): Promise<void> {
  const { sqlite } = await decryptExport(bytes, trust, identity);
  try {
    openReadonlyDb(sqlite).close();
  } finally {
    sqlite.fill(0);
  }
}

/** The refusal for a failed check: export kinds and their sentence pass through, the rest is io. */
export function refused(error: unknown): InstallOutcome {
  if (isAppError(error)) {
    const kind = (EXPORT_ERROR_KINDS as readonly string[]).includes(error.kind)
      ? (error.kind as ExportErrorKind)
      : 'io';
    return { outcome: 'refused', exportId: null, kind, message: error.message };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'error';
  return {
    outcome: 'refused',
    exportId: null,
    kind: 'io',
    message: `The file could not be read (${code}); check that it is complete and readable, then retry.`,
  };
}
