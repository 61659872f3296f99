/**
 * One shared copy of each string that repeats across the records kept while reading (a
 * patient's reference on each of its observations, a test's code, name and unit). `JSON.parse`
 * gives every line its own copies; kept in tens of thousands of records until the write phase,
 * they are what the garbage collector copies over and over. One interner lives for one import.
 */
export class Interner {
  private readonly seen = new Map<string, string>();

  of(s: string | null): string | null {
    if (s === null) return null;
    const kept = this.seen.get(s);
    if (kept !== undefined) return kept;
    this.seen.set(s, s);
    return s;
  }
}
