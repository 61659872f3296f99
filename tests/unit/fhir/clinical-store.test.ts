/**
 * The clinical store keeps an import's records with a Map's rule for a key read twice (a later
 * copy replaces the earlier one in its place, a later void copy removes it, a copy after a
 * removal comes back at its own place) and counts the same duplicates — without a Map of every
 * key while reading. Checked against a Map on random sequences, with keys that repeat, hashes
 * that collide on purpose, and enough keys for its filter to grow several times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClinicalOutcome,
  ClinicalStore,
  UNCHANGED,
  keyHash,
  stringHash,
} from '../../../electron/core/fhir/clinical-store.ts';
import type { ClinicalRecord } from '../../../electron/core/fhir/records.ts';
import { resourceKey } from '../../../electron/core/fhir/references.ts';
import { ReportTally } from '../../../electron/core/fhir/report.ts';

interface Op {
  readonly key: string;
  readonly hash: number | null;
  readonly outcome: ClinicalOutcome;
  readonly target: boolean;
}

const record = (n: number): ClinicalRecord => ({ subject: `Patient/p${n}`, items: [] });

/** What the importer did before the store: one Map, probed by each resource. */
function withMap(ops: readonly Op[]) {
  const map = new Map<string, ClinicalRecord>();
  let duplicates = 0;
  for (const { key, outcome, target } of ops) {
    let fresh: boolean;
    if (outcome === UNCHANGED) fresh = !map.has(key);
    else if (outcome === null) fresh = !map.delete(key);
    else {
      const before = map.size;
      map.set(key, outcome);
      fresh = map.size > before;
    }
    if (!target && !fresh) duplicates++;
  }
  return { entries: [...map], duplicates };
}

function withStore(ops: readonly Op[]) {
  const store = new ClinicalStore();
  for (const { key, hash, outcome, target } of ops) store.add(key, hash, outcome, target);
  const tally = new ReportTally();
  store.seal(tally);
  return { store, entries: [...store], duplicates: tally.warnings.get('duplicate-resource') ?? 0 };
}

/** Keys from a small set (so they repeat); a target's key is a MedicationRequest's. */
const op = (collide: boolean): fc.Arbitrary<Op> =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 12 }),
      target: fc.boolean(),
      outcome: fc.oneof(
        fc.integer({ min: 0, max: 99 }).map(record),
        fc.constant(null),
        fc.constant<typeof UNCHANGED>(UNCHANGED),
      ),
    })
    .map(({ n, target, outcome }) => {
      const type = target ? 'MedicationRequest' : 'Observation';
      const id = `o${n}`;
      // A collision on purpose: every key of a type shares one hash.
      return {
        key: `${type}/${id}`,
        hash: collide ? stringHash(type) : keyHash(type, id, null),
        outcome,
        target,
      };
    });

describe('the clinical store', () => {
  it('keeps what a Map keeps, in the Map’s order, and counts the same duplicates', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((collide) => fc.array(op(collide), { maxLength: 60 })),
        (ops) => {
          const map = withMap(ops);
          const store = withStore(ops);
          expect(store.entries).toEqual(map.entries);
          expect(store.duplicates).toBe(map.duplicates);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds the duplicates among many unique keys, as its filter grows', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 50_000; i++) {
      const id = `obs-${i}`;
      ops.push({
        key: `Observation/${id}`,
        hash: keyHash('Observation', id, null),
        outcome: record(i),
        target: false,
      });
    }
    // The same keys again, late: replaced in place, removed, or a failed read (no change).
    for (const [i, outcome] of [
      [7, record(-7)],
      [31_000, null],
      [49_999, UNCHANGED],
    ] as const) {
      const id = `obs-${i}`;
      ops.push({
        key: `Observation/${id}`,
        hash: keyHash('Observation', id, null),
        outcome,
        target: false,
      });
    }
    const map = withMap(ops);
    const store = withStore(ops);
    expect(store.duplicates).toBe(3);
    expect(store.entries.length).toBe(49_999);
    expect(store.entries).toEqual(map.entries);
  });

  it('never merges keys without a hash (resources with neither id nor fullUrl)', () => {
    const ops: Op[] = [1, 2].map((n) => ({
      key: `Observation/#${n}`,
      hash: null,
      outcome: record(n),
      target: false,
    }));
    expect(withStore(ops).entries.map(([k]) => k)).toEqual(['Observation/#1', 'Observation/#2']);
  });

  it('finds a reference target’s record by its key, and only a target’s', () => {
    const { store } = withStore([
      {
        key: 'MedicationRequest/m1',
        hash: keyHash('MedicationRequest', 'm1', null),
        outcome: record(1),
        target: true,
      },
      {
        key: 'Observation/o1',
        hash: keyHash('Observation', 'o1', null),
        outcome: record(2),
        target: false,
      },
    ]);
    expect(store.target('MedicationRequest/m1')).toEqual(record(1));
    expect(store.target('Observation/o1')).toBeUndefined();
  });

  it('hashes a key from its parts exactly as the key itself', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.string()),
        fc.option(fc.webUrl()),
        (type, id, fullUrl) => {
          const key = resourceKey(id === null ? {} : { id }, type, fullUrl);
          expect(keyHash(type, id, fullUrl)).toBe(key === null ? null : stringHash(key));
        },
      ),
    );
  });

  it('refuses to be read before reading ends, and to be added to after', () => {
    const store = new ClinicalStore();
    expect(() => [...store]).toThrow(/before seal/);
    store.seal(new ReportTally());
    expect(() => store.add('Observation/o', 1, null, false)).toThrow(/after seal/);
  });
});
