/**
 * Lock: the Lock button, and the idle timer from settings, both return to Unlock and drop every
 * patient datum from the page.
 */
import { expect, openViewer, test } from './harness.ts';
import { demoCensus, snap, unlock } from './viewer-steps.ts';

test.describe('lock', () => {
  test('the Lock button returns to Unlock and leaves no patient on the page', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    const { rows } = await demoCensus(viewer);
    const patient = rows[0];
    if (!patient) throw new Error('the demo ward is empty');
    await page.getByRole('row').nth(1).click();
    await expect(page.getByRole('heading', { level: 1, name: patient.name ?? '' })).toBeVisible();

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Unlock the downtime copy' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(patient.name ?? '');
    await expect(page.locator('body')).not.toContainText(patient.mrn);
    expect((await viewer.app.api.getStatus({})).unlocked).toBe(false);
    await snap(page, testInfo, 'locked');
  });

  test('locks by itself after the idle time in settings, not before', async ({ page }) => {
    // The page's clock is Playwright's, so 30 idle seconds pass without waiting for them.
    await page.clock.install();
    const viewer = await openViewer(page, { settings: { lockTimeoutSeconds: 30 } });
    try {
      await unlock(page);
      const { rows } = await demoCensus(viewer);
      await page.clock.runFor(20_000);
      await expect(page.getByRole('grid')).toBeVisible();

      await page.mouse.move(20, 20);
      await page.clock.runFor(25_000);
      await expect(page.getByRole('grid')).toBeVisible();

      await page.clock.runFor(10_000);
      await expect(page.getByRole('heading', { name: 'Unlock the downtime copy' })).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: 'not used for a while' }),
      ).toBeVisible();
      await expect(page.locator('body')).not.toContainText(rows[0]?.name ?? '');
      expect((await viewer.app.api.getStatus({})).unlocked).toBe(false);
    } finally {
      await viewer.close();
    }
  });
});
