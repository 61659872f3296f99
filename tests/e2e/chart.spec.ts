/**
 * The chart: a header that never scrolls away (name + birth date, MRN, bed, allergies band,
 * code status, isolation, weight) and the seven tabs. The allergy band is red with the list,
 * or says "No known allergies" / "Allergies not recorded — ask before giving anything" — never blank.
 */
import type { Page } from '@playwright/test';
import { lastDayOfDoses } from '../../electron/common/administered.ts';
import { ageAt, formatAge, isChild } from '../../electron/common/age.ts';
import { formatDose } from '../../electron/common/dose.ts';
import { wordsTranslator } from '../../electron/common/words/index.ts';
import type { AllergyState, CensusRow, Chart } from '../../electron/core/model.ts';
import { de } from '../../renderer/i18n/de.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { nl } from '../../renderer/i18n/nl.ts';
import { expect, test } from './harness.ts';
import { allInScopeRows, chartHeader, snap, unlock } from './viewer-steps.ts';

const TABS = ['Summary', 'Medications', 'Administrations', 'Plan', 'Results', 'Notes', 'Contacts'];

async function openChart(page: Page, patient: CensusRow): Promise<void> {
  await page.getByRole('combobox', { name: 'Find a patient' }).fill(patient.mrn);
  await expect(page.getByRole('option').first()).toHaveAttribute('data-mrn', patient.mrn);
  await page.getByRole('combobox', { name: 'Find a patient' }).press('Enter');
  await expect(chartHeader(page)).toContainText(patient.mrn);
}

test.describe('chart', () => {
  test('shows every tab of a patient, the header staying in view', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    const rows = await allInScopeRows(viewer);
    // The patient with the most to show: allergies recorded and a high severity first.
    const patient = rows.find((r) => r.allergyState === 'present') ?? rows[0];
    if (!patient) throw new Error('the demo export has no patient');
    await openChart(page, patient);
    const header = chartHeader(page);
    await expect(header).toContainText(patient.name ?? '');
    await expect(header).toContainText(/Born/);
    await expect(header).toContainText('Code status');
    await expect(header).toContainText('Weight');

    for (const name of TABS) {
      await page.getByRole('tab', { name }).click();
      const panel = page.getByRole('tabpanel', { name });
      await expect(panel).toBeVisible();
      await expect(panel).not.toBeEmpty();
      await snap(page, testInfo, `chart-${name.toLowerCase()}`);
    }

    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    await page.getByRole('tab', { name: 'Contacts' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Summary' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Summary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await page.getByRole('tab', { name: 'Results' }).click();
    await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await expect(header).toBeInViewport();
  });

  test('medications list next due times, PRN apart and high-alert drugs marked', async ({
    viewer,
    page,
  }) => {
    await unlock(page);
    const rows = await allInScopeRows(viewer);
    let withMeds: CensusRow | undefined;
    for (const row of rows) {
      const chart = await viewer.app.api.chart({ patientId: row.patientId });
      if (chart.medications.some((m) => !m.prn && m.nextDue.length > 0)) {
        withMeds = row;
        break;
      }
    }
    expect(withMeds, 'the demo has a patient with scheduled doses').toBeDefined();
    if (!withMeds) return;
    await openChart(page, withMeds);
    await page.getByRole('tab', { name: 'Medications' }).click();
    await expect(page.getByRole('heading', { name: 'Scheduled medications' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Next due (24 h)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'As needed (PRN)' })).toBeVisible();
  });

  test('a held order is listed as not to give, with its state, never among the doses due', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    const rows = await allInScopeRows(viewer);
    let found: { row: CensusRow; drug: string } | undefined;
    for (const row of rows) {
      const chart = await viewer.app.api.chart({ patientId: row.patientId });
      const held = chart.medications.find((m) => m.state === 'held' && m.drug !== null);
      if (held?.drug) {
        expect(held.nextDue).toEqual([]);
        found = { row, drug: held.drug };
        break;
      }
    }
    expect(found, 'the demo has a patient with a held order').toBeDefined();
    if (!found) return;
    await openChart(page, found.row);
    await page.getByRole('tab', { name: 'Medications' }).click();
    const notToGive = page.getByRole('region', { name: 'Not to give' });
    await expect(notToGive.getByRole('rowheader', { name: found.drug })).toBeVisible();
    await expect(notToGive).toContainText('HELD — do not give');
    await snap(page, testInfo, 'chart-medications-held');
  });

  const BANDS: readonly [AllergyState, RegExp][] = [
    ['present', /^Allergies/],
    ['none-known', /^No known allergies$/],
    ['unknown', /^Allergies not recorded — ask before giving anything$/],
  ];
  for (const [state, text] of BANDS) {
    test(`allergy band for "${state}" is never blank`, async ({ viewer, page }, testInfo) => {
      await unlock(page);
      const rows = await allInScopeRows(viewer);
      const patient = rows.find((r) => r.allergyState === state);
      expect(patient, `the demo has a patient with allergy state ${state}`).toBeDefined();
      if (!patient) return;
      await openChart(page, patient);
      const band = chartHeader(page).locator('[data-allergy-state]');
      await expect(band).toHaveAttribute('data-allergy-state', state);
      await expect(band).toHaveText(text);
      await snap(page, testInfo, `allergy-band-${state}`);
    });
  }

  const SCREENS = { fr, nl, de } as const;

  test('a PRN shows its doses of the last 24 h and the total against its maximum, and a child its age and weight, in fr, nl and de', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    const status = await viewer.app.api.getStatus({});
    const asOf = new Date(status.current?.dataAsOf ?? '');
    const zone = status.settings.timeZone;
    const charts: Chart[] = [];
    for (const row of await allInScopeRows(viewer)) {
      charts.push(await viewer.app.api.chart({ patientId: row.patientId }));
    }
    const withPrn = charts.find((c) =>
      c.medications.some(
        (m) =>
          m.prn &&
          m.state === 'active' &&
          lastDayOfDoses(m, c.administrations, asOf).given.length > 0,
      ),
    );
    const child = charts.find((c) => isChild(c.patient.birthDate, asOf, zone));
    expect(withPrn, 'the demo has a PRN given in the last 24 h').toBeDefined();
    expect(child, 'the demo has a child').toBeDefined();
    if (!withPrn || !child) return;
    const prn = withPrn.medications.find(
      (m) =>
        m.prn &&
        m.state === 'active' &&
        lastDayOfDoses(m, withPrn.administrations, asOf).given.length > 0,
    );
    if (!prn) return;
    const day = lastDayOfDoses(prn, withPrn.administrations, asOf);

    for (const [language, screen] of Object.entries(SCREENS)) {
      const words = wordsTranslator(language as keyof typeof SCREENS);
      await page.locator('.language-picker select').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const pair: readonly Chart[] = [withPrn, child];
      for (const chart of pair) {
        const search = page.getByRole('combobox', { name: screen.search.label });
        await search.fill(chart.patient.mrn);
        await expect(page.getByRole('option').first()).toHaveAttribute(
          'data-mrn',
          chart.patient.mrn,
        );
        await search.press('Enter');
        await expect(page.locator('.chart-header')).toContainText(chart.patient.mrn);
        if (chart === child) {
          const age = ageAt(child.patient.birthDate, new Date(), zone);
          if (age) await expect(page.locator('.chart-header')).toContainText(formatAge(age, words));
          await expect(page.locator('.chart-header').locator('.header-facts')).not.toContainText(
            'undefined',
          );
        }
        await page.getByRole('tab', { name: words('summary.medications') }).click();
        await snap(
          page,
          testInfo,
          `chart-medications-${chart === child ? 'child' : 'prn'}-${language}`,
        );
      }
      // Back on the PRN patient: its row says the doses and the total in the reader's words.
      const again = page.getByRole('combobox', { name: screen.search.label });
      await again.fill(withPrn.patient.mrn);
      // Enter opens the first option: wait until the list is this MRN's, not the last search's.
      await expect(page.getByRole('option').first()).toHaveAttribute(
        'data-mrn',
        withPrn.patient.mrn,
      );
      await again.press('Enter');
      await expect(page.locator('.chart-header')).toContainText(withPrn.patient.mrn);
      await page.getByRole('tab', { name: words('summary.medications') }).click();
      const cell = page.locator('.prn-last-day').first();
      await expect(cell).toBeVisible();
      await cell.scrollIntoViewIfNeeded();
      await snap(page, testInfo, `chart-medications-prn-rows-${language}`);
      const quantity = (q: { value: number; unit: string }) =>
        formatDose({ dose: q.value, doseUnit: q.unit, doseText: null }, words);
      const total =
        day.total.kind === 'total'
          ? day.max
            ? words('prn.total', { total: quantity(day.total.total), max: quantity(day.max) })
            : words('prn.totalNoMax', { total: quantity(day.total.total) })
          : words('prn.uncountable');
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: prn.drug ?? '' })
          .first(),
      ).toContainText(total);
    }
  });
});
