/**
 * `downtime status --store DIR [--trust …] [--json]`: what a store holds and whether it is ready,
 * for IT's checks and monitoring scripts. Opens the store read-only, so it is safe while the app
 * is installing into it. The readiness lines are those the command can know from here (data age
 * against the default thresholds, signature when `--trust` is given, store, disk, last install,
 * last refusal); the app's readiness screen adds the device identity and printers.
 */
import { statfsSync } from 'node:fs';
import type { ReadinessCheck } from '../../core/api/contract.ts';
import { loadTrustStore } from '../../core/keys/trust-store.ts';
import { checkReadiness } from '../../core/readiness/readiness.ts';
import { DEFAULT_SETTINGS } from '../../core/settings/settings.ts';
import { openStore, type InstallDecision, type StoredExport } from '../../core/store/store.ts';
import { type Command, optionList, parseCommandArgs, requireOption } from '../cli-kit.ts';
import { printJson } from './verify.ts';

const usage = `Usage: downtime status --store DIR [--trust site.pub…] [--json]

Shows the store's current export, the older ones kept, the last install decisions, and a
readiness line for each check (green, amber or red). Changes nothing in the store.

  --store DIR    the export store folder
  --trust PATH   also re-verify the current export's signature against these keys
  --json         print {"current": {...}, "kept": [...], "decisions": [...], "readiness": [...]}

Exit 0 ready, 1 when a check is red (one line on stderr names them), 2 usage.`;

/** Decisions shown: enough to see a pattern of refusals, few enough to read. */
const DECISIONS_SHOWN = 10;

const describeExport = (stored: StoredExport) => ({
  exportId: stored.exportId,
  sequence: stored.sequence,
  dataAsOf: stored.manifest.dataAsOf,
  createdAt: stored.manifest.createdAt,
  site: stored.manifest.site,
  signer: stored.signer,
  installedAt: stored.installedAt,
  demo: stored.manifest.demo,
});

function freeDiskBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

function table(
  storeDir: string,
  kept: readonly StoredExport[],
  decisions: readonly InstallDecision[],
  readiness: readonly ReadinessCheck[],
): string {
  const exportLine = (e: StoredExport, i: number) =>
    `  ${i === 0 ? 'current' : 'kept   '}  ${e.exportId}  sequence ${e.sequence}  data as of ${e.manifest.dataAsOf}  installed ${e.installedAt}`;
  const width = Math.max(...readiness.map((c) => c.id.length));
  return [
    `Store ${storeDir}`,
    ...(kept.length === 0 ? ['  no export installed'] : kept.map(exportLine)),
    '',
    'Readiness',
    ...readiness.map(
      (c) => `  ${c.level.toUpperCase().padEnd(5)}  ${c.id.padEnd(width)}  ${c.detail}`,
    ),
    '',
    'Last decisions',
    ...(decisions.length === 0
      ? ['  none']
      : decisions.map(
          (d) =>
            `  ${d.at}  ${d.outcome.padEnd(9)}  ${d.source}${d.kind ? ` (${d.kind}): ${d.message ?? ''}` : ''}`,
        )),
  ].join('\n');
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'show a store’s current and kept exports, last decisions and readiness',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      store: { type: 'string' },
      trust: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const storeDir = requireOption(values.store, '--store');
    const trustPaths = optionList(values.trust);
    const store = openStore(storeDir, { readOnly: true });
    const shown = new Set<ReadinessCheck['id']>([
      'data-age',
      'store',
      'disk',
      'last-install',
      'last-refusal',
    ]);
    if (trustPaths.length > 0) shown.add('signature');
    const readiness = checkReadiness({
      now: new Date(),
      store,
      settings: DEFAULT_SETTINGS,
      identityPresent: false,
      trust: trustPaths.length > 0 ? loadTrustStore(trustPaths) : { signers: [] },
      freeDiskBytes: freeDiskBytes(storeDir),
      printers: null,
    }).filter((c) => shown.has(c.id));
    const kept = store.list();
    const decisions = store.lastDecisions().slice(0, DECISIONS_SHOWN);
    if (values.json) {
      const current = store.current();
      printJson(io, {
        current: current ? describeExport(current) : null,
        kept: kept.map(describeExport),
        decisions,
        health: store.health(),
        readiness,
      });
    } else {
      io.out(table(storeDir, kept, decisions, readiness));
    }
    const red = readiness.filter((c) => c.level === 'red');
    if (red.length === 0) return 0;
    io.err(`downtime status: not ready — ${red.map((c) => `${c.id}: ${c.detail}`).join('; ')}`);
    return 1;
  },
};
