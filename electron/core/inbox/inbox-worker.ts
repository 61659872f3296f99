/**
 * Worker-thread entry for the inbox: reading, verifying (SHA-256 of up to hundreds of MB) and
 * durably copying an arriving export is seconds of synchronous work, so it runs here, never on
 * the thread that serves the window. Each decision is posted to the parent as an `InboxEvent`.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { auditSealFileFor, sealAuditTrail } from '../audit/audit-seal.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import { openStore } from '../store/store.ts';
import { createInbox } from './inbox.ts';
import type { InboxThreadOptions } from './inbox-thread.ts';

const options = workerData as InboxThreadOptions;
const port = parentPort;
if (!port) throw new Error('inbox-worker.ts must run as a worker thread');

const rollbackKey = Buffer.from(options.rollbackKeyHex, 'hex');
// This thread appends install decisions: it seals the trail's head as the app thread does.
sealAuditTrail(options.audit, auditSealFileFor(options.storeDir), rollbackKey);
const inbox = createInbox({
  dir: options.dir,
  store: openStore(options.storeDir, {
    keep: options.keep,
    rollbackKey,
  }),
  trust: () => loadTrustStore(options.trustPaths),
  device: options.device,
  ...(options.recipientFile === undefined
    ? {}
    : { recipient: () => readRecipient(options.recipientFile ?? '') }),
  audit: options.audit,
  ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  ...(options.stableMs === undefined ? {} : { stableMs: options.stableMs }),
  onOutcome: (event) => port.postMessage(event),
});
inbox.start();
port.on('message', (message: unknown) => {
  if (message === 'stop') {
    inbox.stop();
    port.close();
  }
});

/** The enrolled recipient, or null before enrolment (the store's own record applies then). */
function readRecipient(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
