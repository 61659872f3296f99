/**
 * Readiness: one green/amber/red line per check, reachable before unlocking, and (unlocked)
 * IT's export of the access log.
 */
import { expect, test } from './harness.ts';
import { snap, unlock } from './viewer-steps.ts';

test.describe('readiness', () => {
  test('shows a coloured line per check from the unlock screen', async ({
    viewer,
    page,
  }, testInfo) => {
    await page.getByRole('button', { name: 'Readiness check' }).click();
    await expect(page.getByRole('heading', { name: 'Readiness check', level: 1 })).toBeVisible();
    const checks = await viewer.app.api.readiness({});
    const lines = page.locator('.check');
    await expect(lines).toHaveCount(checks.length);
    for (const check of checks) {
      await expect(page.locator(`[data-check="${check.id}"]`)).toHaveAttribute(
        'data-level',
        check.level,
      );
    }
    await expect(page.locator('[data-check="data-age"]')).toContainText('Age of the data');
    await snap(page, testInfo, 'readiness');

    await expect(page.getByRole('button', { name: 'Export the access log (IT)' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock the downtime copy' })).toBeVisible();
  });

  test('is in the navigation once unlocked, where IT exports the access log', async ({
    viewer,
    page,
  }) => {
    await unlock(page);
    await page.getByRole('button', { name: 'Readiness', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Readiness check', level: 1 })).toBeVisible();
    await expect(page.locator('.check').first()).toBeVisible();
    await page.getByRole('button', { name: 'Export the access log (IT)' }).click();
    await expect(page.getByText('Access log saved to')).toBeVisible();
    expect(viewer.saved).toHaveLength(1);
  });
});
