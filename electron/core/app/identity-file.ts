/**
 * The device identity on disk: age-sealed with the ward passphrase and, where the host offers
 * it (Electron safeStorage: DPAPI, Keychain, libsecret), sealed once more to this OS account,
 * so a copied file is useless on another machine even with the passphrase.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors.ts';
import { writeFileAtomic } from '../store/atomic-file.ts';

export interface AtRestSeal {
  seal(bytes: Uint8Array): Uint8Array;
  open(bytes: Uint8Array): Uint8Array;
}

const AT_REST_MAGIC = Buffer.from('DTXSAFE1\n');

export function writeIdentityFile(
  path: string,
  bytes: Uint8Array,
  atRest: AtRestSeal | null,
): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const content = atRest ? Buffer.concat([AT_REST_MAGIC, atRest.seal(bytes)]) : bytes;
  writeFileAtomic(path, content);
  chmodSync(path, 0o600);
}

export function readIdentityFile(path: string, atRest: AtRestSeal | null): Uint8Array {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    throw new AppError(
      'no-identity',
      `The device key ${path} cannot be read. Ask IT to check the laptop's enrolment.`,
    );
  }
  if (!content.subarray(0, AT_REST_MAGIC.length).equals(AT_REST_MAGIC)) return content;
  if (!atRest) {
    throw new AppError(
      'no-identity',
      `The device key ${path} is sealed to this computer's account and cannot be opened here.`,
    );
  }
  try {
    return atRest.open(content.subarray(AT_REST_MAGIC.length));
  } catch {
    throw new AppError(
      'no-identity',
      `The device key ${path} was sealed on another computer or account. Ask IT to enrol this laptop again.`,
    );
  }
}
