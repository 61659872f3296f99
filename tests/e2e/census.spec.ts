/**
 * Census: the ward's patients by bed; switching wards; sorting from the column headers;
 * opening a chart from the keyboard; locator wards; and a 30,000-row ward that scrolls.
 */
import { expect, test } from './harness.ts';
import { makeTestSite } from '../fixtures/test-site.ts';
import { allInScopeRows, demoCensus, openTestSite, snap, unlock } from './viewer-steps.ts';

test.describe('census', () => {
  test('lists the first ward by bed with its count, and switches ward', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    const { ward, rows } = await demoCensus(viewer);
    const grid = page.getByRole('grid', { name: `Patients of ${ward.name}` });
    await expect(grid).toHaveAttribute('aria-rowcount', String(rows.length + 1));
    await expect(page.getByText(`Patients shown: ${rows.length} of ${rows.length}`)).toBeVisible();
    await expect(grid.getByRole('row').nth(1)).toHaveAttribute('data-mrn', rows[0]?.mrn ?? '');
    await snap(page, testInfo, 'census');

    const wards = await viewer.app.api.listWards({});
    const other = wards.find((w) => w.id !== ward.id && w.censusCount > 0);
    expect(other, 'the demo has a second ward with patients').toBeDefined();
    if (!other) return;
    await page.getByLabel('Ward', { exact: true }).selectOption(other.id);
    const otherRows = await viewer.app.api.census({ wardId: other.id });
    await expect(page.getByRole('grid', { name: `Patients of ${other.name}` })).toHaveAttribute(
      'aria-rowcount',
      String(otherRows.length + 1),
    );
    if (!other.inScope) {
      await expect(page.getByRole('row').nth(1)).toContainText('Location only');
    }
  });

  test('shows locator rows for a ward outside the export, with where the patient is and nothing more', async ({
    page,
  }) => {
    const site = await makeTestSite({ oneWardInScope: true });
    const viewer = await openTestSite(page, site, 'scoped.dtx');
    try {
      const wards = await viewer.app.api.listWards({});
      const outside = wards.find((w) => !w.inScope && w.censusCount > 0);
      expect(outside, 'the site has patients on a ward outside the export').toBeDefined();
      if (!outside) return;
      const option = page.getByRole('option', {
        name: `${outside.name} (${outside.censusCount}, location only)`,
      });
      await expect(option).toBeAttached();
      await page.getByLabel('Ward', { exact: true }).selectOption(outside.id);
      const row = page.getByRole('row').nth(1);
      await expect(row).toContainText(`Location only: on ${outside.name}`);
      await expect(row.locator('[data-allergy]')).toHaveCount(0);
      await row.click();
      await expect(page.getByText('outside the wards of this export')).toBeVisible();
      await expect(page.getByRole('tab')).toHaveCount(0);
    } finally {
      await viewer.close();
      site.remove();
    }
  });

  test('sorts by name, then by bed again, from the column headers', async ({ viewer, page }) => {
    await unlock(page);
    const { rows } = await demoCensus(viewer);
    const byName = [...rows].sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base', numeric: true }),
    );
    await page.getByRole('button', { name: 'Name' }).click();
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(page.getByRole('row').nth(1)).toHaveAttribute('data-mrn', byName[0]?.mrn ?? '');
    await page.getByRole('button', { name: 'Name' }).click();
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(page.getByRole('row').nth(1)).toHaveAttribute(
      'data-mrn',
      byName.at(-1)?.mrn ?? '',
    );
    await page.getByRole('button', { name: 'Bed' }).click();
    await expect(page.getByRole('row').nth(1)).toHaveAttribute('data-mrn', rows[0]?.mrn ?? '');
  });

  test('filters by typed words and opens a chart with the keyboard alone', async ({
    viewer,
    page,
  }) => {
    await unlock(page);
    const { rows } = await demoCensus(viewer);
    const second = rows[1];
    expect(second).toBeDefined();
    if (!second) return;
    const grid = page.getByRole('grid');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(grid).toHaveAttribute('aria-activedescendant', /row-1$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: second.name ?? '' })).toBeVisible();

    await page.getByRole('button', { name: 'Census', exact: true }).click();
    await page.getByLabel('Filter this list').fill(second.mrn);
    await expect(page.getByText(`Patients shown: 1 of ${rows.length}`)).toBeVisible();
    const all = await allInScopeRows(viewer);
    expect(all.length).toBeGreaterThan(rows.length - 1);
  });

  test('scrolls a 30,000-patient ward, mounting only the rows in view', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const site = await makeTestSite({ bulkPatients: 30_000 });
    const viewer = await openTestSite(page, site, 'big.dtx');
    try {
      const wards = await viewer.app.api.listWards({});
      const big = wards.find((w) => w.id === site.bulkWardId);
      expect(big?.censusCount).toBeGreaterThanOrEqual(30_000);
      await page.getByLabel('Ward', { exact: true }).selectOption(site.bulkWardId ?? '');
      const grid = page.getByRole('grid');
      const total = big?.censusCount ?? 0;
      await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1), { timeout: 30_000 });
      expect(await grid.getByRole('row').count()).toBeLessThan(80);

      await grid.focus();
      await page.keyboard.press('End');
      const last = grid.getByRole('row', { selected: true });
      await expect(last).toHaveAttribute('aria-rowindex', String(total + 1));
      await expect(last).toBeInViewport();
      expect(await grid.getByRole('row').count()).toBeLessThan(80);

      await grid.evaluate((element) => {
        element.scrollTop = element.scrollHeight / 2;
      });
      // The rows in view are remounted on the next frame after the scroll event, not at once:
      // read them until they follow (reading at once raced the render under a loaded CI).
      const middleRow = async (): Promise<number> =>
        Number(await grid.getByRole('row').nth(5).getAttribute('aria-rowindex'));
      await expect.poll(middleRow, { timeout: 10_000 }).toBeGreaterThan(total / 2 - 100);
      expect(await middleRow()).toBeLessThan(total / 2 + 100);
      await snap(page, testInfo, 'census-30000');
    } finally {
      await viewer.close();
      site.remove();
    }
  });
});
