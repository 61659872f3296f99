/**
 * Opening a decrypted export. SQLite opens a garbage buffer without complaint and fails on
 * first access, so the schema is checked here, at once, and a bad payload is refused with a
 * clear error instead of failing later in a screen.
 */
import Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import type { ReadonlyDb } from './handle.ts';
import { TABLES } from './schema.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';

export type { ReadonlyDb } from './handle.ts';

const REQUIRED = [...TABLES, 'meta', 'patient_search'];

export function openReadonlyDb(image: Buffer | Uint8Array): ReadonlyDb {
  let db: Database.Database;
  try {
    // better-sqlite3 wants a Buffer; wrapping a Uint8Array shares its memory, no copy.
    const buffer = Buffer.isBuffer(image)
      ? image
      : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
    db = new Database(buffer, { readonly: true });
  } catch (e) {
    throw notAnExport(e);
  }
  try {
    // Sorts and temporary indices hold patient rows: keep them in memory, never in a temp file
    // (the default can spill to the system's temp folder, in plain text).
    db.pragma('temp_store = MEMORY');
    const version = db.pragma('user_version', { simple: true });
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new AppError(
        'schema-too-new',
        `This export uses data schema ${version}, newer than this viewer understands (${SCHEMA_VERSION}); update the Downtime Viewer.`,
      );
    }
    // An older schema (the same tables, other columns or nullability) would fail or misread a
    // query later: refused at once, saying why.
    if (typeof version === 'number' && version > 0 && version < SCHEMA_VERSION) {
      throw new AppError(
        'not-an-export',
        `This export uses data schema ${version}, older than this viewer reads (${SCHEMA_VERSION}); ask IT for a fresh export.`,
      );
    }
    const present = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        .pluck()
        .all() as string[],
    );
    if (version !== SCHEMA_VERSION || REQUIRED.some((t) => !present.has(t))) throw notAnExport();
    return db as ReadonlyDb;
  } catch (e) {
    db.close();
    throw e instanceof AppError ? e : notAnExport(e);
  }
}

function notAnExport(cause?: unknown): AppError {
  return new AppError(
    'not-an-export',
    'The export payload is not a Downtime Viewer database (damaged or from another program); ask IT for a fresh export.',
    { cause },
  );
}
