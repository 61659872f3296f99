/**
 * Every failure the app reports is one of these kinds. The export-format kinds are named by
 * DESIGN.md section 3; the rest sort the remaining failures so screen and paper can say them
 * in the reader's words (`errorKind.*` in the words tables): the same kind reads the same
 * sentence on the unlock screen, in an error notice and on the readiness check.
 */
import { isWordKey, type TranslateWord } from './words/index.ts';

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

/**
 * Failures of the export itself, where an older kept export may still open (the unlock screen
 * offers it); a wrong passphrase or a locked store is not one.
 */
export const EXPORT_FAULTS: readonly ExportErrorKind[] = [
  'not-an-export',
  'unsupported-version',
  'truncated',
  'bad-signature',
  'unknown-signer',
  'payload-mismatch',
  'no-matching-identity',
  'schema-too-new',
];

/** What a kind means and what to do, in the reader's words; an unknown kind as `fallback`. */
export function errorKindSentence(t: TranslateWord, kind: string | null, fallback: string): string {
  const key = `errorKind.${kind ?? ''}`;
  return isWordKey(key) ? t(key) : fallback;
}
