/**
 * Electron main: lifecycle, the one window and its hardening, and the API on IPC. Everything
 * that matters happens in electron/core; this file only connects it to Electron.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import log from 'electron-log/main';
import { startApp, type RunningApp } from '../core/app/start-app.ts';
import { APP_ENTRY } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { electronHost } from './electron-host.ts';
import { hardenAllContents, hardenSession } from './harden.ts';
import { registerApi } from './ipc.ts';
import { mainWindowOptions } from './window-options.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** out/main → the app root (the asar root when packaged). */
const appRoot = join(here, '..', '..');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(appRoot, 'resources');

// Diagnostics only: nothing here ever carries patient data (see electron/core/diagnostics.ts).
log.initialize();
log.transports.file.level = 'info';

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
  app.on('before-quit', () => void running?.stop());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
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
  registerApi(ipcMain, running.core.api, log);

  mainWindow = new BrowserWindow(mainWindowOptions(join(here, '..', 'preload', 'index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY);
}
