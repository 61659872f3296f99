/**
 * The branded handles — read-only for the named queries, writable for the importer — and the
 * queries' per-handle statement cache.
 * The brand makes "this database came through openReadonlyDb" a compile-time fact: a writable
 * handle cannot be passed to a query by mistake.
 */
import type Database from 'better-sqlite3';

export type ReadonlyDb = Database.Database & { readonly __brand: 'ReadonlyDb' };

/**
 * A new export database being filled by the importer (schema.ts `createExportTables`): the one
 * handle the INSERTs take, so rows are never written into an opened, installed export.
 */
export type WritableDb = Database.Database & { readonly __brand: 'WritableDb' };

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this handle, prepared once. */
export function cached(db: ReadonlyDb, sql: string): Database.Statement {
  let perDb = statements.get(db);
  if (!perDb) {
    perDb = new Map();
    statements.set(db, perDb);
  }
  let statement = perDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement;
}
