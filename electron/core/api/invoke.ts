/**
 * The one gate every renderer call passes, whatever carries it (IPC in electron/main, the
 * Playwright bridge in tests): the method must be in the contract, the argument must match its
 * schema, and whatever happens the caller gets a `Result` — never a thrown error, never a stack.
 */
import { AppError, isAppError } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import { contract, type ApiImplementation, type MethodName } from './contract.ts';

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(contract, name);

export interface InvokeHooks {
  /** Called with the method and error kind of every failure (for diagnostics without data). */
  readonly onFailure?: (method: string, kind: string, unexpected: unknown) => void;
}

export async function invokeApi(
  impl: ApiImplementation,
  method: unknown,
  rawArgs: unknown,
  hooks: InvokeHooks = {},
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    hooks.onFailure?.(String(method).slice(0, 40), 'invalid-argument', null);
    return fail('invalid-argument', 'This action is not part of the Downtime Viewer API.');
  }
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    hooks.onFailure?.(method, 'invalid-argument', null);
    // Field paths only: the rejected values could be patient data typed by a user.
    const fields = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(argument)'}${i.code === 'too_big' ? ' (too long)' : ''}`)
      .join(', ');
    return fail('invalid-argument', `Invalid request to ${method}: check ${fields}.`);
  }
  try {
    // The implementation's own type links method and argument; TS cannot follow the union here.
    const call = impl[method] as (args: unknown) => Promise<unknown>;
    return ok(await call(parsed.data));
  } catch (e) {
    const error = isAppError(e)
      ? e
      : new AppError(
          'internal',
          'Something went wrong inside Downtime Viewer. Try again; if it persists, tell IT.',
        );
    hooks.onFailure?.(method, error.kind, isAppError(e) ? null : e);
    return fail(error.kind, error.message);
  }
}
