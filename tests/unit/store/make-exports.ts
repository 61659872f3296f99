/**
 * Real, small `.dtx` exports for the store, inbox, readiness and CLI tests: a tiny valid SQLite
 * image, encrypted to a test device and signed by a test site key whose `site.pub` is written to
 * a trust folder. Keys are made once per test file (generation is the slow part).
 */
import { sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExportDatabase, toSqliteImage } from '../../../electron/core/db/schema.ts';
import { dtxRegions, writeExport } from '../../../electron/core/format/dtx.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import {
  generateSiteKey,
  type SiteKey,
  writeSiteKeyFiles,
} from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore, type TrustStore } from '../../../electron/core/keys/trust-store.ts';

export interface ExportKit {
  readonly siteKey: SiteKey;
  readonly identity: string;
  readonly recipient: string;
  /** A folder holding `site.pub` (what `--trust` and the settings point at). */
  readonly trustDir: string;
  readonly trust: TrustStore;
  /** The export with this sequence, as `export-<sequence>.dtx` bytes (cached: same bytes each time). */
  exportBytes(
    sequence: number,
    options?: {
      dataAsOf?: string;
      siteKey?: SiteKey;
      recipient?: string;
      downtimeIds?: string[];
    },
  ): Promise<Buffer>;
  /** Writes `exportBytes(sequence)` into `dir` and returns its path. */
  writeExportFile(dir: string, sequence: number, name?: string): Promise<string>;
}

const image = toSqliteImage(createExportDatabase());

export async function makeExportKit(trustDir: string): Promise<ExportKit> {
  const siteKey = generateSiteKey();
  const { identity, recipient } = await generateDeviceIdentity();
  writeSiteKeyFiles(siteKey, join(trustDir, 'site.key'));
  const trust = loadTrustStore([trustDir]);
  const cache = new Map<string, Buffer>();

  const exportBytes: ExportKit['exportBytes'] = async (sequence, options = {}) => {
    const key = JSON.stringify([
      sequence,
      options.dataAsOf,
      options.siteKey?.fingerprint,
      options.recipient,
      options.downtimeIds,
    ]);
    const cached = cache.get(key);
    if (cached) return cached;
    const bytes = Buffer.from(
      await writeExport({
        manifest: {
          site: { id: 'chu-test', name: 'CHU Test' },
          exportId: `exp-${sequence}`,
          sequence,
          createdAt: '2026-11-28T20:00:00Z',
          dataAsOf: options.dataAsOf ?? '2026-11-28T20:00:00Z',
          scope: {
            wards: [{ id: 'W3', name: 'Ward 3', siteId: 'chu-test', siteName: 'CHU Test' }],
          },
          counts: { patients: 0 },
          demo: true,
          ...(options.downtimeIds ? { downtimeIds: options.downtimeIds } : {}),
        },
        sqlite: image,
        recipients: [options.recipient ?? recipient],
        siteKey: options.siteKey ?? siteKey,
      }),
    );
    cache.set(key, bytes);
    return bytes;
  };

  return {
    siteKey,
    identity,
    recipient,
    trustDir,
    trust,
    exportBytes,
    async writeExportFile(dir, sequence, name = `export-${sequence}.dtx`) {
      const path = join(dir, name);
      writeFileSync(path, await exportBytes(sequence));
      return path;
    },
  };
}

/** A validly signed export whose manifest is changed by `edit` (e.g. a newer schema version). */
export function resign(
  bytes: Buffer,
  siteKey: SiteKey,
  edit: (manifest: Record<string, unknown>) => void,
): Buffer {
  const regions = dtxRegions(bytes);
  const manifest = JSON.parse(bytes.subarray(...regions.manifest).toString('utf8')) as Record<
    string,
    unknown
  >;
  edit(manifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.length);
  return Buffer.concat([
    bytes.subarray(...regions.magic),
    length,
    manifestBytes,
    bytes.subarray(...regions.signer),
    sign(null, manifestBytes, siteKey.privateKey),
    bytes.subarray(...regions.payload),
  ]);
}
