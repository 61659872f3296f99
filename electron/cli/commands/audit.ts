/**
 * `downtime audit verify FILE`: checks an audit trail's hash chain (core/audit/audit-log.ts) and
 * names the first bad line — for reconciliation after an outage, on the laptop's trail or on a
 * copy exported from the app.
 */
import { verifyAudit } from '../../core/audit/audit-log.ts';
import { verifySealedAudit } from '../../core/audit/audit-seal.ts';
import { loadRollbackKey } from '../../core/store/rollback.ts';
import { type Command, parseCommandArgs, UsageError } from '../cli-kit.ts';

const usage = `Usage: downtime audit verify FILE [--seal DIR.audit-seal.json --key DIR.rollback.key]

Checks that the audit trail FILE (for example a store's audit.jsonl) is intact: every line
well-formed, in its place, and chained to the line before it. Any edit, deletion, insertion or
reordering is reported with the first bad line. Lines cut off the very end, or a trail
rewritten whole, leave no trace in the chain: give the seal kept beside the store and its key
(both written by the laptop, beside the store folder) and those are reported too.

Exit 0 intact, 1 tampered or damaged (stderr names the first bad line), 2 usage.`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify an audit trail’s hash chain (audit verify FILE)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      seal: { type: 'string' },
      key: { type: 'string' },
    });
    const [action, file, ...extra] = positionals;
    if (action !== 'verify')
      throw new UsageError(action ? `unknown action "${action}"` : 'missing action "verify"');
    if (file === undefined) throw new UsageError('name the audit trail file');
    if (extra.length > 0) throw new UsageError('one audit trail file at a time');
    if ((values.seal === undefined) !== (values.key === undefined))
      throw new UsageError('--seal and --key go together');
    const verdict =
      values.seal !== undefined && values.key !== undefined
        ? verifySealedAudit(file, values.seal, loadRollbackKey(values.key, null, { create: false }))
        : verifyAudit(file);
    if (!verdict.ok) {
      io.err(
        `downtime audit: ${file}: line ${verdict.line} ${verdict.problem}; the trail cannot be trusted from that line on — keep this copy as evidence.`,
      );
      return 1;
    }
    io.out(`${file}: intact, ${verdict.lines} line${verdict.lines === 1 ? '' : 's'}.`);
    return 0;
  },
};
