/**
 * Search: one box, reachable with Ctrl+F from anywhere; names accent- and case-insensitive, in
 * either order and by prefixes ("lef hel" finds Hélène Lefèvre-Dupont, "oeuvrard" finds
 * Œuvrard); MRN; and a barcode scanner (an MRN typed in a burst, then Enter) opening the chart.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness.ts';
import { chartHeader, demoCensus, snap, unlock } from './viewer-steps.ts';

/**
 * A keyboard-wedge scanner: the code's keys and Enter arrive microseconds apart. Dispatched in
 * the page, because keys typed through Playwright on a loaded machine can arrive 50+ ms apart,
 * which is human typing speed.
 */
async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, code);
}

const results = (page: Page) =>
  page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option');

test.describe('search', () => {
  test.beforeEach(async ({ viewer, page }) => {
    void viewer;
    await unlock(page);
  });

  test('Ctrl+F reaches the box; "lef hel" finds Hélène Lefèvre-Dupont, accents and order ignored', async ({
    page,
  }, testInfo) => {
    await page.getByRole('grid').focus();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('combobox', { name: 'Find a patient' });
    await expect(box).toBeFocused();
    await page.keyboard.type('lef hel');
    await expect(results(page).first()).toContainText(/LEFÈVRE-DUPONT, Hélène/i);
    await snap(page, testInfo, 'search-results');

    await box.fill('HELENE LEFEVRE');
    await expect(results(page).first()).toContainText(/LEFÈVRE-DUPONT, Hélène/i);
  });

  test('"oeuvrard" finds Œuvrard', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Find a patient' }).fill('oeuvrard');
    await expect(results(page).first()).toContainText(/Œuvrard/i);
  });

  test('an MRN finds its patient and Enter opens the chart', async ({ viewer, page }) => {
    const { rows } = await demoCensus(viewer);
    const patient = rows[2];
    expect(patient).toBeDefined();
    if (!patient) return;
    const box = page.getByRole('combobox', { name: 'Find a patient' });
    await box.fill(patient.mrn);
    await expect(results(page).first()).toHaveAttribute('data-mrn', patient.mrn);
    await box.press('Enter');
    await expect(chartHeader(page)).toContainText(patient.mrn);
    await expect(page.getByRole('heading', { level: 1, name: patient.name ?? '' })).toBeVisible();
  });

  test('a barcode scan (MRN in a burst, then Enter) jumps straight to the chart', async ({
    viewer,
    page,
  }) => {
    const { rows } = await demoCensus(viewer);
    const patient = rows[3];
    expect(patient).toBeDefined();
    if (!patient) return;
    await page.getByRole('grid').focus();
    await scan(page, patient.mrn);
    await expect(chartHeader(page)).toContainText(patient.mrn);
    await expect(page.getByRole('heading', { level: 1, name: patient.name ?? '' })).toBeVisible();
  });

  test('a scan into the search box opens the chart and empties the box', async ({
    viewer,
    page,
  }) => {
    const { rows } = await demoCensus(viewer);
    const patient = rows[1];
    if (!patient) throw new Error('the demo ward is empty');
    const box = page.getByRole('combobox', { name: 'Find a patient' });
    await box.focus();
    // The scanner's characters land in the box before its Enter arrives.
    await box.fill(patient.mrn);
    await scan(page, patient.mrn);
    await expect(chartHeader(page)).toContainText(patient.mrn);
    await expect(box).toHaveValue('');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  test('a scanned code with no patient says so', async ({ page }) => {
    await page.getByRole('grid').focus();
    await scan(page, 'ZZ99999999');
    await expect(page.getByRole('alert')).toContainText('Scanned code ZZ99999999');
  });
});
