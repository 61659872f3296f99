/**
 * The readiness check: the first thing to look at each shift, on screen and in
 * `downtime status`. One line per question, each green (fine), amber (look into it today) or
 * red (the laptop would fail on the night). `detail` holds facts only (times, counts, names),
 * so the renderer can word the sentence in the user's language by `id` and `level`.
 */
import { ageLevel } from '../../common/data-age.ts';
import {
  describeReadinessFact,
  type ReadinessFact,
  readinessFact,
  storeProblemsFact,
} from '../../common/readiness.ts';
import { wordsTranslator } from '../../common/words/index.ts';
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
  /** The trail checked against its sealed head; null where the key is not at hand. */
  readonly audit?: AuditFinding | null;
  /** Keys at rest sealed by the OS secure storage, or only by folder permissions. */
  readonly secureStorage?: 'os' | 'none';
  readonly settings: Settings;
  readonly identityPresent: boolean;
  readonly trust: TrustStore;
  /** IT's signed settings in use and what was refused (the app's; `downtime status` has none). */
  readonly itSettings?: ItSettingsStatus;
  /** The laptop's copy of the rollback marks (app/rollback-guard.ts `laptopCopyCondition`). */
  readonly rollbackCopy?: 'ok' | 'missing' | 'edited';
  /** Free space on the store's disk; null when it could not be measured. */
  readonly freeDiskBytes: number | null;
  /** Printers the system reports; null when they could not be listed. */
  readonly printers: readonly string[] | null;
}

type Level = ReadinessCheck['level'];

/** IT's settings file in use (null: the defaults) and its problems, worst first. */
export interface ItSettingsStatus {
  readonly findings: readonly { readonly level: 'amber' | 'red'; readonly fact: ReadinessFact }[];
  readonly signer: string | null;
  readonly issuedAt: string | null;
}

/** What the caller found checking the trail against its seal (audit-seal.ts `SealedVerdict`). */
export type AuditFinding =
  { ok: true; lines: number; sealed: number } | { ok: false; line: number; problem: string };

/** Below this the next export may not fit: red. Below `DISK_AMBER_BYTES`: amber. */
const DISK_RED_MIN_BYTES = 200 * 1024 ** 2;
const DISK_AMBER_BYTES = 1024 ** 3;
const HOUR_MS = 3600 * 1000;

const ENGLISH = wordsTranslator('en');

const check = (id: ReadinessCheck['id'], level: Level, fact: ReadinessFact): ReadinessCheck => ({
  id,
  level,
  fact,
  detail: describeReadinessFact(ENGLISH, fact, (iso) => iso),
});

export function checkReadiness(input: ReadinessInput): ReadinessCheck[] {
  const current = input.store.current();
  return [
    dataAge(current, input),
    signature(current, input),
    check(
      'device-identity',
      input.identityPresent ? 'green' : 'red',
      readinessFact(input.identityPresent ? 'device-present' : 'device-absent'),
    ),
    storeHealth(input.store),
    disk(current, input.freeDiskBytes),
    printers(input.printers, input.settings.defaultPrinter),
    ...lastDecisions(input.store),
    ...(input.audit ? [auditTrail(input.audit)] : []),
    ...(input.secureStorage ? [secureStorage(input.secureStorage)] : []),
    ...(input.itSettings ? [itSettings(input.itSettings)] : []),
    ...(input.rollbackCopy ? [rollbackCopy(input.rollbackCopy)] : []),
    // Not a question but the build's identity, so IT can read it off the screen.
    check('version', 'green', readinessFact('version', { facts: versionFacts(versionInfo()) })),
  ];
}

/** Truncation, a rewrite or a removed seal is red: the access record can no longer be trusted. */
function auditTrail(verdict: AuditFinding): ReadinessCheck {
  return verdict.ok
    ? check(
        'audit',
        'green',
        readinessFact('audit-ok', { lines: verdict.lines, sealed: verdict.sealed }),
      )
    : check('audit', 'red', readinessFact('audit-broken', { line: verdict.line }));
}

function secureStorage(kind: 'os' | 'none'): ReadinessCheck {
  return kind === 'os'
    ? check('secure-storage', 'green', readinessFact('secure-storage-os'))
    : check('secure-storage', 'amber', readinessFact('secure-storage-none'));
}

/** The worst problem with IT's settings (all are in the log), else the file in use. */
function itSettings({ findings, signer, issuedAt }: ItSettingsStatus): ReadinessCheck {
  const [worst] = findings;
  if (worst) return check('it-settings', worst.level, worst.fact);
  return signer !== null && issuedAt !== null
    ? check('it-settings', 'green', readinessFact('it-settings-signed', { signer, issuedAt }))
    : check('it-settings', 'green', readinessFact('it-settings-defaults'));
}

/** An edited or deleted copy: someone changed the app's data folder, so trust is in doubt. */
function rollbackCopy(condition: 'ok' | 'missing' | 'edited'): ReadinessCheck {
  switch (condition) {
    case 'ok':
      return check('rollback-copy', 'green', readinessFact('rollback-copy-ok'));
    case 'missing':
      return check('rollback-copy', 'red', readinessFact('rollback-copy-missing'));
    case 'edited':
      return check('rollback-copy', 'red', readinessFact('rollback-copy-edited'));
  }
}

function dataAge(current: StoredExport | null, { now, settings }: ReadinessInput): ReadinessCheck {
  if (!current) return check('data-age', 'red', readinessFact('no-export'));
  const dataAsOf = current.manifest.dataAsOf;
  const hours = (now.getTime() - Date.parse(dataAsOf)) / HOUR_MS;
  if (Number.isNaN(hours)) {
    return check('data-age', 'red', readinessFact('unreadable-time', { value: dataAsOf }));
  }
  const level = ageLevel(hours * HOUR_MS, settings.staleAmberHours, settings.staleRedHours);
  return check('data-age', level, readinessFact('data-age', { dataAsOf, hours }));
}

/** Re-verifies the current export as installed: catches a revoked key and damage on disk. */
function signature(current: StoredExport | null, { store, trust }: ReadinessInput): ReadinessCheck {
  if (!current) return check('signature', 'red', readinessFact('no-export'));
  try {
    const { signer } = verifyExport(store.readBytes(current.exportId), trust);
    return check(
      'signature',
      'green',
      // A site the source does not name is left out: the words say "site unknown".
      readinessFact('signed-by', {
        signer,
        ...(current.manifest.site.name === null ? {} : { site: current.manifest.site.name }),
      }),
    );
  } catch (e) {
    return check(
      'signature',
      'red',
      isAppError(e)
        ? readinessFact('signature-refused', { kind: e.kind, signer: current.signer })
        : readinessFact('signature-unverifiable', { signer: current.signer }),
    );
  }
}

function storeHealth(store: Store): ReadinessCheck {
  const { ok, issues } = store.health();
  const kept = store.list().length;
  return ok
    ? check('store', 'green', readinessFact('store-ok', { count: kept, dir: store.dir }))
    : check('store', 'red', storeProblemsFact(issues));
}

function disk(current: StoredExport | null, freeBytes: number | null): ReadinessCheck {
  if (freeBytes === null) return check('disk', 'amber', readinessFact('disk-unknown'));
  // The next export needs room for a copy beside the current one.
  const needed = Math.max(DISK_RED_MIN_BYTES, 2 * (current?.size ?? 0));
  const level: Level =
    freeBytes < needed ? 'red' : freeBytes < DISK_AMBER_BYTES ? 'amber' : 'green';
  return check('disk', level, readinessFact('disk-free', { gib: freeBytes / 1024 ** 3 }));
}

function printers(seen: readonly string[] | null, defaultPrinter: string | null): ReadinessCheck {
  if (seen === null) return check('printers', 'amber', readinessFact('printers-unlisted'));
  if (seen.length === 0) return check('printers', 'red', readinessFact('no-printer'));
  if (defaultPrinter !== null && !seen.includes(defaultPrinter)) {
    return check(
      'printers',
      'amber',
      readinessFact('printer-missing', { printer: defaultPrinter, seen: seen.join(', ') }),
    );
  }
  return check('printers', 'green', readinessFact('printers', { seen: seen.join(', ') }));
}

/** The last successful install, and the last refusal unless a later install superseded it. */
function lastDecisions(store: Store): ReadinessCheck[] {
  const decisions = store.lastDecisions();
  const installed = decisions.find((d) => d.outcome === 'installed');
  const refusal = decisions.find((d) => d.outcome === 'refused');
  const lastInstall = installed
    ? check(
        'last-install',
        'green',
        readinessFact('installed', { at: installed.at, source: installed.source }),
      )
    : check('last-install', store.current() ? 'green' : 'amber', readinessFact('none-recorded'));
  if (!refusal) return [lastInstall, check('last-refusal', 'green', readinessFact('no-refusal'))];
  const facts = readinessFact('refused', {
    at: refusal.at,
    source: refusal.source,
    kind: refusal.kind ?? 'io',
  });
  // Decisions are newest first: an install listed before the refusal came after it.
  const superseded =
    installed !== undefined && decisions.indexOf(installed) < decisions.indexOf(refusal);
  return [lastInstall, check('last-refusal', superseded ? 'green' : 'amber', facts)];
}
