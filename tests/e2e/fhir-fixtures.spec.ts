/**
 * The viewer on an export made from the public FHIR fixtures (../shared/fixtures/fhir), not
 * from our own demo generator: real-world-shaped data with partial dates, ended stays and
 * missing fields still gives a working census, search and chart, and never a blank allergy band.
 */
import { resolve } from 'node:path';
import { expect, test } from './harness.ts';
import { makeTestSite } from '../fixtures/test-site.ts';
import { chartHeader, expectAccessible, openTestSite, snap } from './viewer-steps.ts';

const FIXTURES = resolve('../shared/fixtures/fhir');
const TABS = ['Summary', 'Medications', 'Administrations', 'Plan', 'Results', 'Notes', 'Contacts'];

test('an export of the shared FHIR fixtures: census, search, every chart tab', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const site = await makeTestSite({ fhir: [FIXTURES] });
  const viewer = await openTestSite(page, site, 'fixtures.dtx');
  try {
    await expect(page.getByTestId('demo-mark')).toHaveCount(0);
    await snap(page, testInfo, 'fixtures-census');

    // Every patient of the input is findable, admitted or not.
    const wards = await viewer.app.api.listWards({});
    const admitted = (
      await Promise.all(wards.map((w) => viewer.app.api.census({ wardId: w.id })))
    ).flat();
    const patients = await viewer.app.api.search({ query: 'a', limit: 50 });
    const someone = admitted[0] ?? patients[0];
    expect(someone, 'the fixtures give at least one patient').toBeDefined();
    if (!someone) return;

    await page.getByRole('combobox', { name: 'Find a patient' }).fill(someone.mrn);
    await expect(page.getByRole('option').first()).toHaveAttribute('data-mrn', someone.mrn);
    await page.getByRole('combobox', { name: 'Find a patient' }).press('Enter');
    await expect(chartHeader(page)).toContainText(someone.mrn);
    await expect(chartHeader(page).locator('[data-allergy-state]')).not.toBeEmpty();
    // Code status is never hidden, admitted or not: with no stay it is "not documented".
    await expect(chartHeader(page).locator('[data-code-status]')).toHaveCount(1);
    await expect(chartHeader(page).locator('[data-code-status]')).not.toBeEmpty();
    for (const name of TABS) {
      await page.getByRole('tab', { name }).click();
      await expect(page.getByRole('tabpanel', { name })).not.toBeEmpty();
    }
    await page.getByRole('tab', { name: 'Results' }).click();
    await snap(page, testInfo, 'fixtures-chart-results');
    await expectAccessible(page, testInfo, 'fixtures-chart');
  } finally {
    await viewer.close();
    site.remove();
  }
});
