import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importClosure } from '../../../scripts/sources-hash.ts';
import { fixtureSources } from '../../bench/code-version.ts';

const REPO = join(import.meta.dirname, '../../..');

describe('the bench fixture key', () => {
  const sources = fixtureSources(REPO);

  it('follows the code that shapes an export', () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        'electron/cli/demo/generate.ts',
        'electron/core/fhir/import.ts',
        'electron/core/fhir/write-rows.ts',
        'electron/core/db/schema.ts',
        'electron/core/db/columns.ts',
        'electron/core/db/export-facts.ts',
        'electron/core/export/pipeline.ts',
        'electron/core/format/dtx.ts',
        'electron/core/keys/device-identity.ts',
        'electron/core/model.ts',
        'tests/bench/fixture.ts',
        'package-lock.json',
      ]),
    );
  });

  it('leaves out the screens’ queries, so changing one does not rebuild the fixtures', () => {
    for (const query of [
      'electron/core/db/queries.ts',
      'electron/core/db/chart.ts',
      'electron/core/db/search-query.ts',
      'electron/core/api/methods.ts',
    ]) {
      expect(sources).not.toContain(query);
    }
  });
});

describe('importClosure', () => {
  let root = '';
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('follows run-time imports of every form, not type-only ones nor packages', () => {
    root = mkdtempSync(join(tmpdir(), 'closure-'));
    write(
      'src/entry.ts',
      [
        "import { z } from 'zod';",
        "import {\n  a,\n  type B,\n} from './lib/a.ts';",
        "import type { T } from './types.ts';",
        "export type { U } from './more-types.ts';",
        "export { c } from './c.ts';",
        "import './side-effect.ts';",
        "const lazy = () => import('./lazy.ts');",
        "const worker = new URL('./worker.ts', import.meta.url);",
        "export const label = 'not a module';",
      ].join('\n'),
    );
    write('src/lib/a.ts', "import { d } from '../d.ts';\nexport const a = d;");
    for (const file of ['types', 'more-types', 'c', 'side-effect', 'lazy', 'worker', 'd']) {
      write(`src/${file}.ts`, 'export {};');
    }
    expect(importClosure(root, ['src/entry.ts'])).toEqual([
      'src/c.ts',
      'src/d.ts',
      'src/entry.ts',
      'src/lazy.ts',
      'src/lib/a.ts',
      'src/side-effect.ts',
      'src/worker.ts',
    ]);
  });

  it('refuses an import it cannot find, rather than keying on less than is loaded', () => {
    root = mkdtempSync(join(tmpdir(), 'closure-'));
    write('entry.ts', "import { x } from './missing.ts';");
    expect(() => importClosure(root, ['entry.ts'])).toThrow(/entry\.ts loads '\.\/missing\.ts'/);
  });
});
