/** The main window follows the Electron security checklist; so does the print window. */
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, printWindowOptions } from '../../../electron/main/window-options.ts';

describe('the main window', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;

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
