/**
 * Print: choose a document, preview the PDF the API renders (shown from a blob: URL), then print
 * it through the host and save it as a PDF.
 */
import { expect, test } from './harness.ts';
import { demoCensus, snap, unlock } from './viewer-steps.ts';

test.describe('print', () => {
  test('previews the ward handover, prints it and saves it as PDF', async ({
    viewer,
    page,
  }, testInfo) => {
    await unlock(page);
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Print', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Handover (I-PASS)' })).toBeChecked();
    await expect(page.getByLabel('Paper size')).toHaveValue('A4');

    await page.getByRole('button', { name: 'Preview' }).click();
    const firstPage = page.getByRole('img', { name: /^Page 1 of \d+$/ });
    await expect(firstPage).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('print-outcome')).toHaveText(/^Pages: \d+$/);
    await snap(page, testInfo, 'print-preview');

    await page.getByRole('button', { name: 'Print', exact: true }).last().click();
    await expect(page.getByTestId('print-outcome')).toContainText('Sent to the print dialog', {
      timeout: 30_000,
    });
    expect(viewer.printed).toHaveLength(1);
    expect(
      Buffer.from(viewer.printed[0] ?? [])
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(page.getByTestId('print-outcome')).toContainText('Saved to', { timeout: 30_000 });
    expect(viewer.saved.at(-1)).toMatch(/\.pdf$/);
  });

  test('prints the summary of the patient whose chart was opened last', async ({
    viewer,
    page,
  }) => {
    await unlock(page);
    const { rows } = await demoCensus(viewer);
    const patient = rows[0];
    if (!patient) throw new Error('the demo ward is empty');
    await page.getByRole('row').nth(1).click();
    await expect(page.getByRole('heading', { level: 1, name: patient.name ?? '' })).toBeVisible();
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.getByRole('radio', { name: 'Patient summary' }).check();
    await expect(
      page.getByText(`This patient: ${patient.name} (MRN ${patient.mrn})`),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ })).toHaveAttribute(
      'data-rendered',
      'true',
      { timeout: 30_000 },
    );
  });
});
