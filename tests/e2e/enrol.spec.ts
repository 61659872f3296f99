/**
 * First run: no device key. The ward passphrase is set twice with a strength hint; the device
 * code (age1…) is shown as text and as a QR image for IT.
 */
import { expect, test } from './harness.ts';
import { snap } from './viewer-steps.ts';

test.use({ viewerOptions: { enrolled: false } });

test.describe('enrolment', () => {
  test('sets the ward passphrase twice and shows the device code as text and QR', async ({
    viewer,
    page,
  }, testInfo) => {
    await expect(page.getByRole('heading', { name: 'Set up this laptop' })).toBeVisible();
    const submit = page.getByRole('button', { name: 'Create the device key' });
    await page.getByLabel('New ward passphrase').fill('short');
    await expect(page.getByText('Too short: use at least 10 characters.')).toBeVisible();
    await expect(submit).toBeDisabled();

    await page.getByLabel('New ward passphrase').fill('night shift ward three blue');
    await expect(page.getByText('Strong passphrase.')).toBeVisible();
    await page.getByLabel('Repeat the ward passphrase').fill('night shift ward three');
    await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
    await expect(submit).toBeDisabled();
    await page.getByLabel('Repeat the ward passphrase').fill('night shift ward three blue');
    await snap(page, testInfo, 'enrol');
    await submit.click();

    await expect(page.getByRole('heading', { name: 'Send this device code to IT' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByTestId('recipient')).toHaveValue(/^age1[0-9a-z]+$/);
    const qr = page.getByRole('img', { name: 'QR code of the device code' });
    await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await snap(page, testInfo, 'enrol-done');

    await page.getByRole('button', { name: 'Continue to unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock the downtime copy' })).toBeVisible();
    expect((await viewer.app.api.getStatus({})).identity).toBe('present');
  });
});
