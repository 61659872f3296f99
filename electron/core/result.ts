/**
 * The one result shape that crosses every boundary (IPC, the E2E bridge, the worker, the CLI).
 * Errors are sorted into kinds so callers switch on `kind`, never on message text.
 */
import type { ErrorKind } from './errors.ts';

export interface AppErrorShape {
  readonly kind: ErrorKind;
  /** A sentence a nurse or IT person can act on. Never contains patient data. */
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(kind: ErrorKind, message: string): Result<T> => ({
  ok: false,
  error: { kind, message },
});
