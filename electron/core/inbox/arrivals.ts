/**
 * When a file in the inbox is complete. Copy tools, USB sticks and network shares give no
 * reliable "done" signal (fs.watch misses events on SMB and FAT), so we poll and decide:
 * - a file that was being written as `NAME.part` and now appears as `NAME` is complete at once
 *   (the writer renamed it when done: the convention we ask IT's copy scripts to follow);
 * - any other file is complete once its size and modification time have not changed for
 *   `stableMs` (a copy that stalls longer than that is caught by the signature check anyway).
 */
export const PART_SUFFIX = '.part';

export interface Sighting {
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface Watched {
  size: number;
  mtimeMs: number;
  /** When the file last changed, on the inbox's clock. */
  since: number;
}

export interface ArrivalTracker {
  /** Feeds one scan of the folder; returns the names of the candidates now complete. */
  observe(sightings: readonly Sighting[], now: number): string[];
  /** Stops watching a name (it was taken); a new file under that name starts afresh. */
  forget(name: string): void;
}

export function createArrivalTracker(
  stableMs: number,
  isCandidate: (name: string) => boolean,
): ArrivalTracker {
  const watched = new Map<string, Watched>();
  /** Names (without `.part`) that were being written as `.part` at the previous scan. */
  let partsBefore = new Set<string>();

  return {
    observe(sightings, now) {
      const present = new Set(sightings.map((s) => s.name));
      const ready: string[] = [];
      for (const { name, size, mtimeMs } of sightings) {
        if (!isCandidate(name)) continue;
        const renamedFromPart = partsBefore.has(name) && !present.has(name + PART_SUFFIX);
        const before = watched.get(name);
        if (!before || before.size !== size || before.mtimeMs !== mtimeMs) {
          watched.set(name, { size, mtimeMs, since: now });
          if (renamedFromPart) ready.push(name);
        } else if (renamedFromPart || now - before.since >= stableMs) {
          ready.push(name);
        }
      }
      for (const name of watched.keys()) if (!present.has(name)) watched.delete(name);
      partsBefore = new Set(
        sightings
          .filter((s) => s.name.endsWith(PART_SUFFIX))
          .map((s) => s.name.slice(0, -PART_SUFFIX.length)),
      );
      return ready;
    },
    forget(name) {
      watched.delete(name);
    },
  };
}
