/** The main window follows the Electron security checklist; so does the print window. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  devToolsAllowed,
  E2E_BUILD_KEY,
  isE2eBuild,
  keepsDefaultMenu,
  mainWindowOptions,
  printWindowOptions,
} from '../../../electron/main/window-options.ts';

describe('the main window', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false }).webPreferences;

  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and insecure content, webviews and drag-navigation off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads only our single-file preload', () => {
    expect(prefs?.preload).toBe('/app/out/preload/index.cjs');
  });
});

describe('the hidden print window', () => {
  const prefs = printWindowOptions().webPreferences;

  it('has no preload, no script and no Node: it only shows a PDF to the print dialog', () => {
    expect(prefs?.preload).toBeUndefined();
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });
});

// electron-builder's own YAML reader (a dependency of it), so the test reads what the builder reads.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

/** The packaged package.json each builder config produces (electron-builder's `extraMetadata`). */
function packagedPackageJson(config: string): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
  const parsed = load(readFileSync(config, 'utf8')) as { extraMetadata?: Record<string, unknown> };
  return { ...pkg, ...parsed.extraMetadata };
}

describe('DevTools and the default menu (issue 15, M3)', () => {
  const shipped = { packaged: true, packageJson: packagedPackageJson('electron-builder.yml') };
  const e2e = { packaged: true, packageJson: packagedPackageJson('electron-builder.e2e.yml') };

  it('are off in a packaged build made from the shipped configuration', () => {
    expect(isE2eBuild(shipped)).toBe(false);
    expect(devToolsAllowed(shipped)).toBe(false);
    expect(keepsDefaultMenu(shipped)).toBe(false);
    expect(
      mainWindowOptions('/p', { devTools: devToolsAllowed(shipped) }).webPreferences,
    ).toMatchObject({
      devTools: false,
    });
  });

  it('are on only in the explicit e2e build, marked in its packaged package.json', () => {
    expect(e2e.packageJson[E2E_BUILD_KEY]).toBe(true);
    expect(devToolsAllowed(e2e)).toBe(true);
    expect(keepsDefaultMenu(e2e)).toBe(true);
  });

  it('cannot be turned on by an environment variable or a look-alike value', () => {
    process.env['DOWNTIME_DEVTOOLS'] = '1';
    try {
      expect(devToolsAllowed(shipped)).toBe(false);
      expect(devToolsAllowed({ packaged: true, packageJson: { [E2E_BUILD_KEY]: 'true' } })).toBe(
        false,
      );
      expect(devToolsAllowed({ packaged: true, packageJson: null })).toBe(false);
    } finally {
      delete process.env['DOWNTIME_DEVTOOLS'];
    }
  });

  it('stay available in a developer checkout (not packaged)', () => {
    expect(devToolsAllowed({ packaged: false, packageJson: null })).toBe(true);
  });

  it('are wired that way in main: window options and the menu come from the build facts', () => {
    const main = readFileSync('electron/main/index.ts', 'utf8');
    expect(main).toMatch(/devTools: devToolsAllowed\(build\)/);
    expect(main).toMatch(/if \(!keepsDefaultMenu\(build\)\) Menu\.setApplicationMenu\(null\)/);
    expect(main).not.toMatch(/process\.env/);
  });
});
