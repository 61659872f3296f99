/**
 * `downtime settings sign`: IT's authority over what a laptop trusts (issue 15, H1). The trust,
 * inbox and store folders, retention and the rollback guard's reset change on a laptop only
 * with a file this command signs with the site key; the laptop verifies it against the trust
 * store shipped with the app (core/settings/it-settings.ts). `downtime settings verify` shows
 * what a signed file says, as a laptop would read it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';
import { loadSiteKey } from '../../core/keys/site-key.ts';
import { loadTrustStore } from '../../core/keys/trust-store.ts';
import { signItSettings, verifyItSettings } from '../../core/settings/it-settings.ts';
import {
  type Command,
  optionList,
  parseCommandArgs,
  requireOption,
  UsageError,
} from '../cli-kit.ts';

const usage = `Usage: downtime settings sign --sign site.key --in it-settings.json --out settings.signed [--now ISO]
       downtime settings verify settings.signed --trust site.pub…

sign    signs IT's settings for the ward laptops. it-settings.json holds only IT's fields:
          {"settings": {"inboxDir": "D:/inbox", "trustDir": null, "storeDir": null, "keep": 3},
           "rollbackReset": "2026-12-01-ticket-4711"}   (rollbackReset is optional)
        Copy settings.signed into the laptop's data folder and restart the app; fields left
        out keep their defaults. A laptop refuses a file not signed by a key it was shipped
        with. The clinical settings (language, lock timeout, paper, times) stay the ward's.
verify  checks a signed file against the trust store and prints what it sets.

Exit 0 done, 1 refused (stderr says why), 2 usage.`;

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'sign IT’s settings (trust, inbox and store folders, retention) for the laptops',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      sign: { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
      trust: { type: 'string', multiple: true },
    });
    const [action, ...rest] = positionals;
    switch (action) {
      case 'sign': {
        if (rest.length > 0) throw new UsageError('sign takes no file arguments; use --in');
        const siteKey = loadSiteKey(requireOption(values.sign, '--sign'));
        const input = requireOption(values.in, '--in');
        const out = requireOption(values.out, '--out');
        const issuedAt = values.now ?? new Date().toISOString();
        let given: unknown;
        try {
          given = JSON.parse(readFileSync(input, 'utf8'));
        } catch {
          throw new AppError('invalid-config', `${input} cannot be read as JSON; check --in.`);
        }
        const body = typeof given === 'object' && given !== null ? given : {};
        const signed = signItSettings(
          { kind: 'downtime-it-settings', version: 1, issuedAt, ...body },
          siteKey,
        );
        writeFileSync(out, signed, { mode: 0o644 });
        io.out(`Wrote ${out}: IT settings signed by ${siteKey.fingerprint}, issued ${issuedAt}.`);
        return 0;
      }
      case 'verify': {
        const [file, ...extra] = rest;
        if (file === undefined) throw new UsageError('name the signed settings file');
        if (extra.length > 0) throw new UsageError('one settings file at a time');
        const trustPaths = optionList(values.trust).map(String);
        if (trustPaths.length === 0) throw new UsageError('--trust is required');
        const payload = verifyItSettings(readFileSync(file, 'utf8'), loadTrustStore(trustPaths));
        io.out(JSON.stringify(payload, null, 2));
        return 0;
      }
      default:
        throw new UsageError(
          action ? `unknown action "${action}"` : 'missing action "sign" or "verify"',
        );
    }
  },
};
