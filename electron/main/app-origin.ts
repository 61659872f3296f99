/**
 * Where the renderer comes from and what it may load: our own `app://downtime` origin, `blob:`
 * PDFs it made itself, `data:` images (QR codes). Everything else — http(s), file, ws, ftp — is
 * refused: the app is air-gapped by design. Pure functions, unit-tested.
 */
import { extname, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'downtime';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Requests the renderer's session may make; every other one is cancelled. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (url.startsWith('data:')) return true;
  // Chromium's built-in PDF viewer (the hidden print window) is an internal extension; no
  // other extension is ever loaded. And DevTools' own pages, when a developer opens them.
  return url.startsWith('chrome-extension://') || url.startsWith('devtools://');
}

/**
 * The file under `root` that an app:// URL names, or null when it would escape `root`
 * (`..`, encoded separators, absolute paths) or is not an app:// URL.
 */
export function resolveAppFile(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const resolved = normalize(`${root}${sep}${relative}`);
  const base = normalize(root.endsWith(sep) ? root : `${root}${sep}`);
  return resolved.startsWith(base) ? resolved : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** The content type of a renderer file (strict MIME checking needs the right one for modules). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}
