/**
 * The Electron security checklist, applied once: no navigation, no new windows, no permissions,
 * no downloads, no webviews, no network. Every web contents the app ever creates passes here.
 */
import type { App, Session, WebContents } from 'electron';
import { isAllowedRequest } from './app-origin.ts';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.on('will-download', (event) => event.preventDefault());
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenAllContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
