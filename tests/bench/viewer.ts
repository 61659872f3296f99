/**
 * The viewer as the app runs it, for measuring: `startApp` (store, settings, the engine worker)
 * on a private data folder, every call through `invokeApi` — the same gate IPC uses — so a
 * timing includes argument validation, the session, the audit and the worker round trip.
 * Only the host (dialogs, printers) is a stub. Same approach as tests/e2e/harness.ts, minus
 * the browser.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArgsOf, MethodName, ValueOf } from '../../electron/core/api/contract.ts';
import { invokeApi } from '../../electron/core/api/invoke.ts';
import type { HostServices } from '../../electron/core/app/create-api.ts';
import { startApp, type RunningApp } from '../../electron/core/app/start-app.ts';
import { recipientPathFor } from '../../electron/core/keys/device-identity.ts';
import { loadTrustStore } from '../../electron/core/keys/trust-store.ts';
import { openStore } from '../../electron/core/store/store.ts';
import type { Ward } from '../../electron/core/model.ts';
import { BENCH_PASSPHRASE, type Fixture } from './fixture.ts';

const DEVICE = 'bench-laptop';
const USER = 'Bench Nurse';

const host: HostServices = {
  saveFile: async () => null,
  printPdf: async () => ({ via: 'dialog', jobId: null }),
  listPrinters: async () => null,
  atRest: null,
};

/**
 * A ward laptop's data folder with the fixture's device identity enrolled and its export
 * installed (so opening it later reads nothing but the store). The caller removes it.
 */
export async function prepareWardDir(fixture: Fixture): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'downtime-bench-'));
  mkdirSync(join(dataDir, 'store'), { recursive: true });
  copyFileSync(fixture.identityFile, join(dataDir, 'device.key'));
  // Which laptop this is: the store installs only exports addressed to it.
  const recipientFile = join(dataDir, 'device-recipient.txt');
  copyFileSync(recipientPathFor(fixture.identityFile), recipientFile);
  const outcome = await openStore(join(dataDir, 'store')).install(fixture.exportFile, {
    recipient: readFileSync(recipientFile, 'utf8').trim(),
    trust: loadTrustStore([fixture.trustDir]),
    device: DEVICE,
  });
  if (outcome.outcome !== 'installed') {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the bench export was not installed (${outcome.kind}): ${outcome.message}`);
  }
  return dataDir;
}

export interface BenchViewer {
  readonly app: RunningApp;
  /** One API call through the IPC gate; throws when the result is a failure. */
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ValueOf<M>>;
  unlock(): Promise<Ward[]>;
  stop(): Promise<void>;
}

/** Starts the app on a folder from `prepareWardDir`. */
export async function startBenchViewer(fixture: Fixture, dataDir: string): Promise<BenchViewer> {
  const app = await startApp({
    dataDir,
    bundledTrustDir: fixture.trustDir,
    host,
    device: DEVICE,
    log: { warn: (m) => console.warn(m), error: (m) => console.error(m) },
  });
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ValueOf<M>> {
    const result = await invokeApi(app.api, method, args);
    if (!result.ok)
      throw new Error(`${method} failed (${result.error.kind}): ${result.error.message}`);
    return result.value as ValueOf<M>;
  }
  return {
    app,
    call,
    unlock: async () => (await call('unlock', { passphrase: BENCH_PASSPHRASE, user: USER })).wards,
    stop: () => app[Symbol.asyncDispose](),
  };
}
