/**
 * Input readers: FHIR Bundles (transaction, collection, searchset, batch — any type with
 * `entry[].resource`), single resources in `.json` files, and Bulk Data NDJSON files or folders
 * (also gzipped). NDJSON is streamed in chunks and split into lines by hand, so memory stays
 * bounded by one line whatever the file size; a line whose type is not wanted is skipped after
 * a peek at its `resourceType`, without a full parse.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors.ts';
import { type Json, list, obj, str } from './json.ts';
import type { ReportTally } from './report.ts';
import { ReaderPool, type RemoteSink } from './reader-pool.ts';
import { type Clock, READ_ANYWHERE } from './clinical-mappers.ts';
import { availableParallelism } from 'node:os';

export interface ResourceSink {
  /** Whether a resource type is used at all (otherwise it is only counted). */
  wants(type: string): boolean;
  /** A resource and, inside a Bundle, the `fullUrl` of its entry. */
  accept(resource: Json, type: string, fullUrl: string | null): void;
  /** Present when lines may be read on other threads (reader-pool.ts), with the import's clock. */
  readonly remote?: Pick<RemoteSink, 'reserve' | 'settle'> & { readonly clock: Clock };
}

/** When clinical lines are read on other threads: how many, from how much NDJSON. */
export interface ParallelReading {
  readonly workers: number;
  /** The least NDJSON (bytes, as stored) worth starting threads for. */
  readonly fromBytes: number;
  /** Batches of lines in flight per thread before the reader reads lines itself (default 8). */
  readonly inFlight?: number;
}

/**
 * A thread per core beside the importer's own, up to three (none on one core: they would share
 * it); from 32 MiB of NDJSON (about 500 patients) — below that, starting a thread costs more
 * than it saves.
 */
export const DEFAULT_PARALLEL_READING: ParallelReading = {
  workers: Math.min(3, availableParallelism() - 1),
  fromBytes: 32 * 1024 * 1024,
};

/** What reading one input goes through: where resources go, and the threads, if any. */
interface Reader {
  readonly sink: ResourceSink;
  readonly tally: ReportTally;
  readonly pool: ReaderPool | null;
}

type InputKind = 'ndjson' | 'ndjson-gz' | 'json';

function kindOf(file: string): InputKind | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.ndjson.gz') || lower.endsWith('.jsonl.gz')) return 'ndjson-gz';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Reads every input path (files or folders) into the sink, in a stable order. */
export async function readInputs(
  paths: readonly string[],
  sink: ResourceSink,
  tally: ReportTally,
  parallel: ParallelReading = DEFAULT_PARALLEL_READING,
): Promise<void> {
  const inputs: [string, InputKind][] = [];
  for (const input of paths) inputs.push(...(await listInputFiles(input)));
  const reader: Reader = { sink, tally, pool: await poolFor(inputs, sink, tally, parallel) };
  try {
    for (const [file, kind] of inputs) {
      if (kind === 'json') await readJsonFile(file, reader);
      else await readNdjsonFile(file, kind === 'ndjson-gz', reader);
    }
    await reader.pool?.drain();
  } finally {
    await reader.pool?.close();
  }
}

async function poolFor(
  inputs: readonly [string, InputKind][],
  sink: ResourceSink,
  tally: ReportTally,
  { workers, fromBytes, inFlight }: ParallelReading,
): Promise<ReaderPool | null> {
  const { remote } = sink;
  if (!remote || workers < 1) return null;
  let bytes = 0;
  for (const [file, kind] of inputs)
    if (kind !== 'json') bytes += (await stat(file).catch(() => null))?.size ?? 0;
  if (bytes < fromBytes) return null;
  return new ReaderPool(
    {
      reserve: () => remote.reserve(),
      settle: (at, read) => remote.settle(at, read),
      failed: () => tally.warn('malformed-resource'),
      malformedLine: () => tally.warn('malformed-line'),
      readHere: (line) => parseLine(line, { sink, tally, pool: null }),
      warn: (kind, n) => tally.warn(kind, n),
      reject: (field, position) => tally.reject(field, position),
    },
    remote.clock,
    workers,
    inFlight,
  );
}

async function listInputFiles(input: string): Promise<[string, InputKind][]> {
  const info = await stat(input).catch(() => null);
  if (!info)
    throw new AppError(
      'io',
      `The FHIR input "${input}" does not exist or cannot be read; check the path given to --fhir.`,
    );
  if (info.isFile()) return [[input, kindOf(input) ?? 'json']];
  const entries = await readdir(input, { recursive: true, withFileTypes: true });
  const files: [string, InputKind][] = [];
  for (const entry of entries) {
    const kind = entry.isFile() ? kindOf(entry.name) : null;
    if (kind) files.push([path.join(entry.parentPath, entry.name), kind]);
  }
  if (files.length === 0) {
    throw new AppError(
      'io',
      `The folder "${input}" holds no .ndjson or .json files; point --fhir at a Bulk Data export or Bundle files.`,
    );
  }
  return files.sort(([a], [b]) => a.localeCompare(b));
}

function unreadable(file: string, e: unknown): AppError {
  const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'error';
  return new AppError(
    'io',
    `Cannot read the FHIR file "${file}" (${code}); check it exists and is readable.`,
  );
}

async function readJsonFile(file: string, { sink, tally }: Reader): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw unreadable(file, e);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    tally.warn('malformed-line');
    return;
  }
  emit(parsed, null, sink, tally);
}

async function readNdjsonFile(file: string, gzipped: boolean, reader: Reader): Promise<void> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = gzipped ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => stream.destroy(e));
  // Bytes of a line not yet ended by "\n" (a line may span several chunks).
  let pending: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      let newline = chunk.indexOf(10);
      while (newline !== -1) {
        if (pending.length === 0) readLine(chunk, start, newline, reader);
        else {
          const line = Buffer.concat([...pending, chunk.subarray(start, newline)]);
          readLine(line, 0, line.length, reader);
        }
        pending = [];
        start = newline + 1;
        newline = chunk.indexOf(10, start);
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (e) {
    // A reader thread that failed (reader-pool.ts) ends the import as it said.
    if (e instanceof AppError) throw e;
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    // A damaged gzip stream: keep what was read and say so. A file that cannot be read: stop.
    if (!code.startsWith('Z_')) throw unreadable(file, e);
    reader.tally.warn('malformed-line');
    return;
  }
  if (pending.length > 0) {
    const line = Buffer.concat(pending);
    readLine(line, 0, line.length, reader);
  }
}

const RESOURCE_TYPE_KEY = Buffer.from('"resourceType"');

/**
 * The line `bytes[start, end)`: a resource nothing references goes to a reader thread as its
 * bytes while one takes lines (turning nine bytes in ten into strings here would cost this
 * thread time and the garbage of them); any other line is read here.
 */
function readLine(bytes: Buffer, start: number, end: number, reader: Reader): void {
  const { pool } = reader;
  if (pool?.hasRoom()) {
    const at = bytes.indexOf(RESOURCE_TYPE_KEY, start);
    // The same test as `peekType`, on the bytes: the first `resourceType` key is the resource's.
    if (at !== -1 && at < end && bytes.lastIndexOf(123, at) === bytes.indexOf(123, start)) {
      const type = RESOURCE_TYPE.exec(bytes.toString('latin1', at, Math.min(end, at + 64)))?.[1];
      if (type !== undefined && READ_ANYWHERE.has(type)) {
        pool.add(bytes.subarray(start, end));
        return;
      }
    }
  }
  handleLine(bytes.toString('utf8', start, end), reader);
}

const RESOURCE_TYPE = /"resourceType"\s*:\s*"([A-Za-z]+)"/;

/**
 * The top-level `resourceType` of a serialized resource, found without parsing the whole line;
 * null when the first `resourceType` key sits inside a nested object (a contained resource
 * listed first), so the line is parsed in full instead.
 */
function peekType(line: string): string | null {
  const at = line.indexOf('"resourceType"');
  if (at === -1 || line.lastIndexOf('{', at) !== line.indexOf('{')) return null;
  return RESOURCE_TYPE.exec(line.slice(at, at + 64))?.[1] ?? null;
}

function handleLine(line: string, reader: Reader): void {
  if (line.trim().length === 0) return;
  const type = peekType(line);
  const { sink, tally } = reader;
  // Bundles are always parsed: their entries matter.
  if (type !== null && type !== 'Bundle' && !sink.wants(type)) {
    tally.read(type, false);
    return;
  }
  parseLine(line, reader);
}

/** A line parsed here and what it holds emitted. */
function parseLine(line: string, { sink, tally }: Reader): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    tally.warn('malformed-line');
    return;
  }
  emit(parsed, null, sink, tally);
}

/** A parsed value: a resource, or a Bundle whose entries are emitted in turn. */
function emit(
  value: unknown,
  fullUrl: string | null,
  sink: ResourceSink,
  tally: ReportTally,
): void {
  const resource = obj(value);
  const type = str(resource?.['resourceType']);
  if (!resource || !type) {
    tally.warn('malformed-resource');
    return;
  }
  if (type === 'Bundle') {
    for (const entry of list(resource['entry'])) emitEntry(entry, sink, tally);
    return;
  }
  const used = sink.wants(type);
  tally.read(type, used);
  if (used) sink.accept(resource, type, fullUrl);
}

function emitEntry(entry: unknown, sink: ResourceSink, tally: ReportTally): void {
  const e = obj(entry);
  const resource = obj(e?.['resource']);
  // Entries without a resource (DELETE requests, search outcomes) carry nothing to import.
  if (!e || !resource) return;
  // A transaction PUT names the id in its request URL when the resource does not.
  if (str(resource['id']) === null) {
    const url = str(obj(e['request'])?.['url']);
    const id = url ? /^[A-Za-z]+\/([A-Za-z0-9\-.]{1,64})$/.exec(url)?.[1] : undefined;
    if (id) resource['id'] = id;
  }
  emit(resource, str(e['fullUrl']), sink, tally);
}
