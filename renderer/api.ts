/**
 * The renderer's only way to data: `window.downtime`, with a broken bridge (a rejected promise)
 * turned into the same `Result` failure as any other, so screens handle one shape.
 */
import type { ArgsOf, DowntimeApi, MethodName, ValueOf } from '../electron/core/api/contract.ts';
import type { AppErrorShape, Result } from '../electron/core/result.ts';

export async function call<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
): Promise<Result<ValueOf<M>>> {
  const api: DowntimeApi = window.downtime;
  const invoke = api[method] as (a: ArgsOf<M>) => Promise<Result<ValueOf<M>>>;
  try {
    return await invoke(args);
  } catch {
    const error: AppErrorShape = {
      kind: 'internal',
      message: 'The viewer could not reach its data service.',
    };
    return { ok: false, error };
  }
}
