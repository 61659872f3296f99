/**
 * `downtime install X.dtx --store DIR --trust …`: installs an export into a store with the same
 * code as the app's inbox (electron/core/store), and records the decision in DIR/audit.jsonl.
 * There is no passphrase here, so the checks are those that need no keys (see
 * core/store/install-check.ts); the app decrypts when it unlocks.
 */
import { hostname, userInfo } from 'node:os';
import { auditInstall } from '../../core/audit/install-audit.ts';
import { readRecipientArgument } from '../../core/keys/recipient.ts';
import { auditSealFileFor, sealAuditTrail } from '../../core/audit/audit-seal.ts';
import { loadStoreRollbackKey } from '../../core/store/rollback.ts';
import { DEFAULT_KEEP, ENROLLED_RECIPIENT_FILE, openStore } from '../../core/store/store.ts';
import { type Command, parseCommandArgs, requireOption, UsageError } from '../cli-kit.ts';
import { exportAndTrust } from '../export-args.ts';

const usage = `Usage: downtime install X.dtx --store DIR --trust site.pub… [--recipient age1…|FILE] [--keep N]

Installs X.dtx as the store's current export if it is signed by a trusted site key, complete,
addressed to the laptop, within its sequence bound and newer than anything installed before;
otherwise the installed export stays in use and one line on stderr says why. The same checks
as the app's inbox; the decision goes to DIR/audit.jsonl. The highest sequence installed is
kept beside the store (DIR.rollback.json), so emptying the store does not allow a rollback.
A store whose rollback key the app sealed to the laptop's OS account is refused untouched:
only the app can open that seal, so on such a laptop install through the app's inbox.

  --store DIR        the export store folder (created if missing)
  --trust PATH       a site.pub file or a folder of *.pub files; repeat it for several
  --recipient R      the laptop's age1… recipient, or its device-recipient.txt; recorded as the
                     store's laptop (DIR/${ENROLLED_RECIPIENT_FILE}). Default: the one recorded
  --keep N           older exports to keep besides the current one (default ${DEFAULT_KEEP})

Exit 0 installed or already installed, 1 refused, 2 usage.`;

/** Who runs the command, for the audit trail (the OS account; IT installs by hand). */
function currentUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

function parseKeep(value: string | undefined): number {
  if (value === undefined) return DEFAULT_KEEP;
  const keep = Number(value);
  if (!Number.isInteger(keep) || keep < 0 || keep > 50) {
    throw new UsageError(`--keep must be a whole number from 0 to 50 (got "${value}")`);
  }
  return keep;
}

export const installCommand: Command = {
  name: 'install',
  summary: 'install an export into a store, as the app’s inbox does',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      store: { type: 'string' },
      trust: { type: 'string', multiple: true },
      keep: { type: 'string' },
      recipient: { type: 'string' },
    });
    const storeDir = requireOption(values.store, '--store');
    const keep = parseKeep(values.keep);
    const { exportPath, trust } = exportAndTrust(positionals, values.trust);
    const recipient =
      values.recipient === undefined ? null : readRecipientArgument(values.recipient);
    // The plain key beside the store. A key the app sealed with Electron's safeStorage is
    // refused: that seal is reachable only inside an Electron process (README, Security).
    const rollbackKey = loadStoreRollbackKey(storeDir, null);
    const store = openStore(storeDir, { keep, rollbackKey });
    sealAuditTrail(store.auditFile, auditSealFileFor(storeDir), rollbackKey);
    if (recipient !== null && store.enrolledRecipient() === null) store.enrolRecipient(recipient);
    const who = { device: hostname(), user: currentUser() };
    const outcome = await store.install(exportPath, { trust, recipient, ...who });
    auditInstall(store.auditFile, exportPath, outcome, who);
    switch (outcome.outcome) {
      case 'installed': {
        // A repair (message set) may concern a kept export rather than the current one.
        const installed = store.list().find((e) => e.exportId === outcome.exportId);
        io.out(
          outcome.message !== null
            ? `${exportPath}: ${outcome.message}`
            : `${exportPath}: installed as the current export (${outcome.exportId}, sequence ${installed?.sequence}, data as of ${installed?.manifest.dataAsOf}).`,
        );
        return 0;
      }
      case 'duplicate':
        io.out(`${exportPath}: ${outcome.message}`);
        return 0;
      case 'refused':
        io.err(`downtime install: refused ${exportPath} (${outcome.kind}): ${outcome.message}`);
        return 1;
      default: {
        const unexpected: never = outcome.outcome;
        throw new Error(`unexpected install outcome ${String(unexpected)}`);
      }
    }
  },
};
