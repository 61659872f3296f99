/**
 * `downtime verify X.dtx --trust site.pub… [--json]`: checks an export's signature against the
 * trust store, its manifest and its payload hash — everything that needs no device key.
 * `--json` prints exactly `{"manifest": {...}}`.
 */
import { verifyExport } from '../../core/format/dtx.ts';
import type { Manifest } from '../../core/model.ts';
import { type CliIo, type Command, parseCommandArgs } from '../cli-kit.ts';
import { exportAndTrust, readExportFile } from '../export-args.ts';

const usage = `Usage: downtime verify X.dtx --trust site.pub… [--json]

Checks that X.dtx is a complete export signed by a trusted site key and that its encrypted
contents are exactly what was signed. Needs no device key and decrypts nothing.

  --trust PATH   a site.pub file or a folder of *.pub files; repeat it for several
                 (extra *.pub arguments, as a shell glob gives them, count as --trust too)
  --json         print {"manifest": {...}} instead of a summary

Exit 0 verified, 1 refused (one line on stderr says why and what to do), 2 usage.`;

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
    `wards:       ${manifest.scope.wards.map((w) => (w.name ? `${w.id} (${w.name})` : w.id)).join(', ') || '(none in full detail)'}`,
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
