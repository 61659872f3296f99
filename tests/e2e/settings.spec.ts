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
    expect((await viewer.app.api.getSettings({})).lockTimeoutSeconds).toBe(300);

    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText(
      'Saved. Changed: Lock after inactivity (seconds)',
    );
    expect((await viewer.app.api.getStatus({})).settings.lockTimeoutSeconds).toBe(600);
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

  test('edits an administration-time row, keeps it, and refuses a row with the wrong count', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const bid = page.getByLabel('2 × a day', { exact: true });
    await expect(bid).toHaveValue('08:00, 20:00');
    await bid.fill('09:00, 21:00');
    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText(
      'Saved. Changed: Standard administration times',
    );
    expect((await viewer.app.api.getSettings({})).adminTimes.perDay['2']).toEqual([
      '09:00',
      '21:00',
    ]);

    // Read back from the API, not from the form's memory.
    await page.getByRole('button', { name: 'Census', exact: true }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByLabel('2 × a day', { exact: true })).toHaveValue('09:00, 21:00');

    const tid = page.getByLabel('3 × a day', { exact: true });
    await tid.fill('08:00, 20:00');
    await tid.blur();
    await expect(tid).toHaveAttribute('aria-invalid', 'true');
    await expect(tid).toHaveAccessibleDescription(/^Times needed: 3 \(given: 2\)\./);
    const q6h = page.getByLabel('Every 6 h', { exact: true });
    await q6h.fill('0:00, 06:00, 12:00, 18:00');
    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Not saved: correct the administration times marked in red.',
    );
    await expect(tid).toBeFocused();
    await expect(q6h).toHaveAccessibleDescription(/^Write each time as HH:MM/);
    const saved = await viewer.app.api.getSettings({});
    expect(saved.adminTimes.perDay['3']).toEqual(['08:00', '14:00', '20:00']);
    expect(saved.adminTimes.everyHours['6']).toEqual(['00:00', '06:00', '12:00', '18:00']);
    await snap(page, testInfo, 'settings-admin-times-refused');
    await expectAccessible(page, testInfo, 'settings with refused administration times');
  });

  test('sets the round start times and the census barcodes, refusing a wrong time before saving', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const rounds = page.getByLabel('Round start times', { exact: true });
    await expect(rounds).toHaveValue('07:00, 15:00, 22:00');
    const barcodes = page.getByLabel(/^A barcode of the MRN on each census row/);
    await expect(barcodes).not.toBeChecked();

    await rounds.fill('06:30, 14:30, 7pm');
    await page.getByLabel('Ward passphrase (to save)').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(rounds).toBeFocused();
    await expect(rounds).toHaveAttribute('aria-invalid', 'true');
    await expect(rounds).toHaveAccessibleDescription(/^Write each time as HH:MM/);
    expect((await viewer.app.api.getSettings({})).roundStarts).toEqual(['07:00', '15:00', '22:00']);
    await snap(page, testInfo, 'settings-round-starts-refused');

    await rounds.fill('06:30, 14:30, 21:30');
    await barcodes.check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText(
      /^Saved\. Changed: (Round start times, A barcode|A barcode.*Round start times)/,
    );
    const saved = await viewer.app.api.getSettings({});
    expect(saved.roundStarts).toEqual(['06:30', '14:30', '21:30']);
    expect(saved.censusBarcodes).toBe(true);
    await expectAccessible(page, testInfo, 'settings with the print rows');
    for (const language of ['fr', 'nl', 'de']) {
      await page.locator('.language-picker select').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.locator('.print-settings').scrollIntoViewIfNeeded();
      await snap(page, testInfo, `settings-print-rows-${language}`);
    }
  });
});
