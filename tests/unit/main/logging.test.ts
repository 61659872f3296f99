/**
 * electron-log in main (issue 15, M4): no renderer channel, no preload, a log file only this OS
 * account can read — and main uses this configuration, not the library's default.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configureLogging,
  ELECTRON_LOG_CHANNEL,
  LOG_FILE_MODE,
  type MainLogger,
} from '../../../electron/main/logging.ts';
import { readFileSync } from 'node:fs';

function doubles(logPath: string) {
  const calls: string[] = [];
  const log: MainLogger = {
    initialize: (options) => calls.push(`initialize ${JSON.stringify(options)}`),
    transports: {
      file: {
        level: 'silly',
        writeOptions: { flag: 'a', mode: 0o666 },
        getFile: () => ({ path: logPath }),
      },
    },
  };
  const ipc = {
    removeAllListeners: (channel: string) => calls.push(`removeAllListeners ${channel}`),
    removeHandler: (channel: string) => calls.push(`removeHandler ${channel}`),
  };
  return { log, ipc, calls };
}

describe('configureLogging', () => {
  it('injects no preload, spies on no renderer console, and removes the log IPC channel', () => {
    const { log, ipc, calls } = doubles(join(tmpdir(), 'absent', 'main.log'));
    configureLogging(log, ipc);
    expect(calls).toEqual([
      'initialize {"preload":false,"spyRendererConsole":false}',
      `removeAllListeners ${ELECTRON_LOG_CHANNEL}`,
      `removeHandler ${ELECTRON_LOG_CHANNEL}`,
    ]);
  });

  it('creates the log file 0600 and narrows one an earlier version left world-readable', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'log-')), 'main.log');
    writeFileSync(path, 'old line\n', { mode: 0o644 });
    const { log, ipc } = doubles(path);
    configureLogging(log, ipc);
    expect(log.transports.file.writeOptions?.mode).toBe(LOG_FILE_MODE);
    expect(LOG_FILE_MODE).toBe(0o600);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(log.transports.file.level).toBe('info');
  });

  it('is what main uses: no bare log.initialize() anywhere in electron/main', () => {
    const main = readFileSync('electron/main/index.ts', 'utf8');
    expect(main).toMatch(/configureLogging\(log, ipcMain\)/);
    expect(main).not.toMatch(/log\.initialize\(/);
  });
});
