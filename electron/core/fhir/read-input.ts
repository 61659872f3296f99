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

export interface ResourceSink {
  /** Whether a resource type is used at all (otherwise it is only counted). */
  wants(type: string): boolean;
  /** A resource and, inside a Bundle, the `fullUrl` of its entry. */
  accept(resource: Json, type: string, fullUrl: string | null): void;
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
): Promise<void> {
  for (const input of paths) {
    for (const [file, kind] of await listInputFiles(input)) {
      if (kind === 'json') await readJsonFile(file, sink, tally);
      else await readNdjsonFile(file, kind === 'ndjson-gz', sink, tally);
    }
  }
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

async function readJsonFile(file: string, sink: ResourceSink, tally: ReportTally): Promise<void> {
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

async function readNdjsonFile(
  file: string,
  gzipped: boolean,
  sink: ResourceSink,
  tally: ReportTally,
): Promise<void> {
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
        const line =
          pending.length === 0
            ? chunk.toString('utf8', start, newline)
            : Buffer.concat([...pending, chunk.subarray(start, newline)]).toString('utf8');
        pending = [];
        handleLine(line, sink, tally);
        start = newline + 1;
        newline = chunk.indexOf(10, start);
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    // A damaged gzip stream: keep what was read and say so. A file that cannot be read: stop.
    if (!code.startsWith('Z_')) throw unreadable(file, e);
    tally.warn('malformed-line');
    return;
  }
  if (pending.length > 0) handleLine(Buffer.concat(pending).toString('utf8'), sink, tally);
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

function handleLine(line: string, sink: ResourceSink, tally: ReportTally): void {
  if (line.trim().length === 0) return;
  const type = peekType(line);
  // Bundles are always parsed: their entries matter.
  if (type !== null && type !== 'Bundle' && !sink.wants(type)) {
    tally.read(type, false);
    return;
  }
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
