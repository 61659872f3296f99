/**
 * Mounts the API on IPC: one `ipcMain.handle` per contract method, all through one wrapper that
 * accepts calls only from our own top-level frame, validates arguments (invokeApi) and logs
 * failures by kind — never arguments, never messages, never patient data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiImplementation } from '../core/api/contract.ts';
import { invokeApi } from '../core/api/invoke.ts';
import { METHOD_NAMES, channelOf } from '../core/api/methods.ts';
import { redactedError } from '../core/diagnostics.ts';
import { fail } from '../core/result.ts';
import { isAppUrl } from './app-origin.ts';

export interface DiagnosticLog {
  warn(message: string): void;
  error(message: string): void;
}

/** Our renderer's main frame — not an iframe (the PDF preview), not another origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerApi(ipcMain: IpcMain, impl: ApiImplementation, log: DiagnosticLog): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        log.warn(`api ${method}: refused a call from an untrusted frame`);
        return fail('invalid-argument', 'This window may not use the Downtime Viewer API.');
      }
      return invokeApi(impl, method, args, {
        onFailure: (name, kind, unexpected) => {
          if (unexpected === null) log.warn(`api ${name} failed: ${kind}`);
          else log.error(`api ${name} failed unexpectedly: ${redactedError(unexpected)}`);
        },
      });
    });
  }
}
