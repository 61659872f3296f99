/**
 * A hash of the code that shapes an export (the demo generator, the importer, the schema, the
 * export pipeline, the format and keys, the model, the locked dependencies), so a cached demo
 * or bench export is rebuilt whenever that code changes. scripts/make-demo.ts hashes the folders
 * below; the bench fixtures hash what their builder loads (`importClosure`), so a change to a
 * screen's query does not rebuild a 30,000-patient fixture.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const EXPORT_SHAPING_SOURCES: readonly string[] = [
  'electron/cli/demo',
  'electron/core/fhir',
  'electron/core/db',
  'electron/core/crypto',
  'electron/core/format',
  'electron/core/keys',
  'electron/core/schedule',
  'electron/core/export',
  'electron/core/model.ts',
  'electron/core/schema-version.ts',
  'package-lock.json',
];

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** SHA-256 (hex) of the named files and folders under `root`, with their relative paths. */
export function sourcesHash(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => filesUnder(root, p))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Module specifiers a TypeScript file loads at run time: static imports and re-exports (but not
 * `import type` / `export type`, which are erased), side-effect imports, dynamic `import()` and
 * `new URL(…, import.meta.url)` (workers, assets).
 */
const LOADS = [
  /\b(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*()['"]([^'"]+)['"]/g,
  /\bimport\s+()['"]([^'"]+)['"]/g,
  /\bnew\s+URL\(\s*()['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
];

function loadedSpecifiers(source: string): string[] {
  return LOADS.flatMap((pattern) =>
    [...source.matchAll(pattern)].filter((m) => !m[1]).map((m) => m[2] ?? ''),
  );
}

/**
 * The files under `root` that the `entries` load at run time, themselves included, following
 * relative specifiers only (packages are pinned by package-lock.json), as sorted paths relative
 * to `root`. A relative specifier that names no file is an error, so the closure never silently
 * misses a module.
 */
export function importClosure(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => join(root, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const specifier of loadedSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = join(dirname(file), specifier);
      if (!existsSync(target)) {
        throw new Error(`${relative(root, file)} loads '${specifier}', which is not a file`);
      }
      pending.push(target);
    }
  }
  return [...seen].map((file) => relative(root, file)).sort();
}
