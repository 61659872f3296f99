/**
 * A thread that reads Observation lines for the importer (observation-pool.ts): each batch it
 * is sent is read by `readBatch` (observation-read.ts) and its outcomes sent back. It keeps
 * nothing between batches but the codec's string table, and writes nothing anywhere.
 */
import { parentPort } from 'node:worker_threads';
import { Interner } from './interner.ts';
import { RowEncoder } from './observation-codec.ts';
import { type LineBatch, readBatch } from './observation-read.ts';

const strings = new Interner();
const encoder = new RowEncoder();

parentPort?.on('message', (message: LineBatch) => {
  parentPort!.postMessage(readBatch(message, encoder, strings));
});
