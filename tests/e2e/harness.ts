/**
 * The E2E harness: opens the built renderer (out/renderer) in Chromium with the REAL API
 * implementation (createApi, the engine worker, the store) mounted through Playwright's
 * `exposeBinding` — the same `invokeApi` gate the Electron IPC uses. Only the host differs:
 * saving and printing are recorded instead of showing OS dialogs.
 *
 * Script against it:
 *   import { openViewer } from './harness.ts';
 *   const viewer = await openViewer(page);                 // the bundled demo export
 *   const viewer = await openViewer(page, { exportFile: 'x.dtx', trustDir: 'trust/', identityFile: 'device.key' });
 *   await page.getByLabel(...)...; await viewer.close();
 * or use the `test` fixture exported below (`viewer`, configured with `test.use({ viewerOptions })`).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { invokeApi } from '../../electron/core/api/invoke.ts';
import { METHOD_NAMES } from '../../electron/core/api/methods.ts';
import type { HostServices } from '../../electron/core/app/create-api.ts';
import { startApp, type RunningApp } from '../../electron/core/app/start-app.ts';
import { installInto } from '../fixtures/install-into.ts';
import { recipientPathFor } from '../../electron/core/keys/device-identity.ts';
import { loadSiteKey } from '../../electron/core/keys/site-key.ts';
import { signItSettings } from '../../electron/core/settings/it-settings.ts';
import { isItSettingKey } from '../../electron/core/settings/settings.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/csp.ts';
import type { Settings } from '../../electron/core/settings/settings.ts';
import { contentTypeOf } from '../../electron/main/app-origin.ts';

export const RENDERER_DIR = resolve('out/renderer');
export const DEMO_DIR = resolve('resources/demo');
/** The demo's ward passphrase (resources/demo/README.md). */
export const DEMO_PASSPHRASE = readDemoPassphrase();
export const APP_URL = 'http://downtime.test/index.html';

export interface ViewerOptions {
  /** Start on the bundled demo (its trust key, device identity, export). Default: true. */
  readonly demo?: boolean;
  /** Also install this export into the store (it becomes current if newer). */
  readonly exportFile?: string;
  /** A trust store folder to use instead of the demo's. */
  readonly trustDir?: string;
  /** The site key that signs IT's settings (default: the demo's). */
  readonly siteKeyFile?: string;
  /** A sealed device identity to use instead of the demo's. */
  readonly identityFile?: string;
  /** No device identity: the first-run enrolment screen. */
  readonly enrolled?: boolean;
  readonly settings?: Partial<Settings>;
  /** Shift the API's clock (e.g. to make the data look 9 hours old). */
  readonly clockOffsetMs?: number;
  /**
   * The laptop's folder of an earlier viewer (its `dataDir`), to start again on the same store:
   * a restart. The caller removes it; `close()` leaves it.
   */
  readonly dataDir?: string;
}

export interface Viewer {
  readonly page: Page;
  readonly app: RunningApp;
  readonly dataDir: string;
  /** Files "saved" through the host (what a save dialog would have written). */
  readonly saved: string[];
  /** PDFs "printed" through the host. */
  readonly printed: Uint8Array[];
  close(): Promise<void>;
}

function readDemoPassphrase(): string {
  try {
    const readme = readFileSync(join(DEMO_DIR, 'README.md'), 'utf8');
    return /passphrase[^`]*`([^`]+)`/i.exec(readme)?.[1] ?? '';
  } catch {
    return '';
  }
}

function recordingHost(dataDir: string, saved: string[], printed: Uint8Array[]): HostServices {
  const savedDir = join(dataDir, 'saved');
  return {
    async saveFile(name, bytes) {
      mkdirSync(savedDir, { recursive: true });
      const path = join(savedDir, name);
      writeFileSync(path, bytes);
      saved.push(path);
      return path;
    },
    async printPdf(pdf) {
      printed.push(pdf);
      return { via: 'dialog', jobId: null };
    },
    async listPrinters() {
      return ['HP-3B-01'];
    },
    atRest: null,
  };
}

export async function openViewer(page: Page, options: ViewerOptions = {}): Promise<Viewer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'downtime-e2e-'));
  const wardDir = join(dataDir, 'ward');
  mkdirSync(wardDir, { recursive: true });
  if (options.settings) {
    // IT's fields (trust, inbox, store, keep) go into settings.signed, as IT would sign them.
    const entries = Object.entries(options.settings);
    const it = Object.fromEntries(entries.filter(([key]) => isItSettingKey(key)));
    const clinical = Object.fromEntries(entries.filter(([key]) => !isItSettingKey(key)));
    writeFileSync(join(wardDir, 'settings.json'), JSON.stringify(clinical));
    if (Object.keys(it).length > 0) {
      const siteKey = loadSiteKey(options.siteKeyFile ?? join(DEMO_DIR, 'demo-site.key'));
      const payload = { kind: 'downtime-it-settings', version: 1, settings: it };
      writeFileSync(
        join(wardDir, 'settings.signed'),
        signItSettings({ ...payload, issuedAt: new Date().toISOString() }, siteKey),
      );
    }
  }
  // An enrolled laptop: its identity, and its recipient where the app keeps it, so the store
  // installs the exports addressed to it (and only those).
  let recipient: string | null = null;
  if (options.identityFile) {
    copyFileSync(options.identityFile, join(wardDir, 'device.key'));
    const recipientFile = recipientPathFor(options.identityFile);
    if (existsSync(recipientFile)) {
      copyFileSync(recipientFile, join(wardDir, 'device-recipient.txt'));
      recipient = readFileSync(recipientFile, 'utf8').trim();
    }
  }
  const demo = options.demo ?? true;
  const saved: string[] = [];
  const printed: Uint8Array[] = [];
  const offset = options.clockOffsetMs ?? 0;
  const app = await startApp({
    dataDir: wardDir,
    bundledTrustDir: options.trustDir ?? join(DEMO_DIR, 'trust'),
    demoDir: demo && options.enrolled !== false ? DEMO_DIR : null,
    host: recordingHost(dataDir, saved, printed),
    device: 'e2e-laptop',
    clock: () => new Date(Date.now() + offset),
    log: { warn: () => {}, error: (m) => console.error(m) },
  });
  if (options.exportFile) {
    await installInto(
      app,
      options.exportFile,
      options.trustDir ? [options.trustDir] : null,
      'e2e-laptop',
      recipient,
    );
  }

  // The page may reach our renderer files and nothing else: the app is air-gapped.
  await page.context().route('**/*', (route) => route.abort('blockedbyclient'));
  await page.route('http://downtime.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = resolve(RENDERER_DIR, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(RENDERER_DIR)) return route.fulfill({ status: 404 });
    try {
      return await route.fulfill({
        body: readFileSync(file),
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  // Results cross as one JSON string: Playwright's own value serializer is ~15× slower on a
  // 30,000-row census, and every API value is JSON-safe by contract anyway.
  await page.exposeBinding('__downtimeInvoke', async (_source, method: unknown, args: unknown) =>
    JSON.stringify(await invokeApi(app.api, method, args)),
  );
  // The same object the preload exposes: frozen, one async function per contract method.
  await page.addInitScript(
    (methods: string[]) => {
      const invoke = (
        window as unknown as { __downtimeInvoke: (m: string, a: unknown) => Promise<string> }
      ).__downtimeInvoke;
      const api = Object.fromEntries(
        methods.map((m) => [
          m,
          async (args: unknown) => JSON.parse(await invoke(m, args ?? {})) as unknown,
        ]),
      );
      Object.defineProperty(window, 'downtime', { value: Object.freeze(api), enumerable: true });
    },
    [...METHOD_NAMES],
  );
  await page.goto(APP_URL);

  return {
    page,
    app,
    dataDir,
    saved,
    printed,
    async close() {
      await app[Symbol.asyncDispose]();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ viewerOptions: ViewerOptions; viewer: Viewer }>({
  viewerOptions: [{}, { option: true }],
  viewer: async ({ page, viewerOptions }, use) => {
    const viewer = await openViewer(page, viewerOptions);
    await use(viewer);
    await viewer.close();
  },
});
export { expect } from '@playwright/test';
