/**
 * The foundation, seen from the page: the built renderer in Chromium, the real API behind
 * `window.downtime`, and nothing else reachable.
 */
import { expect, test } from './harness.ts';

type Bridge = {
  downtime: Record<
    string,
    (args?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { kind: string } }>
  >;
};

test('the renderer calls getStatus over the bridge and shows the answer', async ({
  viewer,
  page,
}) => {
  const status = await page.evaluate(() => (window as unknown as Bridge).downtime.getStatus!({}));
  expect(status.ok).toBe(true);
  const current = (status.value as { current: { siteName: string; sequence: number } | null })
    .current;
  expect(current).not.toBeNull();
  const live = await viewer.app.api.getStatus({});
  expect(current?.siteName).toBe(live.current?.siteName);
  await expect(page.getByText(current?.siteName ?? '', { exact: false }).first()).toBeVisible();
});

test('window.downtime is frozen and offers exactly the contract methods', async ({
  viewer: _viewer,
  page,
}) => {
  const shape = await page.evaluate(() => {
    const api = (window as unknown as Bridge).downtime;
    return { frozen: Object.isFrozen(api), methods: Object.keys(api).sort() };
  });
  expect(shape.frozen).toBe(true);
  expect(shape.methods).toContain('getStatus');
  expect(shape.methods).not.toContain('ipcRenderer');
});

test('the bridge validates arguments like IPC does', async ({ viewer: _viewer, page }) => {
  const result = await page.evaluate(() =>
    (window as unknown as Bridge).downtime.chart!({ patientId: 7 }),
  );
  expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
});

test('the page cannot reach the network', async ({ viewer: _viewer, page }) => {
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});
