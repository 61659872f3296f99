/**
 * The sandboxed preload: one frozen `window.downtime` object with an async function per contract
 * method. Nothing else crosses — not `ipcRenderer`, not events, not Node. Arguments are
 * validated again in the main process; this side only forwards.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, channelOf } from '../core/api/methods.ts';
import type { DowntimeApi } from '../core/api/contract.ts';

const api = Object.freeze(
  Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (args: unknown) => ipcRenderer.invoke(channelOf(method), args ?? {}),
    ]),
  ),
) as DowntimeApi;

contextBridge.exposeInMainWorld('downtime', api);
