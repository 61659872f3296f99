/**
 * `downtime audit verify FILE`: checks an audit trail's hash chain (core/audit/audit-log.ts) and
 * names the first bad line — for reconciliation after an outage, on the laptop's trail or on a
 * copy exported from the app.
 */
import { verifyAudit } from '../../core/audit/audit-log.ts';
import { type Command, parseCommandArgs, UsageError } from '../cli-kit.ts';

const usage = `Usage: downtime audit verify FILE

Checks that the audit trail FILE (for example a store's audit.jsonl) is intact: every line
well-formed, in its place, and chained to the line before it. Any edit, deletion, insertion or
reordering is reported with the first bad line. (Lines cut off the very end leave no trace in
the chain; compare the line count with an earlier copy.)

Exit 0 intact, 1 tampered or damaged (stderr names the first bad line), 2 usage.`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify an audit trail’s hash chain (audit verify FILE)',
  usage,
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, {});
    const [action, file, ...extra] = positionals;
    if (action !== 'verify')
      throw new UsageError(action ? `unknown action "${action}"` : 'missing action "verify"');
    if (file === undefined) throw new UsageError('name the audit trail file');
    if (extra.length > 0) throw new UsageError('one audit trail file at a time');
    const verdict = verifyAudit(file);
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
