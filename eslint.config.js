// @ts-check
/**
 * Lint, and the layer table of DESIGN.md §2 as rules: code may only import what its layer may
 * run. A test (tests/unit/lint/layers.test.ts) proves each rule bites.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electronModule = {
  // The package only: a relative path through the electron/ folder is not the Electron module.
  regex: '^electron(/|$)',
  message:
    'electron/core, the CLI and the renderer run without Electron: only electron/main and electron/preload may import it.',
};
const mainOrPreload = {
  group: ['**/electron/main/**', '**/main/*.ts', '**/preload/**'],
  message: 'Only Electron code may reach electron/main or electron/preload.',
};
const rendererCode = {
  group: ['**/renderer/**'],
  message: 'The renderer is reached only through window.downtime.',
};

const coreOuter = [
  electronModule,
  mainOrPreload,
  rendererCode,
  { group: ['**/cli/**'], message: 'core does not depend on the CLI.' },
];

/**
 * The layers inside electron/core, bottom first. Layer 0 is base (the files at core's root and
 * `crypto/`). A folder may import every lower layer, and of its own layer only the siblings listed.
 * @type {ReadonlyArray<Readonly<Record<string, readonly string[]>>>}
 */
export const coreLayers = [
  { crypto: [], security: [] },
  { keys: [], format: ['keys'] },
  {
    schedule: [],
    db: ['schedule'],
    fhir: ['db', 'schedule'],
    print: ['db', 'schedule'],
    export: ['db', 'fhir'],
  },
  {
    store: [],
    audit: ['store'],
    settings: ['store'],
    inbox: ['store', 'audit'],
    readiness: ['store', 'settings'],
    registrations: ['audit'],
  },
  { engine: [] },
  { api: [], app: ['api'] },
];

/** One config block per core folder (and one for core's root files) forbidding what is above it. */
function coreLayerRules() {
  /** @param {string} folder */
  const layerOf = (folder) => coreLayers.findIndex((layer) => folder in layer);
  const folders = coreLayers.flatMap((layer) => Object.keys(layer));
  /** @param {string} who @param {string[]} names @param {number} layer */
  const forbid = (who, names, layer) => ({
    regex: `^\\.{1,2}/(?:\\.\\./)*(?:core/)?(?:${names.join('|')})/`,
    message: `${who} is in core layer ${layer} (README "Layers inside core"): it may import base, lower layers and the siblings listed there — not ${names.join(', ')}.`,
  });
  const blocks = coreLayers.flatMap((layer, n) =>
    Object.entries(layer).map(([folder, siblings]) => {
      const notBelow = folders.filter(
        (other) =>
          other !== folder &&
          (layerOf(other) > n || (layerOf(other) === n && !siblings.includes(other))),
      );
      return {
        files: [`electron/core/${folder}/**`],
        rules: restrict([...coreOuter, forbid(`core/${folder}`, notBelow, n)]),
      };
    }),
  );
  const base = {
    files: ['electron/core/*.ts'],
    rules: restrict([
      ...coreOuter,
      forbid(
        'core base',
        folders.filter((f) => layerOf(f) > 0),
        0,
      ),
    ]),
  };
  return [...blocks, base];
}

/** @param {object[]} patterns @param {string[]} [paths] */
const restrict = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns, paths: paths.map((name) => ({ name, message: 'Not available in this layer.' })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'resources/',
      'test-results/',
      'playwright-report/',
      'tests/bench/.cache/',
      'bin/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['*.js', '*.config.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  // ── The layer table ──────────────────────────────────────────────────────────────────────
  {
    files: ['electron/core/**'],
    rules: restrict(coreOuter),
  },
  // Layers inside core (README "Layers inside core"): each folder imports base, the layers below
  // its own, and only the siblings `coreLayers` names — so no two core folders import each other.
  ...coreLayerRules(),
  {
    // Runs anywhere (Node, worker, renderer): pure TypeScript and zod, no Node, DOM or Electron,
    // and none of the layers above it.
    files: ['electron/common/**'],
    rules: {
      ...restrict([
        {
          regex: '^(?!zod$|\\.)',
          message: 'electron/common runs anywhere: it may import only zod and its own modules.',
        },
        {
          group: ['**/core/**', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
          message:
            'electron/common is imported by core, the CLI and the renderer, never the reverse.',
        },
      ]),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch']
          .concat(['XMLHttpRequest', 'process', 'Buffer', 'require', '__dirname'])
          .map((name) => ({ name, message: 'electron/common uses no Node or DOM API.' })),
      ],
    },
  },
  {
    files: ['electron/cli/**'],
    rules: restrict([electronModule, mainOrPreload, rendererCode]),
  },
  {
    files: ['electron/main/**'],
    rules: restrict([
      rendererCode,
      {
        group: ['**/preload/**', '**/cli/**'],
        message: 'main does not import the preload or the CLI.',
      },
    ]),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict(
      [
        rendererCode,
        {
          regex: '(^|/)core/(?!api/methods\\.ts$)',
          allowTypeImports: true,
          message:
            'The sandboxed preload bundles only the method list (core/api/methods.ts) and types.',
        },
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [
        electronModule,
        mainOrPreload,
        {
          regex: '(^|/)electron/(?!common/)',
          allowTypeImports: true,
          message:
            'The renderer imports core *types* only (import type); data comes through window.downtime. Code that runs anywhere lives in electron/common.',
        },
        {
          group: ['better-sqlite3', 'pdfkit', 'age-encryption', 'bwip-js', 'electron-log'],
          message: 'Node-side library: not in the renderer.',
        },
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
