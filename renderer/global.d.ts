/**
 * The one door to data: the preload (or the E2E harness) mounts the typed API client here.
 * Types only — the renderer never imports core code.
 */
/// <reference types="vite/client" />
import type { DowntimeApi } from '../electron/core/api/contract.ts';

declare global {
  interface Window {
    readonly downtime: DowntimeApi;
  }
}

export {};
