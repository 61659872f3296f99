/**
 * The clinical records an import keeps, in input order, with a Map's rule for a resource key
 * seen twice: a later copy replaces the earlier one in its place, a later void copy removes it,
 * and a later copy after a removal comes back at its own place. What it does not have is a Map
 * of every key while reading: at 30,000 patients that Map held 2.5 million keys and its
 * `set` alone took 3.7 s of the import (a hash table too large for any cache, every probe a
 * miss). Almost every key is seen once, so reading appends each record with a 32-bit hash of
 * its key and asks a Bloom filter (16 bits per key, 3 probes: about 1 false alarm in 1,000)
 * whether the hash may have come before. Only the keys it flags are sorted out exactly, once,
 * when reading ends (`seal`), through a small Map.
 */
import type { ClinicalRecord } from './records.ts';
import type { ReportTally } from './report.ts';

/** What a clinical resource read becomes: its record, void (null), or nothing (its mapper failed). */
export type ClinicalOutcome = ClinicalRecord | null | typeof UNCHANGED;
/** A resource whose mapper failed: it neither replaces nor removes an earlier copy. */
export const UNCHANGED: unique symbol = Symbol('unchanged');

/** The read side: records in input order, and the records of referenced resources by key. */
export interface ClinicalRecords extends Iterable<readonly [key: string, record: ClinicalRecord]> {
  /** The record of a reference target (MedicationRequest, Condition) by its key. */
  target(key: string): ClinicalRecord | undefined;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a of a string, 32 bits. */
export function stringHash(s: string): number {
  return fnv(FNV_OFFSET, s) | 0;
}

/**
 * `stringHash` of the resource's key (references.ts `resourceKey`: `${type}/${id}`, else its
 * `fullUrl`) worked out from its parts — the key is a concatenation, and hashing the key
 * itself would first copy it into one flat string; null when the resource has neither (its
 * key is made unique).
 */
export function keyHash(type: string, id: string | null, fullUrl: string | null): number | null {
  if (id) return fnv(Math.imul(fnv(FNV_OFFSET, type) ^ 0x2f, FNV_PRIME), id) | 0;
  return fullUrl ? stringHash(fullUrl) : null;
}

/** A Bloom filter over 32-bit hashes; `rebuild` makes it larger from every hash added so far. */
class HashFilter {
  private bits = new Int32Array(1 << 11);
  private mask = (1 << 16) - 1;

  /** Whether `count` keys are more than 16 bits each can hold. */
  full(count: number): boolean {
    return count * 16 > this.mask + 1;
  }

  /** Adds `hash`; whether it may have been added before. */
  add(hash: number): boolean {
    const h2 = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
    const h3 = Math.imul(h2 ^ (h2 >>> 12), 0x297a2d39);
    return (this.set(hash) & this.set(h2) & this.set(h3)) !== 0;
  }

  /** Sets one bit; 1 when it was set already. */
  private set(probe: number): number {
    const bit = probe & this.mask;
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    const was = this.bits[word]! & flag;
    this.bits[word]! |= flag;
    return was === 0 ? 0 : 1;
  }

  rebuild(hashes: Int32Array, flags: Uint8Array, count: number): void {
    const size = (this.mask + 1) * 4;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
    for (let i = 0; i < count; i++) if (flags[i]! & HASHED) this.add(hashes[i]!);
  }
}

/** Entry flags: the key has a hash (it may repeat); the resource is a reference target. */
const HASHED = 1;
const TARGET = 2;

export class ClinicalStore implements ClinicalRecords {
  private readonly keys: string[] = [];
  private readonly outcomes: ClinicalOutcome[] = [];
  private hashes = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private readonly filter = new HashFilter();
  /** Hashes the filter flagged: every key seen twice is among them. */
  private readonly flagged = new Set<number>();
  private sealed = false;
  private byTargetKey: Map<string, ClinicalRecord> | null = null;

  /**
   * A clinical resource's outcome under its key; `hash` is `keyHash` of the key, or null for
   * a key no other resource can have. A target's duplicates are counted by the reference index.
   */
  add(key: string, hash: number | null, outcome: ClinicalOutcome, target: boolean): void {
    if (this.sealed) throw new Error('ClinicalStore: add after seal');
    const at = this.keys.length;
    if (at === this.flags.length) this.enlarge();
    this.keys.push(key);
    this.outcomes.push(outcome);
    this.flags[at] = (hash === null ? 0 : HASHED) | (target ? TARGET : 0);
    if (hash === null) return;
    this.hashes[at] = hash;
    if (this.filter.full(at + 1)) this.filter.rebuild(this.hashes, this.flags, at);
    if (this.filter.add(hash)) this.flagged.add(hash);
  }

  private enlarge(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }

  /**
   * Ends reading: every key seen more than once gets the Map's outcome (one record, at the
   * place the Map would keep it), and each later copy of a clinical resource that is not a
   * reference target is counted as a duplicate.
   */
  seal(tally: ReportTally): void {
    if (this.sealed) return;
    this.sealed = true;
    const groups = new Map<string, number[]>();
    for (let i = 0; this.flagged.size > 0 && i < this.keys.length; i++) {
      if (!(this.flags[i]! & HASHED) || !this.flagged.has(this.hashes[i]!)) continue;
      const key = this.keys[i]!;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    let duplicates = 0;
    for (const group of groups.values()) if (group.length > 1) duplicates += this.settle(group);
    // An entry seen once that failed keeps no record, as one that is void.
    for (let i = 0; i < this.outcomes.length; i++)
      if (this.outcomes[i] === UNCHANGED) this.outcomes[i] = null;
    this.hashes = new Int32Array(0);
    if (duplicates > 0) tally.warn('duplicate-resource', duplicates);
  }

  /** One key's entries replayed as Map operations; returns the duplicates they count. */
  private settle(group: readonly number[]): number {
    let present = false;
    let place = -1;
    let record: ClinicalRecord | null = null;
    let duplicates = 0;
    for (const i of group) {
      const outcome = this.outcomes[i]!;
      this.outcomes[i] = null;
      if (present && !(this.flags[i]! & TARGET)) duplicates++;
      if (outcome === UNCHANGED) continue;
      if (outcome === null) {
        present = false;
        continue;
      }
      if (!present) place = i;
      present = true;
      record = outcome;
    }
    if (present) this.outcomes[place] = record;
    return duplicates;
  }

  *[Symbol.iterator](): Iterator<readonly [string, ClinicalRecord]> {
    this.mustBeSealed();
    for (let i = 0; i < this.outcomes.length; i++) {
      const o = this.outcomes[i];
      if (o) yield [this.keys[i]!, o as ClinicalRecord];
    }
  }

  target(key: string): ClinicalRecord | undefined {
    this.mustBeSealed();
    if (!this.byTargetKey) {
      this.byTargetKey = new Map();
      for (let i = 0; i < this.outcomes.length; i++) {
        const o = this.outcomes[i];
        if (o && this.flags[i]! & TARGET) this.byTargetKey.set(this.keys[i]!, o as ClinicalRecord);
      }
    }
    return this.byTargetKey.get(key);
  }

  private mustBeSealed(): void {
    if (!this.sealed) throw new Error('ClinicalStore: read before seal');
  }
}
