/**
 * Observation lines read on other threads while the importer's thread goes on reading. In a
 * hospital's Bulk Data export seven lines in ten are Observations, and parsing, checking and
 * mapping them was two thirds of an import's reading; each worker (observation-worker.ts) does
 * that for the lines it is sent, and what each line became comes back (observation-codec.ts)
 * to the place the importer reserved for it when it read the line — so the export is the one
 * the importer writes alone, whatever the order in which batches come back
 * (tests/unit/fhir/parallel-reading.test.ts).
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { workerScriptUrl } from '../worker-url.ts';
import { type EncodedBatch, LineOutcome, RowDecoder } from './observation-codec.ts';
import type { LineBatch } from './observation-worker.ts';
import { type ClinicalOutcome, UNCHANGED } from './clinical-store.ts';
import type { RejectedField, WarningKind } from './report.ts';

/** Where a line's resource belongs: its place in the input, and in the clinical records. */
export interface Reserved {
  readonly position: number;
  readonly slot: number;
}

/** The importer's side of the lines read elsewhere. */
export interface RemoteSink {
  reserve(): Reserved;
  /** An Observation read elsewhere (`id` null: it has none), or a line that kept nothing. */
  settle(at: Reserved, id: string | null, outcome: ClinicalOutcome | 'vacant'): void;
  failed(): void;
  malformedLine(): void;
  /** A line that was not an Observation after all: read it here. */
  readHere(line: string): void;
  warn(kind: WarningKind, count: number): void;
  reject(field: RejectedField, position: number): void;
}

/** Lines per message: large enough that a message costs little beside its lines. */
const BATCH = 256;
/**
 * Batches in flight per worker before the reader reads Observation lines itself (a few MB of
 * lines): more than one 1 MiB chunk of input holds, so a worker has lines to go on with while
 * the reader goes through the next chunk.
 */
export const IN_FLIGHT = 8;

interface Pending {
  readonly reserved: Reserved[];
  readonly decoder: RowDecoder;
}

export class ObservationPool {
  private readonly workers: { worker: Worker; decoder: RowDecoder }[];
  private readonly pending = new Map<number, Pending>();
  private batch: { lines: string[]; reserved: Reserved[] } = { lines: [], reserved: [] };
  private nextBatch = 0;
  private nextWorker = 0;
  private failure: Error | null = null;
  private waiting: (() => void) | null = null;

  private readonly sink: RemoteSink;
  private readonly inFlight: number;

  constructor(sink: RemoteSink, workers: number, inFlight = IN_FLIGHT) {
    this.sink = sink;
    this.inFlight = inFlight;
    this.workers = Array.from({ length: workers }, () => {
      const worker = new Worker(workerScriptUrl('observation-worker', import.meta.url));
      const entry = { worker, decoder: new RowDecoder() };
      worker.on('message', (result: EncodedBatch) => this.received(result));
      worker.on('error', (e) => this.fail(e));
      return entry;
    });
  }

  /** Takes an Observation line to read elsewhere. */
  add(line: string): void {
    this.batch.lines.push(line);
    this.batch.reserved.push(this.sink.reserve());
    if (this.batch.lines.length === BATCH) this.send();
  }

  /**
   * Whether it takes more lines now: while the workers are behind, the reader reads the
   * Observation lines itself, so neither side waits for the other whatever the machine's load.
   */
  hasRoom(): boolean {
    if (this.failure) throw this.failure;
    return this.pending.size < this.inFlight * this.workers.length;
  }

  /** Sends what is left and waits until every line sent is settled. */
  async drain(): Promise<void> {
    if (this.batch.lines.length > 0) this.send();
    while (this.pending.size > 0 && !this.failure)
      await new Promise<void>((resolve) => (this.waiting = resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private send(): void {
    const { lines, reserved } = this.batch;
    this.batch = { lines: [], reserved: [] };
    const batch = this.nextBatch++;
    // Round robin: each worker's batches come back in the order it was sent them, which its
    // string table needs.
    const { worker, decoder } = this.workers[this.nextWorker++ % this.workers.length]!;
    this.pending.set(batch, { reserved, decoder });
    worker.postMessage({ batch, lines } satisfies LineBatch);
  }

  private received(result: EncodedBatch): void {
    const pending = this.pending.get(result.batch);
    if (!pending) return;
    this.pending.delete(result.batch);
    try {
      this.apply(result, pending);
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
    }
    this.wake();
  }

  private apply(result: EncodedBatch, { reserved, decoder }: Pending): void {
    decoder.begin(result);
    let record = 0;
    let returned = 0;
    for (let i = 0; i < result.outcomes.length; i++) {
      const at = reserved[i]!;
      const outcome = result.outcomes[i]!;
      switch (outcome) {
        case LineOutcome.Row:
          this.sink.settle(at, decoder.id(), decoder.record());
          break;
        case LineOutcome.Record:
          this.sink.settle(at, decoder.id(), result.records[record++]!);
          break;
        case LineOutcome.Void:
          this.sink.settle(at, decoder.id(), null);
          break;
        case LineOutcome.Failed:
          this.sink.failed();
          this.sink.settle(at, decoder.id(), UNCHANGED);
          break;
        case LineOutcome.Malformed:
          this.sink.malformedLine();
          this.sink.settle(at, null, 'vacant');
          break;
        case LineOutcome.Returned:
          this.sink.settle(at, null, 'vacant');
          this.sink.readHere(result.lines[returned++]!);
          break;
        default:
          throw new AppError(
            'internal',
            `An observation reader sent an unknown outcome (${outcome}).`,
          );
      }
    }
    for (const [kind, n] of result.warnings) this.sink.warn(kind, n);
    for (const [line, field] of result.rejected) this.sink.reject(field, reserved[line]!.position);
  }

  private fail(e: Error): void {
    // Its name only: a message could quote the input.
    this.failure ??= new AppError('internal', `An observation reader thread failed (${e.name}).`);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}
