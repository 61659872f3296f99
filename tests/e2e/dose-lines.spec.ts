/**
 * The chart's Medications on an order of several dose lines (after the HL7 Belgium example
 * `example-02-hukyndra`: 80 mg in week 1, 40 mg in week 2, then 40 mg every 2 weeks): each line
 * on its own row, dose · rhythm · its step's days, as the MAR prints it — never two joined lists.
 */
import { expect, test } from './harness.ts';
import { makeTestSite } from '../fixtures/test-site.ts';
import { adalimumabLoading, smallHospital, writeBundle } from '../unit/fhir/small-hospital.ts';
import { chartHeader, openTestSite, snap } from './viewer-steps.ts';

const DAY_MS = 86_400_000;

test('an order of several dose lines lists each line with its own rhythm on the chart', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Started ten days ago (the export is pictured now): step 2 is this week's.
  const start = new Date(Date.now() - 10 * DAY_MS).toISOString().slice(0, 10);
  const loading = adalimumabLoading({ start });
  const bundle = writeBundle(smallHospital([loading]));
  const site = await makeTestSite({ fhir: [bundle.file] });
  const viewer = await openTestSite(page, site, 'dose-lines.dtx');
  try {
    await page.getByRole('combobox', { name: 'Find a patient' }).fill('MRN0005');
    await expect(page.getByRole('option').first()).toHaveAttribute('data-mrn', 'MRN0005');
    await page.getByRole('combobox', { name: 'Find a patient' }).press('Enter');
    await expect(chartHeader(page)).toContainText('MRN0005');
    await page.getByRole('tab', { name: 'Medications' }).click();
    const row = page.getByRole('row', { name: /Hukyndra/ });
    const lines = row.locator('.dose-lines li');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toContainText(/^80 mg · frequency not given · from .+ to .+$/);
    await expect(lines.nth(1)).toContainText(/^40 mg · frequency not given · from .+ to .+$/);
    await expect(lines.nth(2)).toContainText(/^40 mg · every 2 weeks · from .+$/);
    await expect(row).toContainText('per dose line');
    await expect(row).not.toContainText('80 mg / 40 mg');
    // Why it is not scheduled: which line, and what it lacks.
    await expect(row).toContainText('dose line 1');
    await snap(page, testInfo, 'dose-lines-chart-medications');
  } finally {
    await viewer.close();
    site.remove();
    bundle.cleanup();
  }
});
