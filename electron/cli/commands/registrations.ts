/**
 * `downtime registrations --store DIR [--json]`: every downtime number this laptop issued —
 * number, when, by whom, ward — for re-entering the new arrivals into the EHR after recovery,
 * and how many of the current export's reserved numbers are left. Reads only; needs no keys
 * (the numbers are in the signed manifest, the issues in the store folder).
 */
import { readRegistrations, remainingDowntimeIds } from '../../core/registrations/registrations.ts';
import { openStore } from '../../core/store/store.ts';
import { type Command, parseCommandArgs, requireOption } from '../cli-kit.ts';
import { printJson } from './verify.ts';

const usage = `Usage: downtime registrations --store DIR [--json]

Lists the downtime numbers issued on this laptop to new arrivals (number, when, by whom, ward,
export), oldest first, and how many reserved numbers the current export has left.

  --store DIR   the export store folder
  --json        print {"issued": [...], "reserved": N, "remaining": N}

Exit 0, 1 when the store or its registrations file cannot be read, 2 usage.`;

export const registrationsCommand: Command = {
  name: 'registrations',
  summary: 'list the downtime numbers issued on this laptop, for re-entry into the EHR',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      store: { type: 'string' },
      json: { type: 'boolean' },
    });
    const storeDir = requireOption(values.store, '--store');
    const store = openStore(storeDir, { readOnly: true });
    const issued = readRegistrations(storeDir);
    const reserved = store.current()?.manifest.downtimeIds ?? [];
    const remaining = remainingDowntimeIds(reserved, issued);
    if (values.json) {
      printJson(io, { issued, reserved: reserved.length, remaining });
      return 0;
    }
    const rows = issued.map(
      (r) =>
        `  ${r.number.padEnd(12)}  ${r.issuedAt}  ${r.issuedBy}  ${r.wardName ?? r.wardId ?? '—'}  export ${r.exportId}`,
    );
    io.out(
      [
        `Downtime numbers issued in ${storeDir}: ${issued.length}`,
        ...rows,
        `Reserved in the current export: ${reserved.length}, not yet issued: ${remaining}`,
      ].join('\n'),
    );
    return 0;
  },
};
