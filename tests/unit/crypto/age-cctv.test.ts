/**
 * Every vector of the C2SP CCTV age suite (npm `cctv-age`) through OUR decrypt path
 * (electron/core/crypto/age.ts: native header, X25519, scrypt and STREAM; typage only for
 * post-quantum hybrid stanzas). Success vectors must give the exact payload SHA-256; every
 * failure vector must fail on the whole-file path, with the failure class the vector names.
 *
 * Skipped, and counted in the suite's name: the ASCII-armored vectors — a .dtx carries the age
 * payload in binary, and this decrypt path has no armor decoder.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as cctv from 'cctv-age';
import { describe, expect, test } from 'vitest';
import { AgeError, decryptAge, type AgeFailure } from '../../../electron/core/crypto/age.ts';

interface Vector {
  readonly name: string;
  readonly expect: string;
  readonly payload: string | undefined;
  readonly identities: string[];
  readonly passphrases: string[];
  readonly armored: boolean;
  readonly file: Buffer;
}

function parseVector(name: string, raw: Uint8Array): Vector {
  const buf = Buffer.from(raw);
  const split = buf.indexOf('\n\n');
  const fields = new Map<string, string[]>();
  for (const line of buf.subarray(0, split).toString('utf8').split('\n')) {
    const at = line.indexOf(': ');
    const key = line.slice(0, at);
    fields.set(key, [...(fields.get(key) ?? []), line.slice(at + 2)]);
  }
  const body = buf.subarray(split + 2);
  const compressed = fields.get('compressed')?.[0];
  if (compressed !== undefined && compressed !== 'zlib')
    throw new Error(`${name}: unknown compression`);
  return {
    name,
    expect: fields.get('expect')?.[0] ?? '?',
    payload: fields.get('payload')?.[0],
    identities: fields.get('identity') ?? [],
    passphrases: fields.get('passphrase') ?? [],
    armored: fields.get('armored')?.[0] === 'yes',
    file: compressed === 'zlib' ? inflateSync(body) : body,
  };
}

const all = Object.entries(cctv as Record<string, unknown>)
  .filter((entry): entry is [string, Uint8Array] => entry[1] instanceof Uint8Array)
  .map(([name, raw]) => parseVector(name, raw))
  .sort((a, b) => a.name.localeCompare(b.name));
const run = all.filter((v) => !v.armored);
const armored = all.filter((v) => v.armored);

const EXPECTED: Record<string, AgeFailure | 'success'> = {
  success: 'success',
  'no match': 'no-match',
  'HMAC failure': 'hmac',
  'header failure': 'header',
  'payload failure': 'payload',
};

async function outcome(v: Vector): Promise<string> {
  const passphrase = v.passphrases[0];
  try {
    // Several passphrases never occur outside header failures; try each, as age would.
    let plain: Buffer | undefined;
    let last: unknown;
    for (const p of passphrase === undefined ? [undefined] : v.passphrases) {
      try {
        plain = await decryptAge(v.file, {
          identities: v.identities,
          ...(p === undefined ? {} : { passphrase: p }),
        });
        break;
      } catch (e) {
        last = e;
        if (!(e instanceof AgeError) || e.reason !== 'no-match') break;
      }
    }
    if (!plain) throw last;
    const hash = createHash('sha256').update(plain).digest('hex');
    return hash === v.payload ? 'success' : `success with the wrong payload ${hash}`;
  } catch (e) {
    return e instanceof AgeError ? e.reason : `unexpected ${String(e)}`;
  }
}

describe(`C2SP CCTV age vectors: ${run.length} run, ${armored.length} ASCII-armored skipped (no armor in .dtx)`, () => {
  test('the package holds the whole suite', () => {
    expect(all.length).toBeGreaterThanOrEqual(140);
    expect(run.length + armored.length).toBe(all.length);
    expect(armored.every((v) => v.name.startsWith('armor'))).toBe(true);
    // Every expectation kind of the suite occurs among the vectors we run.
    expect(new Set(run.map((v) => v.expect))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  test.each(run.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const want = EXPECTED[v.expect];
    expect(want, `unknown expectation "${v.expect}"`).toBeDefined();
    expect(await outcome(v)).toBe(want);
  });
});
