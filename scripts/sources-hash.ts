/**
 * A hash of the code that shapes an export (the demo generator, the importer, the schema, the
 * export pipeline, the format and keys, the model, the locked dependencies), so a cached demo
 * or bench export is rebuilt whenever that code changes. Used by scripts/make-demo.ts and the
 * bench fixtures.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
