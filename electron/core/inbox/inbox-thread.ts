/**
 * Runs the inbox (inbox.ts) in its own worker thread and reports its decisions. The app's own
 * `Store` object re-reads the store folder when told an export was installed.
 */
import { Worker } from 'node:worker_threads';
import type { InboxEvent } from '../model.ts';
import { workerScriptUrl } from '../worker-url.ts';

export interface InboxThreadOptions {
  readonly dir: string;
  readonly storeDir: string;
  readonly keep: number;
  /** The rollback state's key, hex (in memory only; the app keeps it sealed at rest). */
  readonly rollbackKeyHex: string;
  /** This laptop's recipient file (written at enrolment), read at every install. */
  readonly recipientFile?: string;
  readonly trustPaths: readonly string[];
  readonly device: string;
  readonly audit: string;
  readonly pollMs?: number;
  readonly stableMs?: number;
}

/** Disposing it stops the inbox and waits for the thread to end. */
export interface InboxThread {
  [Symbol.asyncDispose](): Promise<void>;
}

export function startInboxThread(
  options: InboxThreadOptions,
  onEvent: (event: InboxEvent) => void,
  onFailure: (reason: string) => void,
): InboxThread {
  const worker = new Worker(workerScriptUrl('inbox-worker', import.meta.url), {
    workerData: options,
  });
  worker.on('message', (event: InboxEvent) => onEvent(event));
  worker.on('error', (e) => onFailure(`inbox stopped: ${e.name}`));
  return {
    async [Symbol.asyncDispose]() {
      worker.postMessage('stop');
      await worker.terminate();
    },
  };
}
