/**
 * A viewer process that records a chart opened (or a search burst's start) the way the session
 * does, prints that it "returned the data", and is killed at once with SIGKILL — before the
 * batched fsync. Driven by access-audit.test.ts.
 *
 *   node audit-crash-child.ts AUDIT_FILE chart|search
 */
import { createAccessAudit } from '../../../electron/core/app/access-audit.ts';

const [file = '', what = ''] = process.argv.slice(2);
const access = createAccessAudit({
  file: () => file,
  device: 'ward-3b',
  clock: () => new Date(),
  warn: () => {},
});
access.record({ event: 'unlock' }, 'Nurse A');
if (what === 'chart') {
  access.recordSoon({ event: 'patient-opened', detail: { mrn: '30000004' } }, 'Nurse A');
} else {
  access.searched('Nurse A');
}
process.stdout.write('data returned\n');
process.kill(process.pid, 'SIGKILL');
