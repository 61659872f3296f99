/**
 * The device identity: generated natively, sealed with the ward passphrase as a standard age
 * scrypt file (typage opens it too), opened without blocking the event loop, wrong passphrase
 * and damaged files told apart; the recipient as a QR code.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, identityToRecipient } from 'age-encryption';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../electron/core/errors.ts';
import {
  generateDeviceIdentity,
  loadDeviceIdentity,
  readPassphraseFile,
  recipientOf,
  recipientQrSvg,
  sealIdentity,
  unsealIdentity,
} from '../../../electron/core/keys/device-identity.ts';
import { encryptAge } from '../../../electron/core/crypto/age.ts';

const FAST = { workFactor: 10 };

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof AppError ? e.kind : String(e);
  }
}

describe('device identity', () => {
  test('generates an X25519 identity whose recipient typage agrees with', async () => {
    const { identity, recipient } = await generateDeviceIdentity();
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(await identityToRecipient(identity)).toBe(recipient);
    expect(recipientOf(identity)).toBe(recipient);
  });

  test('seal → unseal round trip; the sealed file is a standard age passphrase file', async () => {
    const { identity, recipient } = await generateDeviceIdentity();
    const sealed = await sealIdentity(identity, 'ward 4 night shift', FAST);
    expect(Buffer.from(sealed).includes(Buffer.from(identity))).toBe(false);
    expect(await unsealIdentity(sealed, 'ward 4 night shift')).toBe(identity);

    const d = new Decrypter();
    d.addPassphrase('ward 4 night shift');
    const text = await d.decrypt(sealed, 'text');
    expect(text).toContain(`# public key: ${recipient}`);
    expect(text).toContain(identity);
  });

  test('the default work factor is 2^17 (a one-second unlock), and opening it does not block the event loop', async () => {
    const { identity } = await generateDeviceIdentity();
    const sealed = await sealIdentity(identity, 'pass');
    expect(Buffer.from(sealed).toString('latin1')).toMatch(/-> scrypt \S+ 17\n/);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      expect(await unsealIdentity(sealed, 'pass')).toBe(identity);
    } finally {
      clearInterval(timer);
    }
    // Had scrypt run on the event loop, the timer could not have fired before it finished.
    expect(ticks).toBeGreaterThan(0);
  });

  test('an identity sealed at age’s own default cost (2^18) still opens', async () => {
    const { identity } = await generateDeviceIdentity();
    const sealed = await sealIdentity(identity, 'pass', { workFactor: 18 });
    expect(Buffer.from(sealed).toString('latin1')).toMatch(/-> scrypt \S+ 18\n/);
    expect(await unsealIdentity(sealed, 'pass')).toBe(identity);
  });

  test('wrong passphrase: wrong-passphrase; damaged or foreign files: invalid-config', async () => {
    const { identity, recipient } = await generateDeviceIdentity();
    const sealed = await sealIdentity(identity, 'right', FAST);
    expect(await kindOf(unsealIdentity(sealed, 'wrong'))).toBe('wrong-passphrase');
    expect(await kindOf(unsealIdentity(sealed, 'Right'))).toBe('wrong-passphrase');

    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 1;
    expect(await kindOf(unsealIdentity(damaged, 'right'))).toBe('invalid-config');
    expect(await kindOf(unsealIdentity(Buffer.from('hello'), 'right'))).toBe('invalid-config');
    // An age file for a recipient (not a passphrase) is not a sealed identity.
    const notSealed = await encryptAge(Buffer.from(identity), { recipients: [recipient] });
    expect(await kindOf(unsealIdentity(notSealed, 'right'))).toBe('invalid-config');
    // A passphrase file that holds something other than one identity.
    const notAnIdentity = await encryptAge(Buffer.from('# nothing here\n'), {
      passphrase: 'right',
      workFactor: 10,
    });
    expect(await kindOf(unsealIdentity(notAnIdentity, 'right'))).toBe('invalid-config');
  });

  test('refuses to seal a non-identity or with an empty passphrase', async () => {
    expect(await kindOf(sealIdentity('AGE-SECRET-KEY-1BAD', 'p', FAST))).toBe('invalid-config');
    const { identity } = await generateDeviceIdentity();
    expect(await kindOf(sealIdentity(identity, '', FAST))).toBe('invalid-argument');
  });

  test('files: passphrase first line only; missing files are invalid-config naming them', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dtx-dev-'));
    writeFileSync(join(d, 'pass'), 'ward 4 night shift\r\nignored second line\n');
    expect(readPassphraseFile(join(d, 'pass'))).toBe('ward 4 night shift');
    writeFileSync(join(d, 'empty'), '\n');
    expect(() => readPassphraseFile(join(d, 'empty'))).toThrow(/empty/);
    expect(() => readPassphraseFile(join(d, 'none'))).toThrow(/none/);

    const { identity } = await generateDeviceIdentity();
    writeFileSync(join(d, 'device.key'), await sealIdentity(identity, 'p', FAST));
    expect(await loadDeviceIdentity(join(d, 'device.key'), 'p')).toBe(identity);
    expect(await kindOf(loadDeviceIdentity(join(d, 'missing.key'), 'p'))).toBe('invalid-config');
  });

  test('the recipient as a QR code (SVG)', async () => {
    const { recipient } = await generateDeviceIdentity();
    const svg = recipientQrSvg(recipient);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svg.length).toBeGreaterThan(1000);
  });
});
