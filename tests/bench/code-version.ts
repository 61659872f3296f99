/**
 * The cache key part that changes whenever the code that shapes an export changes (or this
 * fixture builder does): a stale cached export would otherwise measure yesterday's code.
 * It follows what the fixture builder loads at run time (the demo generator, the importer, the
 * schema and writers, the pipeline, the format and keys) and the locked dependencies — not the
 * screens' queries, whose changes are what the bench is run to measure.
 */
import { importClosure, sourcesHash } from '../../scripts/sources-hash.ts';

/** The files whose content keys the fixtures, relative to the checkout at `root`. */
export function fixtureSources(root: string): string[] {
  return [...importClosure(root, ['tests/bench/fixture.ts']), 'package-lock.json'];
}

/** 12 hex digits identifying the export-shaping code in the checkout at `root`. */
export function codeVersion(root: string): string {
  return sourcesHash(root, fixtureSources(root)).slice(0, 12);
}
