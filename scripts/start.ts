/**
 * `npm start` after the build: opens the app with electron-vite's preview when the Electron
 * binary is installed. The `electron` package downloads that binary from GitHub when it is
 * installed; where GitHub is unreachable it is missing, and instead of electron-vite's bare
 * "Electron uninstall" this says what is missing, why, and how to install it offline.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
  version: string;
};

/** The binary the `electron` package would run, or null when it was never unpacked. */
function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  if (override) return join(override, executable ?? 'electron');
  if (executable === null) return null;
  const full = join(electronDir, 'dist', executable);
  return existsSync(full) ? full : null;
}

/** The cache root @electron/get reads before it goes to the network (env-paths' cache folder). */
function cacheRoot(): string {
  if (process.env['electron_config_cache']) return process.env['electron_config_cache'];
  if (process.platform === 'win32')
    return join(
      process.env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'),
      'electron',
      'Cache',
    );
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'electron');
}

/**
 * Where @electron/get looks for the release zip: a folder named by the SHA-256 of the release's
 * download folder URL, under the cache root (its Cache.getCacheDirectory).
 */
function cacheFolder(): string {
  const releaseUrl = `https://github.com/electron/electron/releases/download/v${version}`;
  return join(cacheRoot(), createHash('sha256').update(releaseUrl).digest('hex'));
}

function missingMessage(): string {
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  return `npm start: the Electron ${version} binary is not installed, so the window cannot open.

The build and the demo export are ready (out/, resources/demo/). The \`electron\` npm package
downloads its binary from GitHub when it is installed; this machine could not reach GitHub
then (or npm ran with --ignore-scripts). To install it offline, one of:

  1. Copy ${zip} (from https://github.com/electron/electron/releases/tag/v${version},
     or your internal mirror) into
       ${cacheFolder()}
     (the cache root can be moved with electron_config_cache), then run
       node node_modules/electron/install.js
     The zip is checked against node_modules/electron/checksums.json.
  2. Set ELECTRON_MIRROR to an internal mirror of the Electron releases (for example
     ELECTRON_MIRROR=https://mirror.example.org/electron/), then run
       node node_modules/electron/install.js
  3. Set ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron ${version}.

Without it everything but the window still works: the \`downtime\` command (npx downtime --help)
and the E2E suite in Chromium (npm run test:e2e).`;
}

if (electronBinary() === null) {
  process.stderr.write(`${missingMessage()}\n`);
  process.exit(1);
}
const preview = spawnSync(
  process.execPath,
  [require.resolve('electron-vite/bin/electron-vite.js'), 'preview', '--skipBuild'],
  { stdio: 'inherit' },
);
process.exit(preview.status ?? 1);
