/**
 * Whether a candidate export may become the store's newest. `downtime install` and the
 * unattended inbox have no passphrase, so the checks that need no keys are the gate:
 * parse, signature by a trusted signer (which commits to the payload size and SHA-256, checked
 * by `verifyExport`), addressed to this laptop (the signed recipient list), a sequence within
 * its bound and above the rollback baseline (rollback.ts), a schema this viewer reads. When the caller holds an unsealed device identity (the app while unlocked), the
 * payload is also decrypted and opened, so an export this laptop cannot read never displaces
 * one it can.
 */
import { AppError, EXPORT_ERROR_KINDS, type ExportErrorKind, isAppError } from '../errors.ts';
import { openReadonlyDb } from '../db/open.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import { decryptExport, verifyExport } from '../format/dtx.ts';
import { isAddressedTo } from '../keys/recipient.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import type { Manifest } from '../model.ts';
import { checkSequenceBound } from './rollback.ts';
import type { InstallOutcome } from './store-index.ts';

export interface CheckedExport {
  readonly manifest: Manifest;
  readonly signer: string;
}

export interface CandidateChecks {
  readonly trust: TrustStore;
  /** An unsealed identity: also decrypt and open. */
  readonly identity: string | null;
  /** This laptop's `age1…` recipient; null: not known, so nothing can be installed. */
  readonly recipient: string | null;
  /** The rollback baseline (store/rollback.ts), or null for the first install or a repair. */
  readonly currentSequence: number | null;
  readonly now: Date;
}

/** Throws the `AppError` that says why `bytes` may not be installed. */
export async function checkCandidate(
  bytes: Buffer,
  checks: CandidateChecks,
): Promise<CheckedExport> {
  const { manifest, signer } = verifyExport(bytes, checks.trust);
  checkAddressed(manifest, checks.recipient);
  checkSequenceBound(manifest, checks.now);
  const { currentSequence } = checks;
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
  if (checks.identity !== null) await checkOpens(bytes, checks.trust, checks.identity);
  return { manifest, signer };
}

/** An export for other laptops never displaces one this laptop can open (issue 15, M1). */
function checkAddressed(manifest: Manifest, recipient: string | null): void {
  if (recipient === null) {
    throw new AppError(
      'no-identity',
      'This store does not know which laptop it installs for, so it cannot check that the export is addressed to it — enrol the laptop first, or give its recipient (--recipient).',
    );
  }
  if (!isAddressedTo(manifest.recipients, recipient)) {
    throw new AppError(
      'no-matching-identity',
      `This export was not made for this laptop (recipient ${recipient.slice(0, 16)}…): its signed list of ${manifest.recipients.length} device(s) does not name it. The installed export stays in use — ask IT to add this laptop's recipient to the export.`,
    );
  }
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
