/**
 * The data a bench scale runs on, built once and cached in tests/bench/.cache/ (git-ignored):
 * the demo hospital as FHIR NDJSON, its export (.dtx) with the trust key and a sealed device
 * identity to open it, and the plaintext SQLite image for the baselines. Keyed by scale, seed
 * and the version of the code that shapes an export, so a code change rebuilds it.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { generateDemoHospital } from '../../electron/cli/demo/generate.ts';
import { buildImage, sealExport } from '../../electron/core/export/pipeline.ts';
import {
  generateDeviceIdentity,
  recipientPathFor,
  sealIdentity,
} from '../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../electron/core/keys/site-key.ts';
import { codeVersion } from './code-version.ts';

/** The census instant of every bench export. */
export const AS_OF = new Date('2026-11-28T07:00:00Z');
/** The ward passphrase sealing the bench device identity (synthetic data only). */
export const BENCH_PASSPHRASE = 'bench ward passphrase';
/**
 * Scrypt work factor of the bench identity. The app's default (17) costs ~0.4 s per unlock by
 * design and does not depend on the export; a cheap one keeps `open` about the export itself.
 */
const BENCH_WORK_FACTOR = 10;

export interface Fixture {
  readonly scale: number;
  readonly seed: number;
  readonly dir: string;
  /** The demo hospital, FHIR R4 Bulk NDJSON. */
  readonly fhirDir: string;
  readonly exportFile: string;
  /** The export's plaintext payload, for the baselines. */
  readonly imageFile: string;
  /** Holds site.pub (and site.key, which the trust store ignores). */
  readonly trustDir: string;
  /** The device identity sealed with BENCH_PASSPHRASE. */
  readonly identityFile: string;
  readonly sizes: { readonly fhir: number; readonly export: number; readonly plaintext: number };
}

const layout = (dir: string, scale: number, seed: number): Omit<Fixture, 'sizes'> => ({
  scale,
  seed,
  dir,
  fhirDir: join(dir, 'fhir'),
  exportFile: join(dir, 'export.dtx'),
  imageFile: join(dir, 'export.sqlite'),
  trustDir: join(dir, 'trust'),
  identityFile: join(dir, 'device.key'),
});

const SIZES_FILE = 'sizes.json';

/** The cached fixture for this scale and seed, built first when missing or stale. */
export async function ensureFixture(
  cacheRoot: string,
  repoRoot: string,
  scale: number,
  seed: number,
  say: (line: string) => void,
): Promise<Fixture> {
  const prefix = `${scale}-${seed}-`;
  const name = `${prefix}${codeVersion(repoRoot)}`;
  const dir = join(cacheRoot, name);
  const cached = (): Fixture => ({
    ...layout(dir, scale, seed),
    sizes: JSON.parse(readFileSync(join(dir, SIZES_FILE), 'utf8')) as Fixture['sizes'],
  });
  if (existsSync(join(dir, SIZES_FILE))) return cached();
  mkdirSync(cacheRoot, { recursive: true });
  // Older builds of this scale are useless now and large: drop them.
  for (const old of readdirSync(cacheRoot).filter(
    (n) => n.startsWith(prefix) || n.startsWith(`.tmp-${prefix}`),
  )) {
    rmSync(join(cacheRoot, old), { recursive: true, force: true });
  }
  say(`building the ${scale.toLocaleString('en')}-patient fixture (cached in ${name}) …`);
  const temp = join(cacheRoot, `.tmp-${name}`);
  try {
    await build(layout(temp, scale, seed));
    renameSync(temp, dir);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return cached();
}

async function build(f: Omit<Fixture, 'sizes'>): Promise<void> {
  mkdirSync(f.trustDir, { recursive: true });
  await generateDemoHospital({ patients: f.scale, seed: f.seed, asOf: AS_OF, outDir: f.fhirDir });

  const siteKey = generateSiteKey();
  writeSiteKeyFiles(siteKey, join(f.trustDir, 'site.key'));
  const { identity, recipient } = await generateDeviceIdentity();
  writeFileSync(
    f.identityFile,
    await sealIdentity(identity, BENCH_PASSPHRASE, { workFactor: BENCH_WORK_FACTOR }),
  );
  writeFileSync(recipientPathFor(f.identityFile), `${recipient}\n`);
  const { image } = await buildImage([f.fhirDir], { asOf: AS_OF, demo: true });
  const { bytes: dtx } = await sealExport({
    image,
    sequence: 1,
    createdAt: AS_OF,
    recipients: [recipient],
    siteKey,
  });
  writeFileSync(f.exportFile, dtx);
  writeFileSync(f.imageFile, image);
  const sizes: Fixture['sizes'] = {
    fhir: folderBytes(f.fhirDir),
    export: dtx.length,
    plaintext: image.length,
  };
  writeFileSync(join(f.dir, SIZES_FILE), `${JSON.stringify(sizes)}\n`);
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}
