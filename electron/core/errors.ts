/**
 * Every failure the app reports is one of these kinds. The export-format kinds are named by
 * DESIGN.md section 3; the rest sort the remaining failures so the UI can pick its words.
 */
export {
  ERROR_KINDS,
  EXPORT_ERROR_KINDS,
  type ErrorKind,
  type ExportErrorKind,
} from '../common/error-kinds.ts';
import type { ErrorKind } from '../common/error-kinds.ts';

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
