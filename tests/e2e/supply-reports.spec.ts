/**
 * The ward-supply documents from the bundled demo, as the app renders them: every kind in the
 * four languages through the API (page sizes from pdfinfo, text from pdftotext, page images
 * kept as artifacts), and the labels previewed from the Print screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportKind } from '../../electron/core/api/contract.ts';
import { DEMO_PASSPHRASE, expect, test } from './harness.ts';
import { snap, unlock } from './viewer-steps.ts';

const KINDS: readonly { report: ReportKind; title: Record<'fr' | 'nl' | 'de' | 'en', string> }[] = [
  {
    report: 'labels',
    title: {
      en: 'Patient labels',
      fr: 'Étiquettes patient',
      nl: 'Patiëntenetiketten',
      de: 'Patientenetiketten',
    },
  },
  {
    report: 'round',
    title: {
      en: 'Medication round',
      fr: 'Tour de médicaments',
      nl: 'Medicatieronde',
      de: 'Medikamentenrunde',
    },
  },
  {
    report: 'pharmacy',
    title: {
      en: 'Pharmacy order list',
      fr: 'Commande à la pharmacie',
      nl: 'Bestellijst apotheek',
      de: 'Apothekenbestellung',
    },
  },
  {
    report: 'obs-chart',
    title: {
      en: 'Observation chart (NEWS2)',
      fr: 'Feuille de surveillance des paramètres (NEWS2)',
      nl: 'Parameterblad (NEWS2)',
      de: 'Überwachungsbogen (NEWS2)',
    },
  },
];

test('each supply document prints in the four languages with identity, data age and page n/N', async ({
  viewer,
}, testInfo) => {
  test.setTimeout(180_000);
  const api = viewer.app.api;
  const { wards } = await api.unlock({ passphrase: DEMO_PASSPHRASE, user: 'Supplies check' });
  const ward = wards.find((w) => w.inScope && w.censusCount > 0);
  if (!ward) throw new Error('the demo has no ward in scope');
  const [patient] = await api.census({ wardId: ward.id });
  if (!patient) throw new Error('the demo ward is empty');
  const dir = testInfo.outputPath('supplies');
  mkdirSync(dir, { recursive: true });

  for (const language of ['fr', 'nl', 'de', 'en'] as const) {
    for (const { report, title } of KINDS) {
      const scope = report === 'obs-chart' ? { patientId: patient.patientId } : { wardId: ward.id };
      const { pdfBase64, pages } = await api.renderReport({
        report,
        ...scope,
        paper: 'A4',
        language,
      });
      const pdf = join(dir, `${report}-${language}.pdf`);
      writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text, `${report} ${language}`).toContain(title[language]);
      // Page n/N of every page, and the DEMO marking of the demo export.
      for (let n = 1; n <= pages; n++) expect(text).toContain(`${n}/${pages}`);
      expect(text).toMatch(/DEMO|DÉMO/);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size: +595\.28 x 841\.89 pts \(A4\)/);
      if (report === 'labels' || report === 'obs-chart') expect(text).toContain(patient.mrn);
      if (language === 'fr') {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          pdf,
          pdf.replace(/\.pdf$/, ''),
        ]);
        await testInfo.attach(`${report} (fr), page 1`, {
          body: readFileSync(pdf.replace(/\.pdf$/, '.png')),
          contentType: 'image/png',
        });
      }
    }
  }

  const band = await api.renderReport({
    report: 'wristband',
    patientId: patient.patientId,
    paper: 'A4',
    language: 'nl',
  });
  const bandPdf = join(dir, 'wristband-nl.pdf');
  writeFileSync(bandPdf, Buffer.from(band.pdfBase64, 'base64'));
  const bandInfo = execFileSync('pdfinfo', [bandPdf], { encoding: 'utf8' });
  // 280 × 25 mm (adult) or 180 × 25 mm (child), by the patient's age.
  expect(bandInfo).toMatch(/Page size: +(793\.7\d*|510\.2\d*) x 70\.8\d* pts/);
});

test('the Print screen previews the labels of the ward and lists the registration of a new arrival', async ({
  viewer: _viewer,
  page,
}, testInfo) => {
  await unlock(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.getByRole('radio', { name: 'Patient labels (sticker sheet)' }).check();
  await page.getByLabel('Labels per patient (empty: a full sheet)').fill('3');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ })).toHaveAttribute(
    'data-rendered',
    'true',
    { timeout: 30_000 },
  );
  await expect(page.getByRole('heading', { name: 'New arrival: downtime number' })).toBeVisible();
  // The bundled demo export carries reserved numbers (registration.spec.ts issues them).
  await expect(page.getByTestId('registration-remaining')).toHaveText(
    /^Numbers left in this export: \d+$/,
  );
  await expect(
    page.getByRole('button', { name: 'Issue the next number and print the packet' }),
  ).toBeEnabled();
  await snap(page, testInfo, 'print-labels');
});
