/** The messages between the engine client and its worker thread. */
import type { ErrorKind } from '../errors.ts';
import type { Engine } from './engine.ts';

export type EngineMethod = keyof Engine;

/** Every engine method, listed once; the type check below keeps the list complete. */
export const ENGINE_METHODS = [
  'open',
  'close',
  'listWards',
  'census',
  'search',
  'findByIdentifier',
  'chart',
  'renderReport',
] as const satisfies readonly EngineMethod[];
type Missing = Exclude<EngineMethod, (typeof ENGINE_METHODS)[number]>;
const _complete: Missing extends never ? true : Missing = true;
void _complete;

export interface EngineRequest {
  readonly id: number;
  readonly method: EngineMethod;
  readonly args: readonly unknown[];
}

export type EngineResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly kind: ErrorKind; readonly message: string };
      /** Redacted stack for diagnostics (no message text). */
      readonly diagnostic?: string;
    };

/** The engine as seen from the other side of the thread: every method async. */
export type RemoteEngine = {
  readonly [M in EngineMethod]: (
    ...args: Parameters<Engine[M]>
  ) => Promise<Awaited<ReturnType<Engine[M]>>>;
};
