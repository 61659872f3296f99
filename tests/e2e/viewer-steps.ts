/**
 * Steps the viewer specs share: unlock through the UI, keep a screenshot of a screen as a test
 * artifact, run axe-core on it, and look up demo patients through the real API (after an
 * unlock the harness's API holds the same session as the page).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { CensusRow, Ward } from '../../electron/core/model.ts';
import { SITE_PASSPHRASE, type TestSite } from '../fixtures/test-site.ts';
import { DEMO_PASSPHRASE, openViewer, type Viewer } from './harness.ts';

export const NURSE = 'Nurse Test';

/** Fills the unlock form (English labels) and waits for the census. */
export async function unlock(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.getByLabel('Your name or staff ID').fill(NURSE);
  await page.getByLabel('Ward passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Census', level: 1 })).toBeVisible({
    timeout: 20_000,
  });
}

/** A full-page screenshot attached to the report and kept in test-results/. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** axe-core with the WCAG 2.x A/AA rules: no serious or critical violation on this screen. */
export async function expectAccessible(
  page: Page,
  testInfo: TestInfo,
  screen: string,
): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  await testInfo.attach(`axe-${screen}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    blocking.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    `axe on the ${screen} screen`,
  ).toEqual([]);
}

/** The wards of the open export and the census of the first in-scope one, from the API. */
export async function demoCensus(viewer: Viewer): Promise<{ ward: Ward; rows: CensusRow[] }> {
  const wards = await viewer.app.api.listWards({});
  const ward = wards.find((w) => w.inScope && w.censusCount > 0);
  if (!ward) throw new Error('the demo export has no in-scope ward with patients');
  return { ward, rows: await viewer.app.api.census({ wardId: ward.id }) };
}

/** Every admitted patient with full detail, across the in-scope wards. */
export async function allInScopeRows(viewer: Viewer): Promise<CensusRow[]> {
  const wards = await viewer.app.api.listWards({});
  const rows: CensusRow[] = [];
  for (const ward of wards.filter((w) => w.inScope)) {
    rows.push(...(await viewer.app.api.census({ wardId: ward.id })));
  }
  return rows;
}

/** The patient header of an open chart. */
export const chartHeader = (page: Page) =>
  page.getByRole('region', { name: 'Patient identification' });

/** Opens the viewer on one export of a test site (instead of the demo) and unlocks it. */
export async function openTestSite(page: Page, site: TestSite, name: string): Promise<Viewer> {
  const exportFile = await site.exportFile(name, { sequence: 1, forThisLaptop: true });
  const viewer = await openViewer(page, {
    demo: false,
    exportFile,
    trustDir: site.trustDir,
    identityFile: site.identityFile,
  });
  await unlock(page, SITE_PASSPHRASE);
  return viewer;
}
