/**
 * The cache key part that changes whenever the code that shapes an export changes: a hash of
 * the sources of the demo generator, the importer (and the schedules it describes), the
 * database schema, the export pipeline, the file format and keys, the shared model, and the locked dependency versions. A stale cached export would
 * otherwise measure yesterday's code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SHAPING_SOURCES = [
  'electron/core/demo',
  'electron/core/fhir',
  'electron/core/db',
  'electron/core/format',
  'electron/core/keys',
  'electron/core/schedule',
  'electron/core/export',
  'electron/core/model.ts',
  'package-lock.json',
  'tests/bench/fixture.ts',
];

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true, recursive: true });
  } catch {
    return [path]; // a file (or absent: hashed as absent below)
  }
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** 12 hex digits identifying the export-shaping code in the checkout at `root`. */
export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  const files = SHAPING_SOURCES.flatMap((p) => filesUnder(join(root, p))).sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(absent)');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
