/**
 * The settings of every window we open, in one pure function so a unit test can hold them to
 * the Electron security checklist without starting Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The key `electron-builder.e2e.yml` writes into the packaged package.json (`extraMetadata`):
 * the one build Playwright drives, never distributed.
 */
export const E2E_BUILD_KEY = 'downtimeE2eBuild';

export interface BuildFacts {
  /** `app.isPackaged`. */
  readonly packaged: boolean;
  /** The app's package.json as packaged (parsed), or null when unreadable. */
  readonly packageJson: unknown;
}

/**
 * Whether this build is the explicit e2e build. Read from the packaged package.json, not from
 * an environment variable or argument a user could set on a ward laptop.
 */
export function isE2eBuild(facts: BuildFacts): boolean {
  const pkg = facts.packageJson;
  return (
    facts.packaged &&
    typeof pkg === 'object' &&
    pkg !== null &&
    (pkg as Record<string, unknown>)[E2E_BUILD_KEY] === true
  );
}

/**
 * DevTools let anyone at the keyboard script `window.downtime` (issue 15, M3): a packaged
 * build has none, except the e2e build; a developer's checkout (not packaged) keeps them.
 */
export function devToolsAllowed(facts: BuildFacts): boolean {
  return !facts.packaged || isE2eBuild(facts);
}

/** The default menu carries Toggle DevTools and Reload: a packaged build shows none. */
export function keepsDefaultMenu(facts: BuildFacts): boolean {
  return devToolsAllowed(facts);
}

export function mainWindowOptions(
  preloadPath: string,
  options: { readonly devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Downtime Viewer',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

/** The hidden window that shows a PDF to the system print dialog: no preload, no API at all. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      plugins: true, // Chromium's PDF viewer is a plugin
    },
  };
}
