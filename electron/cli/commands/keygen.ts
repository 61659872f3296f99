/**
 * `downtime keygen site|device`: the two key pairs of DESIGN.md §3.
 *
 * - `site`: writes `site.key` (Ed25519 private key, PKCS#8 PEM, 0600) and `site.pub` (the public
 *   key for every laptop's trust store); prints the fingerprint.
 * - `device`: generates an age X25519 identity, writes it sealed with the ward passphrase to
 *   `device.key` (0600) and its recipient to `device.key.recipient.txt`; prints the recipient.
 *
 * The printed value is the only line on stdout (so `$(downtime keygen …)` captures it); a note
 * saying which files were written goes to stderr. Existing key files are never overwritten.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';
import {
  generateDeviceIdentity,
  readPassphraseFile,
  recipientPathFor,
  sealIdentity,
} from '../../core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../core/keys/site-key.ts';
import { type Command, parseCommandArgs, requireOption, UsageError } from '../cli-kit.ts';

const usage = `Usage:
  downtime keygen site   --out site.key
  downtime keygen device --out device.key --passphrase-file F

site     Create the site export key pair (hospital IT, once per site). Writes the private key
         to the --out file (mode 0600; keep it with IT) and the public key next to it with
         .pub instead of .key (copy it into every ward laptop's trust store). Prints the key's
         fingerprint, which laptops show to confirm who signed an export.
device   Create a ward laptop's device identity. Writes it to the --out file, sealed with the
         ward passphrase read from the first line of F (mode 0600), and its public recipient
         to <out>.recipient.txt. Prints the age1… recipient: give it to IT, who add it to the
         export's recipients.

Existing files are never overwritten. Exit 0 ok, 1 refused, 2 usage.`;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'create the site export key (site) or a laptop device identity (device)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
    });
    const [kind, extra] = positionals;
    if (kind !== 'site' && kind !== 'device') {
      throw new UsageError(
        kind === undefined
          ? 'say "site" or "device"'
          : `unknown key kind "${kind}" (say "site" or "device")`,
      );
    }
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const out = requireOption(values.out, '--out');

    if (kind === 'site') {
      if (values['passphrase-file'] !== undefined) {
        throw new UsageError('--passphrase-file is for "keygen device" only');
      }
      const key = generateSiteKey();
      const { keyPath, pubPath } = writeSiteKeyFiles(key, out);
      io.out(key.fingerprint);
      io.err(
        `Wrote ${keyPath} (private: keep it with IT) and ${pubPath} (for the laptops' trust store).`,
      );
      return 0;
    }

    const passphrase = readPassphraseFile(
      requireOption(values['passphrase-file'], '--passphrase-file'),
    );
    if (existsSync(out)) throw alreadyExists(out);
    const { identity, recipient } = await generateDeviceIdentity();
    const sealed = await sealIdentity(identity, passphrase);
    try {
      writeFileSync(out, sealed, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      throw errnoOf(e) === 'EEXIST'
        ? alreadyExists(out)
        : new AppError(
            'io',
            `Cannot write ${out} (${errnoOf(e)}) — check the folder exists and is writable.`,
          );
    }
    const recipientFile = recipientPathFor(out);
    try {
      writeFileSync(recipientFile, `${recipient}\n`, { mode: 0o644 });
    } catch (e) {
      throw new AppError(
        'io',
        `Wrote ${out} but cannot write ${recipientFile} (${errnoOf(e)}) — its recipient is ${recipient}; give that to IT.`,
      );
    }
    io.out(recipient);
    io.err(
      `Wrote ${out} (sealed with the ward passphrase) and ${recipientFile} — give the recipient to IT.`,
    );
    return 0;
  },
};

const alreadyExists = (path: string) =>
  new AppError(
    'io',
    `${path} already exists — move it away first (a device identity is never overwritten).`,
  );

function errnoOf(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : 'error';
}
