/** Opening a decrypted payload: a real export opens; anything else is refused at once. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import { createExportDatabase, toSqliteImage } from '../../../electron/core/db/schema.ts';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { AppError } from '../../../electron/core/errors.ts';

function kindOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.kind : 'not an AppError';
  }
}

describe('openReadonlyDb', () => {
  it('opens an export image read-only, from a Buffer or a Uint8Array', () => {
    const image = toSqliteImage(createExportDatabase());
    expect(image.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    for (const bytes of [image, new Uint8Array(image)]) {
      const db = openReadonlyDb(bytes);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(() => db.exec("INSERT INTO meta VALUES ('x', 'y')")).toThrow(/readonly/);
      db.close();
    }
  });

  it('refuses garbage, an empty buffer and a foreign SQLite database as not-an-export', () => {
    const foreign = new Database(':memory:');
    foreign.exec('CREATE TABLE t (x)');
    foreign.pragma(`user_version = ${SCHEMA_VERSION}`);
    expect(
      kindOf(() => openReadonlyDb(Buffer.from('not a database at all, just bytes'.repeat(40)))),
    ).toBe('not-an-export');
    expect(kindOf(() => openReadonlyDb(Buffer.alloc(0)))).toBe('not-an-export');
    expect(kindOf(() => openReadonlyDb(foreign.serialize()))).toBe('not-an-export');
  });

  it('refuses an export from a newer schema with schema-too-new', () => {
    const db = createExportDatabase();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(kindOf(() => openReadonlyDb(toSqliteImage(db)))).toBe('schema-too-new');
  });

  it('refuses an export of an older schema at open, saying so (schema 4 stores null names)', () => {
    const db = createExportDatabase();
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    expect(kindOf(() => openReadonlyDb(toSqliteImage(db)))).toBe('not-an-export');
    expect(() => openReadonlyDb(toSqliteImage(db))).toThrow(
      `data schema ${SCHEMA_VERSION - 1}, older than this viewer reads (${SCHEMA_VERSION}); ask IT for a fresh export`,
    );
  });

  it('writes a rollback-journal image (a WAL image would not deserialize)', () => {
    const image = toSqliteImage(createExportDatabase());
    // File format bytes 18-19: 1 = rollback journal, 2 = WAL.
    expect([image[18], image[19]]).toEqual([1, 1]);
  });
});

describe('temporary storage of an opened export', () => {
  it('is pinned to memory, so sorts of patient rows never spill to a temp file', () => {
    const db = openReadonlyDb(toSqliteImage(createExportDatabase()));
    // 2 = MEMORY (0 = the compile-time default, which may be a file).
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    db.close();
  });
});
