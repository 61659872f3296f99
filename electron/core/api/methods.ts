/**
 * The contract's method names as a plain list, with no dependencies, so the sandboxed preload
 * and the E2E bridge can build `window.downtime` without bundling zod. A unit test keeps it
 * equal to the keys of `contract`.
 */
import type { MethodName } from './contract.ts';

export const METHOD_NAMES = [
  'getStatus',
  'enrol',
  'unlock',
  'lock',
  'setLanguage',
  'listWards',
  'census',
  'search',
  'scan',
  'chart',
  'renderReport',
  'printReport',
  'saveReport',
  'readiness',
  'getSettings',
  'updateSettings',
  'exportAudit',
  'registrations',
  'issueRegistration',
] as const satisfies readonly MethodName[];

/** The single IPC channel prefix; one channel per method keeps handlers independent. */
export const channelOf = (method: MethodName): string => `downtime:${method}`;
