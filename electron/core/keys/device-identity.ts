/**
 * The device identity: an age X25519 identity generated on the ward laptop at enrolment. Its
 * recipient (`age1…`) goes to IT; the identity itself is stored sealed with the ward passphrase
 * as a standard age passphrase (scrypt) file, so `age -d device.key` also opens it. The sealed
 * plaintext is an age-keygen style identity file:
 *
 *     # created: 2026-11-28T10:00:00.000Z
 *     # public key: age1…
 *     AGE-SECRET-KEY-1…
 *
 * Scrypt (work factor 18: ~256 MiB, about a second) runs in the native thread pool through
 * `crypto.scrypt`, never on the event loop.
 */
import { readFileSync } from 'node:fs';
import bwipjs from 'bwip-js/node';
import { AppError } from '../errors.ts';
import {
  AgeError,
  DEFAULT_SCRYPT_WORK_FACTOR,
  decryptAge,
  encryptAge,
  generateX25519,
  parseAgeHeader,
  parseX25519Identity,
  x25519RecipientOf,
} from '../crypto/age.ts';

export async function generateDeviceIdentity(): Promise<{ identity: string; recipient: string }> {
  return generateX25519();
}

/** The `age1…` recipient of an identity (`invalid-config` when it is not an X25519 identity). */
export function recipientOf(identity: string): string {
  const recipient = x25519RecipientOf(identity);
  if (!recipient) {
    throw new AppError('invalid-config', 'This is not an age device identity (AGE-SECRET-KEY-1…).');
  }
  return recipient;
}

export async function sealIdentity(
  identity: string,
  passphrase: string,
  options: { readonly workFactor?: number } = {},
): Promise<Uint8Array> {
  const recipient = recipientOf(identity);
  if (passphrase.length === 0) {
    throw new AppError('invalid-argument', 'The ward passphrase must not be empty.');
  }
  const text = `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  const plain = Buffer.from(text, 'utf8');
  try {
    return await encryptAge(plain, {
      passphrase,
      workFactor: options.workFactor ?? DEFAULT_SCRYPT_WORK_FACTOR,
    });
  } finally {
    plain.fill(0);
  }
}

const DAMAGED =
  'The device identity file is damaged or is not a sealed identity — restore it from backup or enrol this laptop again.';

/** Opens a sealed identity; `wrong-passphrase` when the passphrase does not open it. */
export async function unsealIdentity(sealed: Uint8Array, passphrase: string): Promise<string> {
  let stanzas;
  try {
    stanzas = parseAgeHeader(sealed).stanzas;
  } catch {
    throw new AppError('invalid-config', DAMAGED);
  }
  if (stanzas.length !== 1 || stanzas[0]?.args[0] !== 'scrypt') {
    throw new AppError('invalid-config', DAMAGED);
  }
  let plain: Buffer;
  try {
    plain = await decryptAge(sealed, { passphrase });
  } catch (e) {
    if (e instanceof AgeError && e.reason === 'no-match') {
      throw new AppError('wrong-passphrase', 'Wrong ward passphrase — try again (capitals count).');
    }
    throw new AppError('invalid-config', DAMAGED);
  }
  try {
    const keys = plain
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#'));
    const identity = keys[0];
    if (keys.length !== 1 || identity === undefined || !parseX25519Identity(identity)) {
      throw new AppError('invalid-config', DAMAGED);
    }
    return identity;
  } finally {
    plain.fill(0);
  }
}

/** The recipient as a QR code (SVG), for the enrolment screen: IT scans it instead of typing. */
export function recipientQrSvg(recipient: string): string {
  return bwipjs.toSVG({
    bcid: 'qrcode',
    text: recipient,
    scale: 4,
    paddingwidth: 4,
    paddingheight: 4,
  });
}

// ─── Files (CLI) ─────────────────────────────────────────────────────────────────────────────

/**
 * Reads a passphrase file: its first line, without the line ending (so `echo pass > F` works).
 * `invalid-config` naming the file when it is unreadable or empty.
 */
export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError(
      'invalid-config',
      `Cannot read the passphrase file ${path} (${errnoOf(e)}) — check --passphrase-file.`,
    );
  }
  const passphrase = text.split(/\r?\n/, 1)[0] ?? '';
  if (passphrase.length === 0) {
    throw new AppError(
      'invalid-config',
      `The passphrase file ${path} is empty — put the ward passphrase on its first line.`,
    );
  }
  return passphrase;
}

/** Reads and unseals a `device.key` written by `downtime keygen device`. */
export async function loadDeviceIdentity(path: string, passphrase: string): Promise<string> {
  let sealed: Buffer;
  try {
    sealed = readFileSync(path);
  } catch (e) {
    throw new AppError(
      'invalid-config',
      `Cannot read the device identity ${path} (${errnoOf(e)}) — check --identity.`,
    );
  }
  if (sealed.subarray(0, APP_SEALED_MAGIC.length).equals(APP_SEALED_MAGIC)) {
    throw new AppError(
      'invalid-config',
      `${path} is also sealed to the app's OS account, so only the Downtime Viewer app on this laptop opens it — use a device.key from "downtime keygen device".`,
    );
  }
  return unsealIdentity(sealed, passphrase);
}

/** The app's extra OS-account seal (electron/core/app/identity-file.ts) starts with this line. */
const APP_SEALED_MAGIC = Buffer.from('DTXSAFE1\n');

/** `device.key` → `device.key.recipient.txt`: the public half, one `age1…` line, for IT. */
export const recipientPathFor = (identityPath: string): string => `${identityPath}.recipient.txt`;

function errnoOf(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string'
    ? e.code
    : 'unreadable';
}
