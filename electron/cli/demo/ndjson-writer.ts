/**
 * FHIR Bulk Data output: one `<ResourceType>.ndjson` file per type, written as the generator
 * goes. Lines are encoded to UTF-8 into a buffer per type as they come, and flushed in ~1 MiB
 * writes that wait for the stream to drain, so memory stays bounded however many patients
 * are generated.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';

const FLUSH_AT = 1 << 20;
/** Small types (Organization) stay small; busy ones grow to ~FLUSH_AT once and keep that size. */
const INITIAL_BUFFER = 64 << 10;

interface TypeFile {
  readonly stream: WriteStream;
  /** UTF-8 of the queued lines, encoded as they come (no join, no second copy). */
  buffer: Buffer;
  used: number;
  count: number;
}

export class NdjsonWriter {
  readonly #dir: string;
  readonly #files = new Map<string, TypeFile>();
  #failure: Error | null = null;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Queues one resource; call `drain()` now and then to write what is queued. */
  add(resource: { readonly resourceType: string }): void {
    const file = this.#fileFor(resource.resourceType);
    const line = `${JSON.stringify(resource)}\n`;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = line.length * 3;
    if (file.used + room > file.buffer.length) {
      file.buffer = grow(file.buffer, file.used, file.used + room);
    }
    file.used += file.buffer.write(line, file.used, 'utf8');
    file.count++;
  }

  /** Writes every buffer over the threshold, waiting for the disk when it lags. */
  async drain(force = false): Promise<void> {
    for (const file of this.#files.values()) {
      if (file.used === 0 || (!force && file.used < FLUSH_AT)) continue;
      const chunk = file.buffer.subarray(0, file.used);
      file.buffer = Buffer.allocUnsafe(file.buffer.length);
      file.used = 0;
      if (!file.stream.write(chunk)) await once(file.stream, 'drain');
      this.#throwIfFailed();
    }
  }

  /** Flushes and closes every file; returns the resource count per type. */
  async close(): Promise<Record<string, number>> {
    await this.drain(true);
    await Promise.all([...this.#files.values()].map((file) => closeStream(file.stream)));
    this.#throwIfFailed();
    const counts: Record<string, number> = {};
    for (const [type, file] of [...this.#files].sort(([a], [b]) => a.localeCompare(b))) {
      counts[type] = file.count;
    }
    return counts;
  }

  #fileFor(type: string): TypeFile {
    const existing = this.#files.get(type);
    if (existing) return existing;
    const stream = createWriteStream(join(this.#dir, `${type}.ndjson`));
    stream.on('error', (error) => {
      this.#failure ??= error;
    });
    const file: TypeFile = {
      stream,
      buffer: Buffer.allocUnsafe(INITIAL_BUFFER),
      used: 0,
      count: 0,
    };
    this.#files.set(type, file);
    return file;
  }

  #throwIfFailed(): void {
    if (this.#failure) {
      throw new AppError(
        'io',
        `Could not write the demo data to ${this.#dir} (${(this.#failure as NodeJS.ErrnoException).code ?? 'write error'}); check that the folder is writable and the disk not full.`,
        { cause: this.#failure },
      );
    }
  }
}

function grow(buffer: Buffer, used: number, needed: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2));
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.end(() => resolve());
    stream.once('error', () => resolve());
  });
}
