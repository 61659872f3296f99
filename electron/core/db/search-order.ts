/**
 * The order patients are written into an export, which is the order the search lists them:
 * admitted patients first, then by name as SQLite sorts the `name` column (BINARY collation:
 * UTF-8 bytes, a patient without a name first), then by id. The search reads its matches in
 * rowid order and stops at its limit (queries.ts `searchPatients`), so the first matches it
 * reads are the first it lists: at a hospital of 30,000 a two-letter prefix matches thousands
 * of patients, and joining and sorting even 400 of them was most of a search's time.
 */
export interface SearchKey {
  readonly admitted: boolean;
  readonly name: string | null;
  readonly id: string;
}

/** `items` sorted in search order (a new array). */
export function inSearchOrder<T>(items: Iterable<T>, key: (item: T) => SearchKey): T[] {
  const keyed = [...items].map((item) => {
    const k = key(item);
    return {
      item,
      admitted: k.admitted,
      name: k.name === null ? null : Buffer.from(k.name, 'utf8'),
      id: Buffer.from(k.id, 'utf8'),
    };
  });
  keyed.sort(
    (a, b) =>
      Number(b.admitted) - Number(a.admitted) ||
      byBytes(a.name, b.name) ||
      Buffer.compare(a.id, b.id),
  );
  return keyed.map((k) => k.item);
}

/** SQLite's BINARY order, NULL first. */
function byBytes(a: Buffer | null, b: Buffer | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return Buffer.compare(a, b);
}
