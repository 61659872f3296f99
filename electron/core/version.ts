/**
 * Which build this is, as `downtime --version` and the readiness screen show it: the app
 * version and commit (baked in at build time, see scripts/build-info.ts), and the export file
 * format and data schema it reads and writes — what IT needs to tell whether a laptop and an
 * export server agree.
 */
import { SCHEMA_VERSION } from './schema-version.ts';
import { MANIFEST_FORMAT } from './model.ts';

declare const __DOWNTIME_BUILD__: { version: string; commit: string } | undefined;

export interface VersionInfo {
  readonly app: string;
  readonly commit: string;
  readonly exportFormat: number;
  readonly schema: number;
}

export function versionInfo(): VersionInfo {
  // Unbundled code run straight from the sources (a script) has no build: say so, in a form
  // that reads the same in every language (the readiness screen shows it as it is).
  const build =
    typeof __DOWNTIME_BUILD__ === 'undefined'
      ? { version: '0.0.0-dev', commit: '–' }
      : __DOWNTIME_BUILD__;
  return {
    app: build.version,
    commit: build.commit,
    exportFormat: MANIFEST_FORMAT,
    schema: SCHEMA_VERSION,
  };
}

/** The same four facts in the same order everywhere, language-free: `0.1.0 · 3c845d3 · 1 · 1`. */
export const versionFacts = (v: VersionInfo): string =>
  [v.app, v.commit, v.exportFormat, v.schema].join(' · ');
