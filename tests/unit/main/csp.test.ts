/** The renderer's CSP is one policy: the header we send and the meta tag in index.html agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/csp.ts';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.sort().join(' ')] as const;
      }),
  );

/** Directives a meta tag cannot carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

describe('the Content Security Policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY);
  const html = readFileSync('renderer/index.html', 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

  it('is in index.html as a meta tag equal to the header (less header-only directives)', () => {
    expect(meta).toBeDefined();
    const expected = new Map([...header].filter(([name]) => !HEADER_ONLY.has(name)));
    expect(directives(meta ?? '')).toEqual(expected);
  });

  it('allows no remote origin, no inline script, no eval, no connections', () => {
    for (const [, values] of header) {
      expect(values).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    }
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('connect-src')).toBe("'none'");
    expect(header.get('default-src')).toBe("'none'");
  });
});
