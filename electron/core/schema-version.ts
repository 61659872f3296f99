/** The export database's schema version (`PRAGMA user_version`). Bump on any schema change. */
export const SCHEMA_VERSION = 9;
