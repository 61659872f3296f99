/**
 * Our native age (electron/core/crypto/age.ts) against the reference JS implementation
 * (typage, npm age-encryption) in both directions, at every STREAM chunk boundary, plus the
 * bech32 keys and property tests: no byte string crashes or hangs the parser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bech32Decode, bech32Encode } from '../../../electron/core/crypto/bech32.ts';
import {
  AgeError,
  CHUNK_SIZE,
  decryptAge,
  encryptAge,
  generateX25519,
  parseAgeHeader,
  streamPlaintextSize,
  streamSealedSize,
  x25519RecipientOf,
} from '../../../electron/core/crypto/age.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SIZES = [
  0,
  1,
  CHUNK_SIZE - 1,
  CHUNK_SIZE,
  CHUNK_SIZE + 1,
  2 * CHUNK_SIZE,
  3 * CHUNK_SIZE + 17,
];

describe('keys', () => {
  test('our identities give the recipient typage computes', async () => {
    for (let i = 0; i < 5; i++) {
      const { identity, recipient } = generateX25519();
      expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
      expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
      expect(await identityToRecipient(identity)).toBe(recipient);
      expect(x25519RecipientOf(identity)).toBe(recipient);
    }
  });

  test('typage identities give the recipient we compute', async () => {
    const identity = await generateIdentity();
    expect(x25519RecipientOf(identity)).toBe(await identityToRecipient(identity));
  });

  test('bech32 round-trips and refuses damage', () => {
    const bytes = randomBytes(32);
    const text = bech32Encode('age', bytes);
    expect(Buffer.from(bech32Decode(text)?.bytes ?? [])).toEqual(bytes);
    expect(bech32Decode(text.toUpperCase())?.hrp).toBe('age');
    const flipped = text.slice(0, 10) + (text[10] === 'q' ? 'p' : 'q') + text.slice(11);
    expect(bech32Decode(flipped)).toBeNull();
    expect(bech32Decode(text.slice(0, 5) + text.slice(5).toUpperCase())).toBeNull();
    expect(x25519RecipientOf('AGE-SECRET-KEY-1NOTAKEY')).toBeNull();
  });
});

describe('STREAM sizes', () => {
  test.each(SIZES)('%i plaintext bytes', (n) => {
    expect(streamPlaintextSize(streamSealedSize(n))).toBe(n);
  });
  test('impossible lengths', () => {
    expect(streamPlaintextSize(15)).toBeNull();
    expect(streamPlaintextSize(CHUNK_SIZE + 16 + 16)).toBeNull(); // empty last chunk after a full one
    expect(streamPlaintextSize(CHUNK_SIZE + 16 + 5)).toBeNull(); // last chunk shorter than a tag
  });
});

describe('interoperability with typage', () => {
  test.each(SIZES)('ours → typage and typage → ours, %i bytes', async (n) => {
    const plain = randomBytes(n);
    const a = generateX25519();
    const b = generateX25519();

    const ours = await encryptAge(plain, { recipients: [a.recipient, b.recipient] });
    for (const id of [a, b]) {
      const d = new Decrypter();
      d.addIdentity(id.identity);
      expect(sha(await d.decrypt(ours))).toBe(sha(plain));
      expect(sha(await decryptAge(ours, { identities: [id.identity] }))).toBe(sha(plain));
    }

    const e = new Encrypter();
    e.addRecipient(a.recipient);
    const theirs = await e.encrypt(plain);
    expect(sha(await decryptAge(theirs, { identities: [b.identity, a.identity] }))).toBe(
      sha(plain),
    );
  });

  test('passphrase files: ours open in typage, typage’s open here; a wrong passphrase is no-match', async () => {
    const plain = Buffer.from('AGE-SECRET-KEY-1…\n');
    const ours = await encryptAge(plain, { passphrase: 'correct horse', workFactor: 10 });
    const d = new Decrypter();
    d.addPassphrase('correct horse');
    expect(Buffer.from(await d.decrypt(ours))).toEqual(plain);

    const e = new Encrypter();
    e.setPassphrase('battery staple');
    e.setScryptWorkFactor(10);
    const theirs = await e.encrypt(plain);
    expect(await decryptAge(theirs, { passphrase: 'battery staple' })).toEqual(plain);
    await expect(decryptAge(theirs, { passphrase: 'Battery staple' })).rejects.toMatchObject({
      reason: 'no-match',
    });
  });

  test('scrypt work factors above the limit are refused before any work', async () => {
    const sealed = await encryptAge(Buffer.from('x'), { passphrase: 'p', workFactor: 10 });
    const text = Buffer.from(sealed).toString('latin1').replace(/ 10\n/, ' 21\n');
    await expect(
      decryptAge(Buffer.from(text, 'latin1'), { passphrase: 'p' }),
    ).rejects.toMatchObject({ reason: 'header' });
  });

  test('another identity is no-match; a flipped payload byte is a payload failure', async () => {
    const a = generateX25519();
    const file = await encryptAge(randomBytes(1000), { recipients: [a.recipient] });
    await expect(
      decryptAge(file, { identities: [generateX25519().identity] }),
    ).rejects.toMatchObject({
      reason: 'no-match',
    });
    const damaged = Buffer.from(file);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 1;
    await expect(decryptAge(damaged, { identities: [a.identity] })).rejects.toMatchObject({
      reason: 'payload',
    });
  });
});

describe('in-place decrypt', () => {
  test.each(SIZES)('gives the same plaintext, as a view of the input, %i bytes', async (n) => {
    const plain = randomBytes(n);
    const a = generateX25519();
    const file = await encryptAge(plain, { recipients: [a.recipient] });
    const input = Buffer.from(file);
    const out = await decryptAge(input, { identities: [a.identity] }, { inPlace: true });
    expect(out.equals(plain)).toBe(true);
    expect(out.buffer).toBe(input.buffer);
    // The default leaves its input alone.
    const copy = Buffer.from(file);
    await decryptAge(copy, { identities: [a.identity] });
    expect(copy.equals(file)).toBe(true);
  });

  test('a failure after some chunks zeroes the plaintext already written', async () => {
    const marker = Buffer.from('PATIENT-NAME-MARKER');
    const plain = Buffer.concat(Array.from({ length: 20_000 }, () => marker)); // ~6 chunks
    const a = generateX25519();
    const file = await encryptAge(plain, { recipients: [a.recipient] });
    const input = Buffer.from(file);
    input[input.length - 1] = (input[input.length - 1] ?? 0) ^ 1; // the last chunk's tag
    await expect(
      decryptAge(input, { identities: [a.identity] }, { inPlace: true }),
    ).rejects.toMatchObject({
      reason: 'payload',
    });
    expect(input.includes(marker)).toBe(false);
  });
});

describe('no byte string crashes or hangs the age parser', () => {
  const reasons = new Set(['header', 'no-match', 'hmac', 'payload']);

  test('random bytes', async () => {
    const { identity } = generateX25519();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        try {
          await decryptAge(bytes, { identities: [identity] });
        } catch (e) {
          expect(e).toBeInstanceOf(AgeError);
          expect(reasons.has((e as AgeError).reason)).toBe(true);
          return;
        }
        throw new Error('random bytes decrypted');
      }),
      { numRuns: 500 },
    );
  });

  test('header-shaped text', async () => {
    const { identity } = generateX25519();
    const line = fc.oneof(
      fc.constantFrom(
        'age-encryption.org/v1',
        '-> X25519 AAAA',
        '-> scrypt AAAA 10',
        '---',
        '--- AAAA',
        '',
      ),
      fc.string({ maxLength: 80 }),
      fc.base64String({ maxLength: 90 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.uint8Array({ maxLength: 64 }),
        async (lines, tail) => {
          const bytes = Buffer.concat([
            Buffer.from(['age-encryption.org/v1', ...lines].join('\n')),
            tail,
          ]);
          try {
            parseAgeHeader(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(AgeError);
          }
          await decryptAge(bytes, {
            identities: [identity],
            passphrase: 'x',
            maxWorkFactor: 4,
          }).catch((e: unknown) => {
            expect(e).toBeInstanceOf(AgeError);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a large file without line ends is a header failure', async () => {
    const bytes = Buffer.alloc(8 * 1024 * 1024, 0x41);
    await expect(
      decryptAge(bytes, { identities: [generateX25519().identity] }),
    ).rejects.toMatchObject({ reason: 'header' });
  });
});
