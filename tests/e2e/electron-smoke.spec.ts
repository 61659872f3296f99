/**
 * Electron smoke: the real app (out/main) launched by Playwright's `_electron`, on the bundled
 * demo: one hardened window, then unlock, a chart and a rendered report through the bridge.
 * It needs the Electron binary, which npm downloads from GitHub on first use; on machines
 * without it (this project's CI sandbox has no route to GitHub) the test is skipped and says why.
 * With DOWNTIME_PACKAGED_APP (the release workflow) it launches that packaged executable of
 * `npm run dist:e2e` instead, so the asar, the fuses, the workers and native SQLite are tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

/** The binary path without triggering electron's download-on-first-use. */
function electronBinary(): string | null {
  const dir = join(require.resolve('electron/package.json'), '..');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const packaged = process.env['DOWNTIME_PACKAGED_APP'] ?? null;
const binary = packaged ?? electronBinary();
const reason =
  'No Electron binary in node_modules/electron/dist (its installer downloads it from GitHub, unreachable here); run `npx install-electron` where GitHub is reachable.';
if (!binary) console.warn(`electron-smoke skipped: ${reason}`);

test.describe('the Electron app', () => {
  test.skip(!binary, reason);

  test('opens one hardened window on the demo export with the API bridged', async () => {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [...(packaged ? [] : ['out/main/index.js']), '--demo', '--no-sandbox'],
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveURL(/^app:\/\/downtime\//);
      const status = await page.evaluate(() =>
        (
          window as unknown as {
            downtime: {
              getStatus(
                a: object,
              ): Promise<{ ok: boolean; value?: { current: { demo: boolean } | null } }>;
            };
          }
        ).downtime.getStatus({}),
      );
      expect(status.ok).toBe(true);
      expect(status.value?.current?.demo).toBe(true);
      const isolated = await page.evaluate(
        () => typeof (globalThis as { require?: unknown }).require,
      );
      expect(isolated).toBe('undefined');
      expect(
        await page.evaluate(() =>
          Object.isFrozen((window as unknown as { downtime: object }).downtime),
        ),
      ).toBe(true);
      // Sandboxed and isolated: no Node in the page; navigation away is refused.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      );
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      await expect(page).toHaveURL(/^app:\/\/downtime\//);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        1,
      );
      await expect(page.getByText(/DEMO/).first()).toBeVisible();

      // The engine worker, native SQLite and pdfkit, end to end: unlock, a chart, a report.
      const flow = await page.evaluate(async () => {
        type R<T> = Promise<{ ok: boolean; value?: T; error?: { kind: string } }>;
        const api = (
          window as unknown as {
            downtime: {
              unlock(a: object): R<{ wards: { id: string; censusCount: number }[] }>;
              census(a: object): R<{ patientId: string }[]>;
              chart(a: object): R<{ patient: { mrn: string } }>;
              renderReport(a: object): R<{ pdfBase64: string; pages: number }>;
            };
          }
        ).downtime;
        const unlocked = await api.unlock({
          passphrase: 'demo-ward-passphrase',
          user: 'Smoke test',
        });
        const ward = unlocked.value?.wards.find((w) => w.censusCount > 0);
        if (!ward) return { step: 'unlock', error: unlocked.error?.kind ?? 'no ward' };
        const census = await api.census({ wardId: ward.id });
        const first = census.value?.[0];
        if (!first) return { step: 'census', error: census.error?.kind ?? 'empty' };
        const chart = await api.chart({ patientId: first.patientId });
        const report = await api.renderReport({
          report: 'handover',
          wardId: ward.id,
          paper: 'A4',
          language: 'fr',
        });
        return {
          step: 'done',
          mrn: chart.value?.patient.mrn ?? null,
          pages: report.value?.pages ?? 0,
          pdf: atob(report.value?.pdfBase64 ?? '').slice(0, 5),
        };
      });
      expect(flow).toMatchObject({ step: 'done', mrn: expect.any(String), pdf: '%PDF-' });
      expect((flow as { pages: number }).pages).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
