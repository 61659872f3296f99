/**
 * The arguments every command that reads an export shares — `X.dtx --trust … [--identity F
 * --passphrase-file F]` — parsed, checked and turned into an opened export in one place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../core/errors.ts';
import { openExport, type OpenedExport } from '../core/export/open-export.ts';
import { loadDeviceIdentity, readPassphraseFile } from '../core/keys/device-identity.ts';
import { loadTrustStore, type TrustStore } from '../core/keys/trust-store.ts';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../core/settings/settings.ts';
import { optionList, requireOption, UsageError } from './cli-kit.ts';

/** The `parseArgs` options for `--identity` and `--passphrase-file` (with `--trust`). */
export const OPEN_EXPORT_OPTIONS = {
  trust: { type: 'string', multiple: true },
  identity: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

/** The export path and trust store from `X.dtx --trust a.pub [b.pub …]`. */
export function exportAndTrust(
  positionals: readonly string[],
  trustOption: string | boolean | (string | boolean)[] | undefined,
): { exportPath: string; trust: TrustStore } {
  const extraTrust = positionals.filter((p) => p.endsWith('.pub'));
  const files = positionals.filter((p) => !p.endsWith('.pub'));
  if (files.length === 0) throw new UsageError('name the export file (X.dtx)');
  if (files.length > 1)
    throw new UsageError(`one export file at a time (got "${files[0]}" and "${files[1]}")`);
  const trustPaths = [...optionList(trustOption), ...extraTrust];
  if (trustPaths.length === 0)
    throw new UsageError('missing --trust (the site.pub file or trust folder)');
  return { exportPath: files[0] ?? '', trust: loadTrustStore(trustPaths) };
}

/** Reads an export file; `io` error naming it when it cannot be read. */
export function readExportFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'unreadable';
    throw new AppError('io', `Cannot read ${path} (${code}) — check the file name.`);
  }
}

/** Verifies, decrypts and opens the export the arguments name (`inspect`, `print`). */
export async function openExportFromArgs(
  positionals: readonly string[],
  values: {
    trust?: string[] | undefined;
    identity?: string | undefined;
    'passphrase-file'?: string | undefined;
  },
): Promise<OpenedExport & { exportPath: string }> {
  const { exportPath, trust } = exportAndTrust(positionals, values.trust);
  const identityPath = requireOption(values.identity, '--identity');
  const passphrasePath = requireOption(values['passphrase-file'], '--passphrase-file');
  const bytes = readExportFile(exportPath);
  const identity = await loadDeviceIdentity(identityPath, readPassphraseFile(passphrasePath));
  return { exportPath, ...(await openExport(bytes, trust, identity)) };
}

/**
 * The viewer settings a command needs for times (`--settings FILE`: time zone, administration
 * times); the defaults without one. A file with problems is refused: wrong times misprint a MAR.
 */
export function settingsFromArgs(path: string | undefined): Settings {
  if (path === undefined) return DEFAULT_SETTINGS;
  if (!existsSync(path))
    throw new AppError(
      'invalid-config',
      `The settings file ${path} does not exist; check --settings.`,
    );
  const { settings, problems } = loadSettings(path);
  if (problems.length > 0)
    throw new AppError('invalid-config', `${problems[0]} (in ${path}); fix the file first.`);
  return settings;
}
