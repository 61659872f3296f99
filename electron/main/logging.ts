/**
 * Main-process diagnostics with electron-log, configured so the log is no second door into the
 * main process (issue 15, M4): no preload injected into the renderer (`__electronLog`), the
 * library's IPC channel removed (it accepts any sender), and the file readable by this OS
 * account only. Nothing logged here carries patient data (see electron/core/diagnostics.ts).
 */
import { chmodSync } from 'node:fs';

/** The channel electron-log listens on in the main process, for any frame that sends. */
export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';
export const LOG_FILE_MODE = 0o600;

/** The parts of electron-log/main and ipcMain this module uses (tests pass doubles). */
export interface MainLogger {
  initialize(options: { preload: boolean; spyRendererConsole: boolean }): void;
  readonly transports: {
    readonly file: {
      level: string | false;
      writeOptions?: { flag?: string; mode?: number; encoding?: string } | undefined;
      getFile(): { readonly path: string };
    };
  };
}
export interface LogIpc {
  removeAllListeners(channel: string): unknown;
  removeHandler(channel: string): void;
}

export function configureLogging(log: MainLogger, ipc: LogIpc): void {
  log.initialize({ preload: false, spyRendererConsole: false });
  ipc.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipc.removeHandler(ELECTRON_LOG_CHANNEL);
  log.transports.file.level = 'info';
  log.transports.file.writeOptions = { flag: 'a', mode: LOG_FILE_MODE, encoding: 'utf8' };
  try {
    // A log file created by an earlier version (0644) is narrowed too.
    chmodSync(log.transports.file.getFile().path, LOG_FILE_MODE);
  } catch {
    // Not created yet: the write options above create it 0600.
  }
}
