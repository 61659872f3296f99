/**
 * `bin/downtime.js` on too old a Node: one line naming the Node it needs, exit 1, before
 * anything native is loaded (better-sqlite3 for Node 22 crashes an older Node with no word).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } })
  .engines.node;

/** Runs the launcher with `process.versions.node` made to read `version`. */
function launchAs(version: string) {
  const fake = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
  return spawnSync(process.execPath, ['--import', fake, 'bin/downtime.js', '--version'], {
    encoding: 'utf8',
  });
}

describe('the Node version check of bin/downtime.js', () => {
  test('package.json asks for Node 22.12 and npm refuses other engines', () => {
    expect(engines).toBe('>=22.12');
    expect(readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  test.each(['20.20.2', '22.11.0', '18.19.1'])(
    'Node %s is refused with the version it needs',
    (v) => {
      const r = launchAs(v);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `downtime: needs Node.js 22.12 or newer (this is Node ${v}); install Node.js 22 LTS (nodejs.org, or your system's nodejs 22 package) and run downtime with it.\n`,
      );
    },
  );

  test.each(['22.12.0', '24.1.0'])('Node %s goes on to the command', (v) => {
    const r = launchAs(v);
    // Built: prints the version; not built yet: says so. Never the version refusal.
    expect(r.stderr).not.toMatch(/needs Node/);
    expect(r.status === 0 || /not built yet/.test(r.stderr)).toBe(true);
  });
});
