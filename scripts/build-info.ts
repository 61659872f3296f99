/**
 * What a build is: the app version (package.json) and the commit it was built from. Baked into
 * every bundle by electron-vite's `define` (and vitest's, for the tests), because a ward laptop
 * has neither the checkout nor git. Outside a git checkout (a source tarball) the commit is
 * `DOWNTIME_COMMIT` when the release job sets it, else "unknown" — never a guess.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildInfo {
  readonly version: string;
  readonly commit: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function gitCommit(root: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const commit = git('rev-parse', '--short=12', 'HEAD');
    // Tracked files changed since that commit: say so, the build is not that commit.
    return git('status', '--porcelain', '--untracked-files=no') === ''
      ? commit
      : `${commit}-modified`;
  } catch {
    return 'unknown';
  }
}

export function readBuildInfo(root = ROOT): BuildInfo {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { version: pkg.version, commit: process.env['DOWNTIME_COMMIT'] ?? gitCommit(root) };
}

/** The `define` entry every bundle (and the unit tests) gets: read by electron/core/version.ts. */
export function buildInfoDefine(): Record<string, string> {
  return { __DOWNTIME_BUILD__: JSON.stringify(readBuildInfo()) };
}
