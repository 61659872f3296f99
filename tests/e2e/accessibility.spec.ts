/**
 * WCAG 2.2 AA: axe-core finds no serious or critical violation on any screen — unlock (also
 * with an error), enrolment, census, every chart tab, search results, print preview and
 * readiness — and every screen works at 200 % zoom without losing the search box or Lock.
 */
import { expect, openViewer, test } from './harness.ts';
import { demoCensus, expectAccessible, snap, unlock } from './viewer-steps.ts';

test.describe('accessibility (axe-core, WCAG 2.x AA)', () => {
  test('unlock and its error state', async ({ viewer, page }, testInfo) => {
    void viewer;
    await expectAccessible(page, testInfo, 'unlock');
    await page.getByLabel('Your name or staff ID').fill('Nurse');
    await page.getByLabel('Ward passphrase').fill('wrong');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectAccessible(page, testInfo, 'unlock-error');
  });

  test('enrolment', async ({ page }, testInfo) => {
    const viewer = await openViewer(page, { enrolled: false });
    try {
      await expect(page.getByRole('heading', { name: 'Set up this laptop' })).toBeVisible();
      await page.getByLabel('New ward passphrase').fill('short');
      await expectAccessible(page, testInfo, 'enrol');
    } finally {
      await viewer.close();
    }
  });

  test('census, search results, every chart tab, print and readiness', async ({
    viewer,
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await unlock(page);
    await expectAccessible(page, testInfo, 'census');

    await page.getByRole('combobox', { name: 'Find a patient' }).fill('lef');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectAccessible(page, testInfo, 'search');
    await page.keyboard.press('Escape');

    const { rows } = await demoCensus(viewer);
    await page.getByRole('row').nth(1).click();
    await expect(page.getByRole('heading', { level: 1, name: rows[0]?.name ?? '' })).toBeVisible();
    for (const tab of [
      'Summary',
      'Medications',
      'Administrations',
      'Plan',
      'Results',
      'Notes',
      'Contacts',
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await expectAccessible(page, testInfo, `chart-${tab.toLowerCase()}`);
    }

    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('img', { name: /^Page 1 of/ })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, testInfo, 'print');

    await page.getByRole('button', { name: 'Readiness', exact: true }).click();
    await expect(page.locator('.check').first()).toBeVisible();
    await expectAccessible(page, testInfo, 'readiness');
  });

  test('at 200 % zoom the search box, navigation and Lock stay reachable', async ({
    viewer,
    page,
  }, testInfo) => {
    void viewer;
    await page.setViewportSize({ width: 640, height: 400 });
    await unlock(page);
    for (const name of ['Census', 'Print', 'Readiness', 'Lock']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('combobox', { name: 'Find a patient' })).toBeVisible();
    await page.getByRole('row').nth(1).click();
    await expect(page.getByRole('region', { name: 'Patient identification' })).toBeVisible();
    await snap(page, testInfo, 'zoom-200-chart');
    await expectAccessible(page, testInfo, 'zoom-200-chart');
  });
});
