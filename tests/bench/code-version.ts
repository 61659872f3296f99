/**
 * The cache key part that changes whenever the code that shapes an export changes (or this
 * fixture builder does): a stale cached export would otherwise measure yesterday's code.
 */
import { EXPORT_SHAPING_SOURCES, sourcesHash } from '../../scripts/sources-hash.ts';

/** 12 hex digits identifying the export-shaping code in the checkout at `root`. */
export function codeVersion(root: string): string {
  return sourcesHash(root, [...EXPORT_SHAPING_SOURCES, 'tests/bench/fixture.ts']).slice(0, 12);
}
