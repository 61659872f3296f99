/**
 * The readiness check: the first thing to look at each shift, on screen and in
 * `downtime status`. One line per question, each green (fine), amber (look into it today) or
 * red (the laptop would fail on the night). `detail` holds facts only (times, counts, names),
 * so the renderer can word the sentence in the user's language by `id` and `level`.
 */
import { ageLevel } from '../../common/data-age.ts';
import type { ReadinessCheck } from '../model.ts';
import { isAppError } from '../errors.ts';
import { verifyExport } from '../format/dtx.ts';
import type { TrustStore } from '../keys/trust-store.ts';
import type { Settings } from '../settings/settings.ts';
import type { Store, StoredExport } from '../store/store.ts';
import { versionFacts, versionInfo } from '../version.ts';

export interface ReadinessInput {
  readonly now: Date;
  readonly store: Store;
  readonly settings: Settings;
  readonly identityPresent: boolean;
  readonly trust: TrustStore;
  /** Free space on the store's disk; null when it could not be measured. */
  readonly freeDiskBytes: number | null;
  /** Printers the system reports; null when they could not be listed. */
  readonly printers: readonly string[] | null;
}

type Level = ReadinessCheck['level'];

/** Below this the next export may not fit: red. Below `DISK_AMBER_BYTES`: amber. */
const DISK_RED_MIN_BYTES = 200 * 1024 ** 2;
const DISK_AMBER_BYTES = 1024 ** 3;
const HOUR_MS = 3600 * 1000;

const check = (id: ReadinessCheck['id'], level: Level, detail: string): ReadinessCheck => ({
  id,
  level,
  detail,
});

export function checkReadiness(input: ReadinessInput): ReadinessCheck[] {
  const current = input.store.current();
  return [
    dataAge(current, input),
    signature(current, input),
    check(
      'device-identity',
      input.identityPresent ? 'green' : 'red',
      input.identityPresent ? 'present' : 'absent',
    ),
    storeHealth(input.store),
    disk(current, input.freeDiskBytes),
    printers(input.printers, input.settings.defaultPrinter),
    ...lastDecisions(input.store),
    // Not a question but the build's identity, so IT can read it off the screen.
    check('version', 'green', versionFacts(versionInfo())),
  ];
}

function dataAge(current: StoredExport | null, { now, settings }: ReadinessInput): ReadinessCheck {
  if (!current) return check('data-age', 'red', 'no export installed');
  const dataAsOf = current.manifest.dataAsOf;
  const hours = (now.getTime() - Date.parse(dataAsOf)) / HOUR_MS;
  if (Number.isNaN(hours)) return check('data-age', 'red', `unreadable time ${dataAsOf}`);
  const level = ageLevel(hours * HOUR_MS, settings.staleAmberHours, settings.staleRedHours);
  return check('data-age', level, `${dataAsOf} (${hours.toFixed(1)} h)`);
}

/** Re-verifies the current export as installed: catches a revoked key and damage on disk. */
function signature(current: StoredExport | null, { store, trust }: ReadinessInput): ReadinessCheck {
  if (!current) return check('signature', 'red', 'no export installed');
  try {
    const { signer } = verifyExport(store.readBytes(current.exportId), trust);
    return check('signature', 'green', `${signer} (${current.manifest.site.name})`);
  } catch (e) {
    return check(
      'signature',
      'red',
      isAppError(e) ? `${e.kind}: ${current.signer}` : `unverifiable: ${current.signer}`,
    );
  }
}

function storeHealth(store: Store): ReadinessCheck {
  const { ok, problems } = store.health();
  const kept = store.list().length;
  return ok
    ? check('store', 'green', `${kept} export${kept === 1 ? '' : 's'} in ${store.dir}`)
    : check('store', 'red', problems.join(' '));
}

function disk(current: StoredExport | null, freeBytes: number | null): ReadinessCheck {
  if (freeBytes === null) return check('disk', 'amber', 'free space unknown');
  // The next export needs room for a copy beside the current one.
  const needed = Math.max(DISK_RED_MIN_BYTES, 2 * (current?.size ?? 0));
  const level: Level =
    freeBytes < needed ? 'red' : freeBytes < DISK_AMBER_BYTES ? 'amber' : 'green';
  return check('disk', level, `${(freeBytes / 1024 ** 3).toFixed(1)} GiB free`);
}

function printers(seen: readonly string[] | null, defaultPrinter: string | null): ReadinessCheck {
  if (seen === null) return check('printers', 'amber', 'printers could not be listed');
  if (seen.length === 0) return check('printers', 'red', 'no printer');
  if (defaultPrinter !== null && !seen.includes(defaultPrinter)) {
    return check('printers', 'amber', `${defaultPrinter} not found; seen: ${seen.join(', ')}`);
  }
  return check('printers', 'green', seen.join(', '));
}

/** The last successful install, and the last refusal unless a later install superseded it. */
function lastDecisions(store: Store): ReadinessCheck[] {
  const decisions = store.lastDecisions();
  const installed = decisions.find((d) => d.outcome === 'installed');
  const refusal = decisions.find((d) => d.outcome === 'refused');
  const lastInstall = installed
    ? check('last-install', 'green', `${installed.at} ${installed.source}`)
    : check('last-install', store.current() ? 'green' : 'amber', 'none recorded');
  if (!refusal) return [lastInstall, check('last-refusal', 'green', 'none')];
  const facts = `${refusal.at} ${refusal.source} ${refusal.kind ?? 'io'}`;
  // Decisions are newest first: an install listed before the refusal came after it.
  const superseded =
    installed !== undefined && decisions.indexOf(installed) < decisions.indexOf(refusal);
  return [lastInstall, check('last-refusal', superseded ? 'green' : 'amber', facts)];
}
