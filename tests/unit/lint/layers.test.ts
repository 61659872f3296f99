/**
 * The layer table of DESIGN.md §2 is enforced by lint. These cases prove each rule bites
 * (and that what a layer may import passes), by linting small sources at paths in each layer.
 */
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { coreLayers } from '../../../eslint.config.js';

// The probes are not files on disk, so type-aware parsing (and the rules needing it) is off
// here; the layer rules themselves need no types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/switch-exhaustiveness-check': 'off',
        '@typescript-eslint/no-floating-promises': 'off',
      },
    },
  ],
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it('electron/core may not import electron', async () => {
    const errors = await layerErrors(
      'electron/core/lint-probe.ts',
      "import { app } from 'electron';\nexport const name = app.getName();\n",
    );
    expect(errors.join('\n')).toMatch(/only electron\/main and electron\/preload/);
  });

  it('electron/core may import Node and its own modules', async () => {
    const errors = await layerErrors(
      'electron/core/lint-probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { ok } from './result.ts';\nexport const read = () => ok(readFileSync('x'));\n",
    );
    expect(errors).toEqual([]);
  });

  it('the CLI may not import electron', async () => {
    const errors = await layerErrors(
      'electron/cli/lint-probe.ts',
      "export { app } from 'electron';\nimport 'electron';\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('the renderer may not import Node modules', async () => {
    const errors = await layerErrors(
      'renderer/lint-probe.ts',
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const x = [readFileSync, path];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('the renderer may import core types but not core implementation', async () => {
    const typeOnly = await layerErrors(
      'renderer/lint-probe.ts',
      "import type { Chart } from '../electron/core/model.ts';\nexport type C = Chart;\n",
    );
    expect(typeOnly).toEqual([]);
    const value = await layerErrors(
      'renderer/lint-probe.ts',
      "import { ChartSchema } from '../electron/core/model.ts';\nexport const s = ChartSchema;\n",
    );
    expect(value.join('\n')).toMatch(/core \*types\* only/);
  });

  it('the preload bundles only the method list from core', async () => {
    const allowed = await layerErrors(
      'electron/preload/lint-probe.ts',
      "import { METHOD_NAMES } from '../core/api/methods.ts';\nexport const m = METHOD_NAMES;\n",
    );
    expect(allowed).toEqual([]);
    const refused = await layerErrors(
      'electron/preload/lint-probe.ts',
      "import { contract } from '../core/api/contract.ts';\nimport fs from 'node:fs';\nexport const c = [contract, fs];\n",
    );
    expect(refused).toHaveLength(2);
  });

  it('electron/common imports only zod and its own modules: no Node, Electron, npm library or upper layer', async () => {
    const allowed = await layerErrors(
      'electron/common/lint-probe.ts',
      "import { z } from 'zod';\nimport { WORDS } from './words/index.ts';\nexport const x = [z, WORDS];\n",
    );
    expect(allowed).toEqual([]);
    const refused = await layerErrors(
      'electron/common/lint-probe.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        "import { app } from 'electron';",
        "import i18next from 'i18next';",
        "import { ChartSchema } from '../core/model.ts';",
        "import { api } from '../../renderer/api.ts';",
        'export const x = [readFileSync, path, app, i18next, ChartSchema, api];',
      ].join('\n'),
    );
    expect(refused).toHaveLength(6);
  });

  it('electron/common uses no DOM or Node global', async () => {
    const [result] = await eslint.lintText(
      'export const x = () => [window.name, document.title, process.env, Buffer.from(""), fetch];\n',
      { filePath: 'electron/common/lint-probe.ts' },
    );
    const globals = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-globals');
    expect(globals).toHaveLength(5);
  });

  it('the renderer may import electron/common at run time', async () => {
    const errors = await layerErrors(
      'renderer/lint-probe.ts',
      "import { WORDS } from '../electron/common/words/index.ts';\nexport const w = WORDS;\n",
    );
    expect(errors).toEqual([]);
  });
});

/** A probe in `from` importing `spec` (a value import, and the same as `import type`). */
async function coreImportErrors(from: string, spec: string): Promise<string[]> {
  const path = from.endsWith('.ts') ? from : `${from}/lint-probe.ts`;
  const value = await layerErrors(
    `electron/core/${path}`,
    `import { x } from '${spec}';\nexport const y = x;\n`,
  );
  const type = await layerErrors(
    `electron/core/${path}`,
    `import type { X } from '${spec}';\nexport type Y = X;\n`,
  );
  expect(type.length).toBe(value.length);
  return value;
}

describe('layers inside core', () => {
  it('lists every folder of electron/core in exactly one layer', () => {
    const listed = coreLayers.flatMap((layer) => Object.keys(layer));
    const onDisk = readdirSync('electron/core', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...listed].sort()).toEqual([...new Set(listed)].sort());
    expect([...onDisk].sort()).toEqual([...listed].sort());
  });

  // Each row: a folder, an import it may make, an import it may not (the rule that bites).
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['model.ts', './errors.ts', './db/queries.ts'],
    ['crypto', '../errors.ts', '../keys/trust-store.ts'],
    ['keys', '../crypto/age.ts', '../format/dtx.ts'],
    ['format', '../keys/trust-store.ts', '../db/schema.ts'],
    ['schedule', '../model.ts', '../db/queries.ts'],
    ['db', '../schedule/expand.ts', '../fhir/import.ts'],
    ['fhir', '../db/meta.ts', '../print/render.ts'],
    ['print', '../db/queries.ts', '../api/contract.ts'],
    ['export', '../fhir/import.ts', '../store/store.ts'],
    ['store', '../format/dtx.ts', '../audit/audit-log.ts'],
    ['audit', '../store/store-index.ts', '../inbox/inbox.ts'],
    ['settings', '../store/atomic-file.ts', '../readiness/readiness.ts'],
    ['inbox', '../audit/install-audit.ts', '../api/contract.ts'],
    ['readiness', '../settings/settings.ts', '../api/contract.ts'],
    ['engine', '../print/render.ts', '../app/create-api.ts'],
    ['api', '../settings/settings.ts', '../app/create-api.ts'],
    ['app', '../engine/engine-client.ts', '../../cli/demo/generate.ts'],
  ];
  it.each(cases)('%s may import %s but not %s', async (folder, allowed, refused) => {
    expect(await coreImportErrors(folder, allowed)).toEqual([]);
    const errors = await coreImportErrors(folder, refused);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/core layer \d|core does not depend on the CLI/);
  });
});
