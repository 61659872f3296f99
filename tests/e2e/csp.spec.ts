/**
 * The renderer runs under its strict Content Security Policy (the same header the app://
 * protocol sends) without a single violation: no inline script or style, no eval, no fetch —
 * through unlock, census, a chart and the pdf.js print preview.
 */
import { expect, test } from './harness.ts';
import { unlock } from './viewer-steps.ts';

test('a whole session raises no Content Security Policy violation', async ({
  viewer: _viewer,
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await unlock(page);
  await page.getByRole('gridcell').first().click();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ })).toHaveAttribute(
    'data-rendered',
    'true',
    { timeout: 30_000 },
  );
  const violations = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  );
  expect(violations).toEqual([]);
});
