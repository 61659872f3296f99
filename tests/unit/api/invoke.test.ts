/**
 * The API gate: only contract methods, only valid arguments, and always a Result — the same
 * for IPC and the E2E bridge.
 */
import { describe, expect, it, vi } from 'vitest';
import { contract, type ApiImplementation } from '../../../electron/core/api/contract.ts';
import { invokeApi } from '../../../electron/core/api/invoke.ts';
import { METHOD_NAMES } from '../../../electron/core/api/methods.ts';
import { AppError } from '../../../electron/core/errors.ts';

function fakeApi(overrides: Partial<ApiImplementation>): ApiImplementation {
  const refuse = () => Promise.reject(new Error('not in this test'));
  return Object.fromEntries(
    METHOD_NAMES.map((m) => [m, overrides[m] ?? refuse]),
  ) as unknown as ApiImplementation;
}

describe('the method list', () => {
  it('names exactly the methods of the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('invokeApi', () => {
  it('passes validated arguments and wraps the value', async () => {
    const search = vi.fn(async () => []);
    const result = await invokeApi(fakeApi({ search }), 'search', { query: 'lef hel', limit: 5 });
    expect(result).toEqual({ ok: true, value: [] });
    expect(search).toHaveBeenCalledWith({ query: 'lef hel', limit: 5 });
  });

  it('refuses a method outside the contract', async () => {
    const result = await invokeApi(fakeApi({}), 'constructor', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
  });

  it('refuses arguments that do not match, naming the field but not the value', async () => {
    const result = await invokeApi(fakeApi({}), 'chart', { patientId: 42, extra: 'Lefèvre' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid-argument');
      expect(result.error.message).toMatch(/patientId/);
      expect(result.error.message).not.toMatch(/Lefèvre|42/);
    }
  });

  it('turns an AppError into its kind and message', async () => {
    const unlock = async () => {
      throw new AppError('wrong-passphrase', 'The ward passphrase is not right.');
    };
    const result = await invokeApi(fakeApi({ unlock }), 'unlock', { passphrase: 'x', user: 'N' });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'wrong-passphrase', message: 'The ward passphrase is not right.' },
    });
  });

  it('hides an unexpected error behind a generic message and reports it to the hook', async () => {
    const onFailure = vi.fn();
    const census = async () => {
      throw new TypeError('cannot read "Hélène Lefèvre"');
    };
    const result = await invokeApi(fakeApi({ census }), 'census', { wardId: 'w1' }, { onFailure });
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/Hélène/);
    expect(onFailure).toHaveBeenCalledWith('census', 'internal', expect.any(TypeError));
  });
});
