/**
 * A thread that reads clinical lines for the importer (reader-pool.ts): each batch it
 * is sent is read by `readBatch` (read-batch.ts) and its outcomes sent back. It keeps
 * nothing between batches but the codec's string table, and writes nothing anywhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Interner } from './interner.ts';
import { RowEncoder } from './batch-codec.ts';
import { type LineBatch, readBatch } from './read-batch.ts';
import type { ReaderData } from './reader-pool.ts';

const { clock, results } = workerData as ReaderData;
const reader = { encoder: new RowEncoder(), strings: new Interner(), clock };

parentPort?.on('message', (message: LineBatch) => {
  results.postMessage(readBatch(message, reader));
});
