/**
 * Language: French, Dutch, German or English, switched at once from any screen, remembered
 * for the next start; dates follow the language.
 */
import { wordsTranslator } from '../../electron/common/words/index.ts';
import { expect, test } from './harness.ts';
import { snap, unlock } from './viewer-steps.ts';

const HEADINGS = {
  fr: 'Déverrouiller la copie de secours',
  nl: 'De noodkopie ontgrendelen',
  de: 'Die Ausfallkopie entsperren',
  en: 'Unlock the downtime copy',
} as const;

test.describe('language', () => {
  test('switches the unlock screen to each language and remembers the choice', async ({
    viewer,
    page,
  }, testInfo) => {
    for (const [language, heading] of Object.entries(HEADINGS)) {
      await page.locator('.language-picker select').selectOption(language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await snap(page, testInfo, `unlock-${language}`);
    }
    await page.locator('.language-picker select').selectOption('nl');
    await expect
      .poll(async () => (await viewer.app.api.getStatus({})).settings.language)
      .toBe('nl');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.nl);
  });

  test('switches while unlocked without losing the screen', async ({ viewer, page }) => {
    void viewer;
    await unlock(page);
    await page.getByLabel('Language').selectOption('fr');
    await expect(
      page.getByRole('heading', { level: 1, name: wordsTranslator('fr')('report.census') }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
    await expect(page.locator('.age-banner')).toContainText('Données du');
    await page.getByLabel('Langue').selectOption('de');
    await expect(
      page.getByRole('heading', { level: 1, name: wordsTranslator('de')('report.census') }),
    ).toBeVisible();
  });
});
