/**
 * Starts the engine in a worker thread and gives it back as a `RemoteEngine` (same methods,
 * async). One request at a time is not required: answers are matched by id.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { workerScriptUrl } from '../worker-url.ts';
import type { OpenRequest } from './engine.ts';
import {
  ENGINE_METHODS,
  type EngineMethod,
  type EngineRequest,
  type EngineResponse,
  type RemoteEngine,
} from './engine-protocol.ts';

/** The engine and its thread; disposing it ends the thread (and the decrypted data with it). */
export interface EngineWorker {
  [Symbol.asyncDispose](): Promise<void>;
  readonly engine: RemoteEngine;
}

export function startEngineWorker(onDiagnostic: (text: string) => void = () => {}): EngineWorker {
  const worker = new Worker(workerScriptUrl('engine-worker', import.meta.url));
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  let nextId = 1;

  worker.on('message', (response: EngineResponse) => {
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) {
      waiter.resolve(response.value);
    } else {
      if (response.diagnostic) onDiagnostic(response.diagnostic);
      waiter.reject(new AppError(response.error.kind, response.error.message));
    }
  });
  const failAll = (reason: string) => {
    for (const waiter of pending.values()) waiter.reject(new AppError('internal', reason));
    pending.clear();
  };
  worker.on('error', () => failAll('The viewer engine stopped unexpectedly. Unlock again.'));
  worker.on('exit', () => failAll('The viewer engine has stopped.'));

  const call = (method: EngineMethod, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: EngineRequest = { id, method, args };
      worker.postMessage(request, transferables(method, args));
    });

  const engine = Object.freeze(
    Object.fromEntries(
      ENGINE_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
    ),
  ) as RemoteEngine;

  return {
    engine,
    [Symbol.asyncDispose]: async () => {
      await worker.terminate();
    },
  };
}

/**
 * `open` hands the export's bytes over to the engine (which decrypts them in place): move the
 * buffer instead of copying 75 MB — when the view owns its whole buffer, so nothing else that
 * shares it (Node's small-buffer pool) is detached.
 */
function transferables(method: EngineMethod, args: readonly unknown[]): ArrayBuffer[] {
  if (method !== 'open') return [];
  const bytes = (args[0] as OpenRequest | undefined)?.bytes;
  const owned =
    bytes instanceof Uint8Array &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return owned ? [bytes.buffer as ArrayBuffer] : [];
}
