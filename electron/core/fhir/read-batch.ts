/**
 * What a batch of clinical lines becomes, read as the importer's thread reads them
 * (collect.ts): each line parsed, its malformed fields rejected, mapped, and its outcome written
 * for the importer (batch-codec.ts). Run by each worker (reader-worker.ts), and by the
 * importer's thread for the batches of a worker that stopped.
 */
import { rejectMalformedFields } from './field-check.ts';
import type { Interner } from './interner.ts';
import { obj, str } from './json.ts';
import { CLINICAL, type Clock, READ_ANYWHERE } from './clinical-mappers.ts';
import { type EncodedBatch, LineOutcome, RowEncoder } from './batch-codec.ts';
import { ReportTally, type WarningKind } from './report.ts';

/** Lines of clinical resources no other resource references, as UTF-8 bytes, each ended by a newline. */
export interface LineBatch {
  readonly batch: number;
  readonly bytes: Uint8Array;
}

/** The lines of a batch as the importer's thread would have read them (`toString` of each). */
function linesOf(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lines: string[] = [];
  let start = 0;
  for (let nl = buffer.indexOf(10); nl !== -1; nl = buffer.indexOf(10, start)) {
    lines.push(buffer.toString('utf8', start, nl));
    start = nl + 1;
  }
  return lines;
}

/** What a reader keeps from batch to batch: the codec's numbers, the interned strings, the clock. */
export interface BatchReader {
  readonly encoder: RowEncoder;
  readonly strings: Interner;
  readonly clock: Clock;
}

export function readBatch({ batch, bytes }: LineBatch, reader: BatchReader): EncodedBatch {
  const { encoder, strings, clock } = reader;
  const lines = linesOf(bytes);
  const outcomes: number[] = [];
  const records: EncodedBatch['records'] = [];
  const returned: string[] = [];
  const tally = new ReportTally();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      outcomes[i] = LineOutcome.Malformed;
      continue;
    }
    const resource = obj(parsed);
    const type = str(resource?.['resourceType']);
    if (!resource || type === null || !READ_ANYWHERE.has(type)) {
      outcomes[i] = LineOutcome.Returned;
      returned.push(line);
      continue;
    }
    tally.position = i;
    rejectMalformedFields(resource, type, tally);
    encoder.ref(type);
    encoder.text(str(resource['id']));
    let record;
    try {
      record = CLINICAL.get(type)!(resource, { clock, tally, strings });
    } catch {
      outcomes[i] = LineOutcome.Failed;
      continue;
    }
    if (record === null) outcomes[i] = LineOutcome.Void;
    else if (type === 'Observation' && RowEncoder.fits(record)) {
      outcomes[i] = LineOutcome.Row;
      encoder.write(record);
    } else {
      outcomes[i] = LineOutcome.Record;
      records.push(record);
    }
  }
  const { warnings, rejected } = counted(tally);
  return {
    batch,
    outcomes,
    ...encoder.take(),
    records,
    lines: returned,
    warnings,
    rejected,
  };
}

/**
 * The batch's warnings but those of its listed rejected fields (the importer's thread counts
 * those as it lists them), and the listed ones with their line.
 */
function counted(tally: ReportTally): Pick<EncodedBatch, 'warnings' | 'rejected'> {
  const rejected = tally.listedRejections();
  const warnings = new Map<WarningKind, number>(tally.warnings);
  for (const [, field] of rejected) warnings.set(field.kind, warnings.get(field.kind)! - 1);
  return { warnings: [...warnings].filter(([, n]) => n > 0), rejected };
}
