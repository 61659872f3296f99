/**
 * `downtime verify X.dtx --trust site.pub… [--json]`: checks an export's signature against the
 * trust store, its manifest and its payload hash — everything that needs no device key.
 * `--json` prints exactly `{"manifest": {...}}`.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';
import { verifyExport } from '../../core/format/dtx.ts';
import { loadTrustStore, type TrustStore } from '../../core/keys/trust-store.ts';
import type { Manifest } from '../../core/model.ts';
import { type CliIo, type Command, optionList, parseCommandArgs, UsageError } from '../cli-kit.ts';

const usage = `Usage: downtime verify X.dtx --trust site.pub… [--json]

Checks that X.dtx is a complete export signed by a trusted site key and that its encrypted
contents are exactly what was signed. Needs no device key and decrypts nothing.

  --trust PATH   a site.pub file or a folder of *.pub files; repeat it for several
                 (extra *.pub arguments, as a shell glob gives them, count as --trust too)
  --json         print {"manifest": {...}} instead of a summary

Exit 0 verified, 1 refused (one line on stderr says why and what to do), 2 usage.`;

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

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The manifest as lines for people. */
export function describeManifest(manifest: Manifest, signer: string): string[] {
  const counts = Object.entries(manifest.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    ...(manifest.demo ? ['DEMO DATA — synthetic patients, not for care'] : []),
    `signed by:   ${signer} (trusted)`,
    `site:        ${manifest.site.name} (${manifest.site.id})`,
    `export:      ${manifest.exportId}, sequence ${manifest.sequence}`,
    `created:     ${manifest.createdAt}`,
    `data as of:  ${manifest.dataAsOf}`,
    `wards:       ${manifest.scope.wards.join(', ') || '(none in full detail)'}`,
    `schema:      ${manifest.schemaVersion}`,
    `counts:      ${counts || '(none)'}`,
    `payload:     ${mb(manifest.payload.size)}, sha256 ${manifest.payload.sha256}`,
  ];
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check an export’s signature, manifest and payload hash (no device key needed)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      trust: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const { exportPath, trust } = exportAndTrust(positionals, values.trust);
    const { manifest, signer } = verifyExport(readExportFile(exportPath), trust);
    if (values.json) printJson(io, { manifest });
    else io.out([`${exportPath}: verified`, ...describeManifest(manifest, signer)].join('\n'));
    return 0;
  },
};
