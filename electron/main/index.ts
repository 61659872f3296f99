/**
 * Electron main: lifecycle, the one window and its hardening, and the API on IPC. Everything
 * that matters happens in electron/core; this file only connects it to Electron.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import log from 'electron-log/main';
import { startApp, type RunningApp } from '../core/app/start-app.ts';
import { redactedError } from '../core/diagnostics.ts';
import { APP_ENTRY } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { electronHost } from './electron-host.ts';
import { hardenAllContents, hardenSession } from './harden.ts';
import { registerApi } from './ipc.ts';
import { configureLogging } from './logging.ts';
import {
  type BuildFacts,
  devToolsAllowed,
  keepsDefaultMenu,
  mainWindowOptions,
} from './window-options.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** out/main → the app root (the asar root when packaged). */
const appRoot = join(here, '..', '..');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(appRoot, 'resources');

// Diagnostics only: nothing here ever carries patient data (see electron/core/diagnostics.ts).
configureLogging(log, ipcMain);

const build: BuildFacts = { packaged: app.isPackaged, packageJson: readPackageJson() };

registerAppScheme(protocol);
hardenAllContents(app);

let mainWindow: BrowserWindow | null = null;
let running: RunningApp | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the app to shut down: the session locked, the audit flushed, workers ended.
  app.on('before-quit', (event) => {
    const closing = running;
    if (!closing) return;
    running = null;
    event.preventDefault();
    void closing[Symbol.asyncDispose]()
      .catch((e: unknown) => log.error(`shutdown: ${redactedError(e)}`))
      .finally(() => app.quit());
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  if (!keepsDefaultMenu(build)) Menu.setApplicationMenu(null);
  serveRenderer(protocol, join(appRoot, 'out', 'renderer'));
  // From the checkout (`npm start`) the app opens on the bundled demo; a packaged build only
  // when asked explicitly, so a ward laptop can never show synthetic patients by accident.
  const demo = !app.isPackaged || process.argv.includes('--demo');
  running = await startApp({
    dataDir: join(app.getPath('userData'), demo ? 'demo' : 'ward'),
    bundledTrustDir: join(resourcesDir, 'trust'),
    demoDir: demo ? join(resourcesDir, 'demo') : null,
    host: electronHost(() => mainWindow),
    device: hostname(),
    log,
  });
  registerApi(ipcMain, running.api, log);

  mainWindow = new BrowserWindow(
    mainWindowOptions(join(here, '..', 'preload', 'index.cjs'), {
      devTools: devToolsAllowed(build),
    }),
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY);
}

/** The package.json packaged with the app (it says whether this is the e2e build). */
function readPackageJson(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}
