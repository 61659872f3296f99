/**
 * The data-age banner on every screen: green while the data is recent, amber from the amber
 * threshold, red from the red threshold (settings), measured on the API's clock. The demo
 * export says DEMO DATA everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyExport } from '../../electron/core/format/dtx.ts';
import { loadTrustStore } from '../../electron/core/keys/trust-store.ts';
import { WORDS } from '../../electron/common/words/index.ts';
import { DEMO_DIR, expect, openViewer, test } from './harness.ts';
import { snap, unlock } from './viewer-steps.ts';

const HOUR = 3_600_000;

/** The demo's "data as of": the banner's age is counted from it. */
function demoDataAsOf(): number {
  const bytes = readFileSync(join(DEMO_DIR, 'demo.dtx'));
  const { manifest } = verifyExport(bytes, loadTrustStore([join(DEMO_DIR, 'trust')]));
  return Date.parse(manifest.dataAsOf);
}

const CASES = [
  { level: 'green', ageMs: 30 * 60_000 },
  { level: 'amber', ageMs: 3 * HOUR },
  { level: 'red', ageMs: 9 * HOUR },
] as const;

test.describe('data age banner', () => {
  for (const { level, ageMs } of CASES) {
    test(`is ${level} when the data is ${ageMs / 60_000} minutes old, before and after unlock`, async ({
      page,
    }, testInfo) => {
      const viewer = await openViewer(page, {
        clockOffsetMs: demoDataAsOf() + ageMs - Date.now(),
      });
      try {
        const banner = page.locator('.age-banner');
        await expect(banner).toHaveAttribute('data-level', level);
        // The instruction the paper's stale line says at the same level (common words).
        await expect(banner).toContainText(WORDS.en[`dataAge.${level}`]);
        await expect(banner).toContainText('Data as of');
        await unlock(page);
        await expect(banner).toHaveAttribute('data-level', level);
        await expect(page.getByTestId('demo-mark')).toBeVisible();
        await snap(page, testInfo, `banner-${level}`);
      } finally {
        await viewer.close();
      }
    });
  }

  test('follows the thresholds from settings', async ({ page }) => {
    const viewer = await openViewer(page, {
      clockOffsetMs: demoDataAsOf() + 90 * 60_000 - Date.now(),
      settings: { staleAmberHours: 0.5, staleRedHours: 1 },
    });
    try {
      await expect(page.locator('.age-banner')).toHaveAttribute('data-level', 'red');
    } finally {
      await viewer.close();
    }
  });
});
