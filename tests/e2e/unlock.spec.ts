/**
 * Unlock: what is installed is shown before any key is used; the right passphrase opens the
 * census; a wrong one says so; an export this laptop cannot open is refused with its reason and
 * the previous export is offered instead; an export refused by the inbox is reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installInto } from '../fixtures/install-into.ts';
import { expect, openViewer, test } from './harness.ts';
import { makeTestSite, SITE_PASSPHRASE } from '../fixtures/test-site.ts';
import { NURSE, snap, unlock } from './viewer-steps.ts';

test.describe('unlock', () => {
  test('shows the installed export, then opens the census with the ward passphrase', async ({
    viewer,
    page,
  }, testInfo) => {
    await expect(page.getByRole('heading', { name: 'Unlock the downtime copy' })).toBeVisible();
    const status = await viewer.app.api.getStatus({});
    const facts = page.getByRole('region', { name: 'Installed export' });
    await expect(facts).toContainText(status.current?.siteName ?? '');
    await expect(facts).toContainText(status.current?.signer ?? '');
    // The wards by the names the signed manifest gives, never by their ids.
    for (const ward of status.current?.wards ?? []) {
      if (ward.name) await expect(facts).toContainText(ward.name);
      await expect(facts).not.toContainText(ward.id);
    }
    expect(status.current?.wards.length).toBeGreaterThan(0);
    await expect(page.getByTestId('demo-mark')).toHaveText('DEMO DATA — not real patients');
    await snap(page, testInfo, 'unlock');

    await unlock(page);
    await expect(page.getByText(`Signed in: ${NURSE}`)).toBeVisible();
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(page.getByTestId('demo-mark')).toBeVisible();
  });

  test('a wrong passphrase says so and stays locked', async ({ viewer, page }, testInfo) => {
    await page.getByLabel('Your name or staff ID').fill(NURSE);
    await page.getByLabel('Ward passphrase').fill('not the ward passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-kind', 'wrong-passphrase');
    await expect(alert).toContainText('The ward passphrase is not correct');
    await expect(page.getByRole('grid')).toHaveCount(0);
    expect((await viewer.app.api.getStatus({})).unlocked).toBe(false);
    await snap(page, testInfo, 'unlock-wrong-passphrase');
  });

  test('an export not made for this laptop is refused at install with its reason, and the current one stays and opens', async ({
    page,
  }, testInfo) => {
    const site = await makeTestSite();
    const older = await site.exportFile('older.dtx', { sequence: 1, forThisLaptop: true });
    const newer = await site.exportFile('newer.dtx', { sequence: 2, forThisLaptop: false });
    const viewer = await openViewer(page, {
      demo: false,
      exportFile: older,
      trustDir: site.trustDir,
      identityFile: site.identityFile,
    });
    try {
      // Issue 15, M1: the signed recipient list does not name this laptop, so the export never
      // becomes current and can never push out the exports this laptop can open.
      const outcome = await installInto(
        viewer.app,
        newer,
        [site.trustDir],
        'e2e-laptop',
        site.recipient,
      );
      expect(outcome).toMatchObject({ outcome: 'refused', kind: 'no-matching-identity' });
      expect(outcome.message ?? '').toContain('This export was not made for this laptop');
      await page.reload();
      await expect(page.getByRole('region', { name: 'Installed export' })).toContainText('1');
      await snap(page, testInfo, 'unlock-after-refused-export');

      await page.getByLabel('Your name or staff ID').fill(NURSE);
      await page.getByLabel('Ward passphrase').fill(SITE_PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Census', level: 1 })).toBeVisible();
      const status = await viewer.app.api.getStatus({});
      expect(status.current?.sequence).toBe(1);
    } finally {
      await viewer.close();
      site.remove();
    }
  });

  test('a file refused by the inbox is reported on the unlock screen with its reason', async ({
    page,
  }, testInfo) => {
    const inboxDir = mkdtempSync(join(tmpdir(), 'downtime-inbox-'));
    writeFileSync(join(inboxDir, 'tonight.dtx'), 'this is not an export at all');
    const viewer = await openViewer(page, { settings: { inboxDir } });
    try {
      // The inbox takes a file once its size is stable, then the screen's status refresh shows it.
      await expect(page.getByTestId('inbox-refusal')).toContainText(
        'This file is not a downtime export',
        { timeout: 45_000 },
      );
      await snap(page, testInfo, 'unlock-inbox-refusal');
    } finally {
      await viewer.close();
      rmSync(inboxDir, { recursive: true, force: true });
    }
  });
});
