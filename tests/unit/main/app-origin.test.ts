/** The renderer's origin, what it may request, and which files app:// may serve. */
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppUrl, resolveAppFile } from '../../../electron/main/app-origin.ts';

describe('requests the renderer may make (the app is air-gapped)', () => {
  it.each([
    'app://downtime/index.html',
    'app://downtime/assets/index-abc.js',
    'blob:app://downtime/5b1d2c3e-0000-4000-8000-000000000000',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
  ])('allows %s', (url) => expect(isAllowedRequest(url)).toBe(true));

  it.each([
    'https://example.org/',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'file:///etc/passwd',
    'app://elsewhere/index.html',
    'ftp://x/',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedRequest(url)).toBe(false));
});

describe('files served on app://downtime', () => {
  const root = '/opt/app/out/renderer';

  it('maps paths under the renderer folder', () => {
    expect(resolveAppFile('app://downtime/', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://downtime/assets/a.js', root)).toBe(`${root}/assets/a.js`);
  });

  it('refuses anything that escapes it', () => {
    // The URL parser already folds a literal `..` at the root: it stays inside.
    expect(resolveAppFile('app://downtime/../main/index.js', root)).toBe(`${root}/main/index.js`);
    const encoded = resolveAppFile('app://downtime/%2e%2e/%2e%2e/etc/passwd', root);
    expect(encoded === null || encoded.startsWith(`${root}/`)).toBe(true);
    expect(resolveAppFile('app://downtime/..%5c..%5cwindows', root)).toBeNull();
    expect(resolveAppFile('app://downtime/a%00.js', root)).toBeNull();
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://downtime/index.html')).toBe(true);
    expect(isAppUrl('https://downtime/index.html')).toBe(false);
  });
});
