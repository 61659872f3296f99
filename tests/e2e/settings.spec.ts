/**
 * Settings (IT): read while unlocked, saved only with the ward passphrase again, validated by
 * the API with the wrong field named; a saved lock timeout takes effect at once.
 */
import { DEMO_PASSPHRASE, expect, test } from './harness.ts';
import { expectAccessible, snap, unlock } from './viewer-steps.ts';

test.describe('settings', () => {
  test('changes the lock timeout with the ward passphrase, and only with it', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Settings (IT)', level: 1 })).toBeVisible();
    const timeout = page.getByLabel('Lock after inactivity (seconds)');
    await expect(timeout).toHaveValue('300');
    await snap(page, testInfo, 'settings');
    await expectAccessible(page, testInfo, 'settings');

    await timeout.fill('600');
    await page.getByLabel('Ward passphrase (to save)').fill('not the passphrase');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'wrong-passphrase');
    expect((await viewer.app.core.api.getSettings({})).lockTimeoutSeconds).toBe(300);

    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText(
      'Saved. Changed: Lock after inactivity (seconds)',
    );
    expect((await viewer.app.core.api.getStatus({})).settings.lockTimeoutSeconds).toBe(600);
  });

  test('a value the API refuses is reported with the field it names', async ({ viewer, page }) => {
    void viewer;
    await unlock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Data age shown red from (hours)').fill('1');
    await page.getByLabel('Data age shown amber from (hours)').fill('4');
    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'invalid-argument');
    await expect(alert).toContainText('A value is not valid');
    await expect(alert.locator('.technical')).toContainText('staleRedHours');
  });
});
