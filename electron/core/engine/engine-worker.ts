/**
 * Worker-thread entry: runs one engine and answers `{ id, method, args }` messages with
 * `{ id, ok, value | error }`. Errors cross as `{ kind, message }` only (never stacks).
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../errors.ts';
import { redactedError } from '../diagnostics.ts';
import { createEngine, type Engine } from './engine.ts';
import type { EngineRequest, EngineResponse } from './engine-protocol.ts';

const engine = createEngine();
const port = parentPort;
if (!port) throw new Error('engine-worker.ts must run as a worker thread');

port.on('message', (request: EngineRequest) => {
  // Answers are copied (structured clone): a PDF of a few hundred KB is not worth a transfer.
  void answer(request).then((response) => port.postMessage(response));
});

async function answer({ id, method, args }: EngineRequest): Promise<EngineResponse> {
  try {
    const fn = engine[method] as (...a: unknown[]) => unknown;
    const value = await fn(...args);
    return { id, ok: true, value };
  } catch (e) {
    if (isAppError(e)) return { id, ok: false, error: { kind: e.kind, message: e.message } };
    return {
      id,
      ok: false,
      error: { kind: 'internal', message: 'The viewer engine failed unexpectedly.' },
      diagnostic: redactedError(e),
    };
  }
}

export type { Engine };
