/**
 * Clinical lines read on other threads while the importer's thread goes on reading. In a
 * hospital's Bulk Data export nine bytes in ten are resources nothing references
 * (observations, administrations, notes, plans; clinical-mappers.ts `READ_ANYWHERE`), and
 * parsing, checking and mapping them is most of an import's reading; each worker
 * (reader-worker.ts) does that for the lines it is sent, and what each line became comes back
 * (batch-codec.ts) to the place the importer reserved for it when it read the line — so the
 * export is the one the importer writes alone, whatever the order in which batches come back
 * (tests/unit/fhir/parallel-reading.test.ts).
 */
import {
  MessageChannel,
  type MessagePort,
  Worker,
  receiveMessageOnPort,
} from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { workerScriptUrl } from '../worker-url.ts';
import { type EncodedBatch, LineOutcome, RowDecoder, RowEncoder } from './batch-codec.ts';
import { type LineBatch, readBatch } from './read-batch.ts';
import { Interner } from './interner.ts';
import { type ClinicalOutcome, UNCHANGED } from './clinical-store.ts';
import type { Clock } from './clinical-mappers.ts';

/** What a reader thread starts with: the import's clock, and the port its results go to. */
export interface ReaderData {
  readonly clock: Clock;
  readonly results: MessagePort;
}
import type { RejectedField, WarningKind } from './report.ts';

/** Where a line's resource belongs: its place in the input, and in the clinical records. */
export interface Reserved {
  readonly position: number;
  readonly slot: number;
}

/** A clinical resource read elsewhere: its type, its id (null: it has none) and outcome. */
export interface ReadElsewhere {
  readonly type: string;
  readonly id: string | null;
  readonly outcome: ClinicalOutcome;
}

/** The importer's side of the lines read elsewhere. */
export interface RemoteSink {
  reserve(): Reserved;
  /** A resource read elsewhere, or a line that kept nothing. */
  settle(at: Reserved, read: ReadElsewhere | 'vacant'): void;
  failed(): void;
  malformedLine(): void;
  /** A line that was not what its first `resourceType` said: read it here. */
  readHere(line: string): void;
  warn(kind: WarningKind, count: number): void;
  reject(field: RejectedField, position: number): void;
}

/** Lines per message: large enough that a message costs little beside its lines. */
const BATCH = 256;
/**
 * Batches in flight per worker before the reader reads such lines itself (a few MB of
 * lines): more than one 1 MiB chunk of input holds, so a worker has lines to go on with while
 * the reader goes through the next chunk.
 */
const IN_FLIGHT = 8;
/** While the workers are full, lines read here between looks for their results. */
const LOOK_EVERY = 32;

/** A worker, and the string table of what it sends (batch-codec.ts). */
interface Reader {
  readonly worker: Worker | null;
  readonly results: MessagePort;
  readonly decoder: RowDecoder;
  alive: boolean;
}

interface Pending {
  /** Its lines (views of the input's chunks), to be read here if its worker stops. */
  readonly lines: Uint8Array[];
  readonly reserved: Reserved[];
  readonly reader: Reader;
}

/**
 * The lines of a batch as one block of bytes, a newline after each, written into `into` when
 * it is large enough.
 */
function block(lines: readonly Uint8Array[], size: number, into?: Uint8Array): Uint8Array {
  const bytes = into && into.length >= size ? into.subarray(0, size) : new Uint8Array(size);
  let at = 0;
  for (const line of lines) {
    bytes.set(line, at);
    at += line.length;
    bytes[at++] = 10;
  }
  return bytes;
}

/** The block batches are written into before they are sent (copied when sent). */
const SEND_BUFFER = 1 << 18;

export class ReaderPool {
  private readonly readers: Reader[];
  private readonly pending = new Map<number, Pending>();
  /** The batch being filled: its lines' bytes, and their places. */
  private batch: { lines: Uint8Array[]; size: number; reserved: Reserved[] } = {
    lines: [],
    size: 0,
    reserved: [],
  };
  /**
   * One buffer for every batch sent: `postMessage` copies it, and a new buffer per batch (10,000
   * of them at 30,000 patients) counted as memory outside the heap made V8 run full collections
   * of the importer's 1.3 GB heap — a quarter of its time.
   */
  private readonly sendBuffer = new Uint8Array(SEND_BUFFER);
  private nextBatch = 0;
  private nextReader = 0;
  private looks = 0;
  private failure: Error | null = null;
  /** The worker's own code run here, for the batches of a worker that failed. */
  private readonly here = {
    encoder: new RowEncoder(),
    strings: new Interner(),
    decoder: new RowDecoder(),
  };
  private readonly sink: RemoteSink;
  private readonly clock: Clock;
  private readonly inFlight: number;

  /** `script`: the worker's code (reader-worker.ts unless a test gives another). */
  constructor(
    sink: RemoteSink,
    clock: Clock,
    workers: number,
    inFlight = IN_FLIGHT,
    script: URL = workerScriptUrl('reader-worker', import.meta.url),
  ) {
    this.sink = sink;
    this.clock = clock;
    this.inFlight = inFlight;
    this.readers = Array.from({ length: workers }, () => this.start(script));
  }

  /**
   * A worker, its results sent on a port of their own: this thread takes them when it looks
   * (`receiveMessageOnPort`) — it reads on without turning the event loop for chunks the
   * stream already holds, so results waiting as events would leave the workers idle.
   */
  private start(script: URL): Reader {
    const { port1, port2 } = new MessageChannel();
    let worker: Worker | null = null;
    try {
      const workerData: ReaderData = { clock: this.clock, results: port2 };
      worker = new Worker(script, { workerData, transferList: [port2] });
    } catch {
      // No thread to be had: this thread reads every line.
    }
    const reader: Reader = {
      worker,
      results: port1,
      decoder: new RowDecoder(),
      alive: worker !== null,
    };
    worker?.on('error', () => this.lost(reader));
    worker?.on('exit', () => this.lost(reader));
    return reader;
  }

  /** Every result the workers have sent, settled now. */
  private collect(): void {
    for (const reader of this.readers) {
      if (!reader.alive) continue;
      for (
        let m = receiveMessageOnPort(reader.results);
        m;
        m = receiveMessageOnPort(reader.results)
      )
        this.received(m.message as EncodedBatch, reader);
    }
  }

  /** Takes a line (its UTF-8 bytes, no newline) to read elsewhere. */
  add(line: Uint8Array): void {
    this.batch.lines.push(line);
    this.batch.size += line.length + 1;
    this.batch.reserved.push(this.sink.reserve());
    if (this.batch.lines.length === BATCH) this.send();
  }

  /**
   * Whether it takes more lines now: while the workers are behind, the reader reads the
   * lines itself, so neither side waits for the other whatever the machine's load.
   */
  hasRoom(): boolean {
    if (this.failure) throw this.failure;
    const limit = this.inFlight * this.alive();
    if (this.pending.size < limit) return true;
    // Full: look for results every few lines, not at each (a look costs a lock).
    if (++this.looks % LOOK_EVERY !== 0) return false;
    this.collect();
    return this.pending.size < limit;
  }

  private alive(): number {
    let n = 0;
    for (const reader of this.readers) if (reader.alive) n++;
    return n;
  }

  /** Sends what is left and waits until every line sent is settled. */
  async drain(): Promise<void> {
    if (this.batch.lines.length > 0) this.send();
    for (this.collect(); this.pending.size > 0 && !this.failure; this.collect())
      // A turn of the event loop: a worker that stopped is seen as its event comes.
      await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    for (const reader of this.readers) reader.alive = false;
    await Promise.all(this.readers.map(({ worker }) => worker?.terminate()));
    for (const { results } of this.readers) results.close();
  }

  private send(): void {
    const { lines, size, reserved } = this.batch;
    this.batch = { lines: [], size: 0, reserved: [] };
    const batch = this.nextBatch++;
    // Round robin over the workers alive: each one's batches come back in the order it was
    // sent them, which its string table needs.
    const alive = this.readers.filter((r) => r.alive);
    const reader = alive[this.nextReader++ % Math.max(1, alive.length)];
    if (!reader?.worker) {
      this.readHere({ lines, reserved }, batch);
      return;
    }
    this.pending.set(batch, { lines, reserved, reader });
    // A batch larger than the buffer (a line of megabytes) is sent in a block of its own.
    const bytes = block(lines, size, this.sendBuffer);
    reader.worker.postMessage({ batch, bytes } satisfies LineBatch);
  }

  /**
   * A worker that stopped (an error, out of memory): the batches it had not answered are read
   * here, at their reserved places, and it is sent no more. The export is the same.
   */
  private lost(reader: Reader): void {
    if (!reader.alive) return;
    reader.alive = false;
    for (const [batch, pending] of [...this.pending].sort(([a], [b]) => a - b)) {
      if (pending.reader !== reader) continue;
      this.pending.delete(batch);
      this.readHere(pending, batch);
    }
  }

  private readHere({ lines, reserved }: Pick<Pending, 'lines' | 'reserved'>, batch: number): void {
    const { encoder, strings, decoder } = this.here;
    const bytes = block(
      lines,
      lines.reduce((n, line) => n + line.length + 1, 0),
    );
    this.settle(
      readBatch({ batch, bytes }, { encoder, strings, clock: this.clock }),
      reserved,
      decoder,
    );
  }

  private received(result: EncodedBatch, reader: Reader): void {
    const pending = this.pending.get(result.batch);
    if (!pending || pending.reader !== reader) return;
    this.pending.delete(result.batch);
    this.settle(result, pending.reserved, reader.decoder);
  }

  private settle(result: EncodedBatch, reserved: readonly Reserved[], decoder: RowDecoder): void {
    try {
      this.apply(result, reserved, decoder);
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private apply(result: EncodedBatch, reserved: readonly Reserved[], decoder: RowDecoder): void {
    decoder.begin(result);
    let record = 0;
    let returned = 0;
    for (let i = 0; i < result.outcomes.length; i++) {
      const at = reserved[i]!;
      const outcome = result.outcomes[i]!;
      switch (outcome) {
        case LineOutcome.Row:
          this.sink.settle(at, {
            type: decoder.ref()!,
            id: decoder.text(),
            outcome: decoder.record(),
          });
          break;
        case LineOutcome.Record:
          this.sink.settle(at, {
            type: decoder.ref()!,
            id: decoder.text(),
            outcome: result.records[record++]!,
          });
          break;
        case LineOutcome.Void:
          this.sink.settle(at, { type: decoder.ref()!, id: decoder.text(), outcome: null });
          break;
        case LineOutcome.Failed:
          this.sink.failed();
          this.sink.settle(at, { type: decoder.ref()!, id: decoder.text(), outcome: UNCHANGED });
          break;
        case LineOutcome.Malformed:
          this.sink.malformedLine();
          this.sink.settle(at, 'vacant');
          break;
        case LineOutcome.Returned:
          this.sink.settle(at, 'vacant');
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
    this.failure ??= new AppError(
      'internal',
      `A reader thread's results could not be read (${e.name}).`,
    );
  }
}
