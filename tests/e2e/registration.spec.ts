/**
 * A new arrival during downtime, issued in the app: the charge nurse issues the next reserved
 * downtime number from the Print screen, it is shown once, the packet that prints carries it, the
 * next issue gives the next number, and after a restart on the same laptop neither number is
 * issued again (the issue file lives in the store, not in the session).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openViewer, test, type Viewer } from './harness.ts';
import { NURSE, snap, unlock } from './viewer-steps.ts';

const ISSUE = 'Issue the next number and print the packet';

async function openPrintScreen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New arrival: downtime number' })).toBeVisible();
}

/** Clicks Issue; returns the number the app said it issued, once the packet went to print. */
async function issueOne(page: Page, viewer: Viewer, printedBefore: number): Promise<string> {
  await page.getByRole('button', { name: ISSUE }).click();
  const issued = page.getByTestId('registration-issued');
  await expect(issued).toContainText(`issued at`, { timeout: 30_000 });
  await expect(issued).toContainText(`by ${NURSE}`);
  const number = /Downtime number (\S+) issued/.exec((await issued.textContent()) ?? '')?.[1];
  if (!number) throw new Error('the issued line names no number');
  await expect.poll(() => viewer.printed.length, { timeout: 30_000 }).toBe(printedBefore + 1);
  await expect(page.getByTestId('print-outcome')).toContainText('Sent to the print dialog');
  return number;
}

function pdfText(bytes: Uint8Array, dir: string, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a downtime number is issued once from the Print screen, printed, and never again after a restart', async ({
  context,
}, testInfo) => {
  test.setTimeout(90_000);
  const laptop = mkdtempSync(join(tmpdir(), 'downtime-e2e-laptop-'));
  const pdfDir = testInfo.outputPath('registration');
  mkdirSync(pdfDir, { recursive: true });
  let open: Viewer | null = null;
  try {
    let page = await context.newPage();
    let viewer = await openViewer(page, { dataDir: laptop });
    open = viewer;
    await unlock(page);
    const { reserved, issued: none } = await viewer.app.api.registrations({});
    expect(reserved, 'the demo export carries reserved downtime numbers').toBeGreaterThan(2);
    expect(none).toEqual([]);
    await openPrintScreen(page);
    await expect(page.getByTestId('registration-remaining')).toHaveText(
      `Numbers left in this export: ${reserved}`,
    );

    const first = await issueOne(page, viewer, 0);
    await expect(page.getByTestId('registration-remaining')).toHaveText(
      `Numbers left in this export: ${reserved - 1}`,
    );
    const packet = pdfText(viewer.printed[0] ?? new Uint8Array(), pdfDir, 'first');
    // Labels, wristband, blank MAR, observation chart: every page of the packet names the number.
    const pages = packet.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(4);
    for (const text of pages) expect(text).toContain(`Downtime no. ${first}`);
    await snap(page, testInfo, 'registration-issued');

    const second = await issueOne(page, viewer, 1);
    expect(second).not.toBe(first);
    const secondPacket = pdfText(viewer.printed[1] ?? new Uint8Array(), pdfDir, 'second');
    expect(secondPacket).toContain(`Downtime no. ${second}`);
    expect(secondPacket).not.toContain(first);
    await viewer.close();
    open = null;

    // The same laptop, started again (a new window): what was issued stays issued.
    await page.close();
    page = await context.newPage();
    viewer = await openViewer(page, { dataDir: laptop });
    open = viewer;
    await unlock(page);
    const { issued, remaining } = await viewer.app.api.registrations({});
    expect(issued.map((r) => [r.number, r.issuedBy])).toEqual([
      [first, NURSE],
      [second, NURSE],
    ]);
    expect(remaining).toBe(reserved - 2);
    await openPrintScreen(page);
    await expect(page.getByTestId('registration-remaining')).toHaveText(
      `Numbers left in this export: ${reserved - 2}`,
    );
    const third = await issueOne(page, viewer, 0);
    expect([first, second]).not.toContain(third);
    expect((await viewer.app.api.registrations({})).issued.map((r) => r.number)).toEqual([
      first,
      second,
      third,
    ]);
  } finally {
    await open?.close();
    rmSync(laptop, { recursive: true, force: true });
  }
});
