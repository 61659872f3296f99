/**
 * The composition root shared by the Electron app and the E2E harness: paths, settings, store,
 * the engine worker, the API, the inbox. Only the host differs between them.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditInstall } from '../audit/install-audit.ts';
import { startEngineWorker } from '../engine/engine-client.ts';
import { startInboxThread } from '../inbox/inbox-thread.ts';
import { loadTrustStore } from '../keys/trust-store.ts';
import { appPaths } from './app-paths.ts';
import { createApi, type AppCore, type HostServices } from './create-api.ts';

/** The bundled demo (written by scripts/make-demo.ts into resources/demo/). */
export const DEMO_FILES = {
  export: 'demo.dtx',
  identity: 'device.key',
  trustDir: 'trust',
} as const;

export interface StartOptions {
  readonly dataDir: string;
  /** The trust store shipped with the app (resources/trust), used when settings name none. */
  readonly bundledTrustDir: string;
  /** Open on the bundled demo: its trust key, device identity and export. */
  readonly demoDir?: string | null;
  readonly host: HostServices;
  readonly device: string;
  readonly clock?: () => Date;
  readonly log: { warn(message: string): void; error(message: string): void };
}

export interface RunningApp {
  readonly core: AppCore;
  stop(): Promise<void>;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const demoDir = options.demoDir ?? null;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const paths = appPaths(
    options.dataDir,
    demoDir ? join(demoDir, DEMO_FILES.trustDir) : options.bundledTrustDir,
  );
  if (demoDir && !existsSync(paths.identityFile)) {
    copyFileSync(join(demoDir, DEMO_FILES.identity), paths.identityFile);
  }
  const worker = startEngineWorker((diagnostic) => options.log.error(`engine: ${diagnostic}`));
  const core = createApi({
    paths,
    engine: worker.engine,
    host: options.host,
    device: options.device,
    clock: options.clock ?? (() => new Date()),
    log: options.log,
  });
  if (demoDir) {
    const demoExport = join(demoDir, DEMO_FILES.export);
    const outcome = await core.store().install(demoExport, {
      trust: loadTrustStore(core.trustPaths()),
      device: options.device,
    });
    auditInstall(core.auditFile(), demoExport, outcome, { device: options.device, user: null });
  }
  const settings = core.settings();
  const inbox = settings.inboxDir
    ? startInboxThread(
        {
          dir: settings.inboxDir,
          storeDir: core.store().dir,
          keep: settings.keep,
          trustPaths: core.trustPaths(),
          device: options.device,
          audit: core.auditFile(),
        },
        core.noteInboxEvent,
        options.log.error,
      )
    : null;
  return {
    core,
    async stop() {
      await inbox?.stop();
      await worker.terminate();
    },
  };
}
