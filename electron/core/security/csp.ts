/**
 * The renderer's Content Security Policy: only our own bundle runs; nothing may be fetched from
 * anywhere (the app is air-gapped by design); the PDF preview draws pages with pdf.js in a
 * worker from our own bundle. Sent as a
 * header by the app:// protocol (electron/main) and the E2E harness, and repeated in
 * renderer/index.html's meta tag (a unit test keeps the three equal).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
