/**
 * Every string and array the renderer may send is bounded in the contract (security review L3:
 * a 50 MB ward id was accepted). The walk below fails for any argument field added without a
 * maximum; the calls show what an oversized argument gets: a clear error, no call made.
 */
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  ARG_LIMITS,
  contract,
  type ApiImplementation,
} from '../../../electron/core/api/contract.ts';
import { invokeApi } from '../../../electron/core/api/invoke.ts';
import { METHOD_NAMES } from '../../../electron/core/api/methods.ts';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
interface CheckDef {
  readonly check: string;
  readonly maximum?: number;
}
/** The `.max(n)` (or `.length(n)`) of a string or array schema, if it has one. */
const maximumOf = (schema: z.ZodType): number | undefined => {
  const checks = (
    schema as unknown as { _zod: { def: { checks?: { _zod: { def: CheckDef } }[] } } }
  )._zod.def.checks;
  return checks
    ?.map((c) => c._zod.def)
    .find((d) => d.check === 'max_length' || d.check === 'length_equals')?.maximum;
};

/** The paths of strings and arrays without a maximum inside `schema`. */
function unbounded(schema: z.ZodType, path: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return maximumOf(schema) === undefined ? [path] : [];
    case 'array':
      return [
        ...(maximumOf(schema) === undefined ? [path] : []),
        ...unbounded(def.element as z.ZodType, `${path}[]`),
      ];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) =>
        unbounded(field, `${path}.${key}`),
      );
    case 'record':
      return [
        ...unbounded(def.keyType as z.ZodType, `${path}{key}`),
        ...unbounded(def.valueType as z.ZodType, `${path}{}`),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return unbounded(def.innerType as z.ZodType, path);
    case 'union':
      return (def.options ?? []).flatMap((option, i) => unbounded(option, `${path}|${i}`));
    case 'pipe':
      return unbounded(def.in as z.ZodType, path);
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
      return [];
    default:
      return [`${path} (a ${def.type} this test does not know: teach it)`];
  }
}

function fakeApi(overrides: Partial<ApiImplementation>): ApiImplementation {
  const refuse = () => Promise.reject(new Error('not in this test'));
  return Object.fromEntries(
    METHOD_NAMES.map((m) => [m, overrides[m] ?? refuse]),
  ) as unknown as ApiImplementation;
}

describe('the API contract bounds what the renderer sends', () => {
  it('gives every string and array argument of every method a maximum', () => {
    const missing = Object.entries(contract).flatMap(([method, { args }]) =>
      unbounded(args, method),
    );
    expect(missing).toEqual([]);
  });

  it('refuses a 50 MB ward id with a clear error naming the field, without calling census', async () => {
    const census = vi.fn(async () => []);
    const result = await invokeApi(fakeApi({ census }), 'census', {
      wardId: 'W'.repeat(50 * 1024 * 1024),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'invalid-argument',
        message: 'Invalid request to census: check wardId (too long).',
      },
    });
    expect(census).not.toHaveBeenCalled();
  });

  it('accepts an id at the limit and refuses one character more', async () => {
    const chart = vi.fn(async () => ({}) as never);
    const at = await invokeApi(fakeApi({ chart }), 'chart', {
      patientId: 'p'.repeat(ARG_LIMITS.id),
    });
    expect(chart).toHaveBeenCalledTimes(1);
    expect(at.ok).toBe(true);
    const over = await invokeApi(fakeApi({ chart }), 'chart', {
      patientId: 'p'.repeat(ARG_LIMITS.id + 1),
    });
    expect(over.ok).toBe(false);
    expect(chart).toHaveBeenCalledTimes(1);
  });
});
