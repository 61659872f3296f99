#!/usr/bin/env node
// The `downtime` command for hospital IT. Built by `npm run build` into out/main/cli.js.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Before anything native loads: better-sqlite3 built for Node 22 dies on an older Node with a
// segmentation fault and no message. The minimum is package.json's "engines" (">=22.12").
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
const [major, minor] = process.versions.node.split('.').map(Number);
if (
  needed &&
  (major < Number(needed[1]) || (major === Number(needed[1]) && minor < Number(needed[2])))
) {
  process.stderr.write(
    `downtime: needs Node.js ${needed[1]}.${needed[2]} or newer (this is Node ${process.versions.node}); ` +
      `install Node.js ${needed[1]} LTS (nodejs.org, or your system's nodejs ${needed[1]} package) and run downtime with it.\n`,
  );
  process.exit(1);
}

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('downtime: not built yet — run `npm run build` in the checkout first.\n');
  process.exit(1);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
