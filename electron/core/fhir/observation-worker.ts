/**
 * A thread that reads Observation lines for the importer (observation-pool.ts): parses each,
 * rejects its malformed fields and maps it exactly as the importer's thread would
 * (collect.ts), and sends back what each became (observation-codec.ts). It keeps nothing
 * between batches but the codec's string table, and writes nothing anywhere.
 */
import { parentPort } from 'node:worker_threads';
import { rejectMalformedFields } from './field-check.ts';
import { Interner } from './interner.ts';
import { obj, str } from './json.ts';
import { mapObservation } from './map-observation.ts';
import { type EncodedBatch, LineOutcome, RowEncoder } from './observation-codec.ts';
import { ReportTally, type WarningKind } from './report.ts';

export interface LineBatch {
  readonly batch: number;
  readonly lines: readonly string[];
}

const strings = new Interner();
const encoder = new RowEncoder();

export function readBatch({ batch, lines }: LineBatch): EncodedBatch {
  const outcomes = new Uint8Array(lines.length);
  const values: unknown[] = [];
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
    if (!resource || str(resource['resourceType']) !== 'Observation') {
      outcomes[i] = LineOutcome.Returned;
      returned.push(line);
      continue;
    }
    tally.position = i;
    rejectMalformedFields(resource, 'Observation', tally);
    values.push(str(resource['id']));
    let record;
    try {
      record = mapObservation(resource, tally, strings);
    } catch {
      outcomes[i] = LineOutcome.Failed;
      continue;
    }
    if (record === null) outcomes[i] = LineOutcome.Void;
    else if (RowEncoder.fits(record)) {
      outcomes[i] = LineOutcome.Row;
      encoder.write(record, values);
    } else {
      outcomes[i] = LineOutcome.Record;
      records.push(record);
    }
  }
  const { warnings, rejected } = counted(tally);
  return {
    batch,
    outcomes,
    values,
    strings: encoder.takeStrings(),
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

parentPort?.on('message', (message: LineBatch) => {
  parentPort!.postMessage(readBatch(message));
});
