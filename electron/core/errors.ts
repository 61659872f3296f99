/**
 * Every failure the app reports is one of these kinds. The export-format kinds are named by
 * DESIGN.md section 3; the rest sort the remaining failures so the UI can pick its words.
 */
export const EXPORT_ERROR_KINDS = [
  'not-an-export',
  'unsupported-version',
  'truncated',
  'bad-signature',
  'unknown-signer',
  'payload-mismatch',
  'no-matching-identity',
  'wrong-passphrase',
  'schema-too-new',
  'older-than-installed',
  /** A sequence beyond what its signed creation time allows (store/rollback.ts). */
  'sequence-out-of-range',
] as const;

export const ERROR_KINDS = [
  ...EXPORT_ERROR_KINDS,
  /** Arguments that do not match the contract (a bug or a hostile caller). */
  'invalid-argument',
  /** The call needs an unlocked session. */
  'locked',
  /** No device identity enrolled yet. */
  'no-identity',
  /** No export installed. */
  'no-export',
  /** A patient, ward or file that does not exist. */
  'not-found',
  /** A file the user pointed at could not be read or written. */
  'io',
  /** Settings or input files that fail validation. */
  'invalid-config',
  /** Too many wrong passphrases: unlock waits (the message says how long). */
  'throttled',
  /** The access audit cannot be written, so no patient data is shown (fails closed). */
  'audit-unavailable',
  /** Anything unexpected; logged without patient data. */
  'internal',
] as const;

export type ExportErrorKind = (typeof EXPORT_ERROR_KINDS)[number];
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A thrown error that carries its kind; converted to `Result` at every boundary. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
