/**
 * The audit line for an install decision, written the same way by the inbox and by
 * `downtime install`. A duplicate is recorded as a refusal of kind `duplicate`: the file was
 * not installed, and the line says why.
 */
import { basename } from 'node:path';
import type { InstallOutcome } from '../store/store-index.ts';
import { appendAudit } from './audit-log.ts';

export function auditInstall(
  auditFile: string,
  source: string,
  outcome: InstallOutcome,
  who: { device: string; user: string | null },
  now: Date = new Date(),
): void {
  const file = basename(source);
  switch (outcome.outcome) {
    case 'installed':
      appendAudit(
        auditFile,
        { ...who, event: 'export-installed', detail: { file, exportId: outcome.exportId ?? '' } },
        now,
      );
      return;
    case 'duplicate':
      appendAudit(
        auditFile,
        {
          ...who,
          event: 'export-refused',
          detail: { file, exportId: outcome.exportId ?? '', kind: 'duplicate' },
        },
        now,
      );
      return;
    case 'refused':
      appendAudit(
        auditFile,
        { ...who, event: 'export-refused', detail: { file, kind: outcome.kind ?? 'io' } },
        now,
      );
      return;
    default: {
      const unexpected: never = outcome.outcome;
      throw new Error(`unexpected install outcome ${String(unexpected)}`);
    }
  }
}
