/**
 * `npm run build`'s last step: a CycloneDX SBOM of the production dependencies at
 * out/sbom.cdx.json, from npm's own `npm sbom` (it reads the installed tree and the lockfile:
 * no network). npm names the root component after the checkout's folder, so the package's own
 * name is put back: the SBOM describes Downtime Viewer, wherever it was built.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out', 'sbom.cdx.json');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const args = ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--omit', 'dev'];
// Run by npm: the same npm, on any OS. By hand: the npm on PATH.
const npmCli = process.env['npm_execpath'];
const text = npmCli
  ? execFileSync(process.execPath, [npmCli, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
  : execFileSync('npm', args, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      shell: process.platform === 'win32',
    });
const sbom = JSON.parse(text) as {
  metadata: { component: { name: string; version: string } };
  components: unknown[];
};
sbom.metadata.component.name = pkg.name;
sbom.metadata.component.version = pkg.version;
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(sbom, null, 2)}\n`);
console.log(`sbom: wrote out/sbom.cdx.json (${sbom.components.length} production components)`);
