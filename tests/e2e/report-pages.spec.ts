/**
 * One page of each report, rendered to PNG with pdftoppm and kept as a test artifact, so a
 * person can look at what the ward will print (the text itself is checked by the unit tests).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportKind } from '../../electron/core/api/contract.ts';
import { DEMO_PASSPHRASE, expect, test } from './harness.ts';

const REPORTS: readonly { report: ReportKind; language: 'fr' | 'nl' | 'de' | 'en' }[] = [
  { report: 'handover', language: 'fr' },
  { report: 'mar', language: 'nl' },
  { report: 'census', language: 'de' },
  { report: 'summary', language: 'en' },
];

test('each report renders a first page that pdftoppm can draw', async ({ viewer }, testInfo) => {
  const api = viewer.app.api;
  const { wards } = await api.unlock({ passphrase: DEMO_PASSPHRASE, user: 'Report check' });
  const ward = wards.find((w) => w.inScope && w.censusCount > 0);
  expect(ward).toBeDefined();
  const [patient] = await api.census({ wardId: ward?.id ?? '' });
  const dir = testInfo.outputPath('reports');
  mkdirSync(dir, { recursive: true });

  for (const { report, language } of REPORTS) {
    const scope =
      report === 'summary' ? { patientId: patient?.patientId ?? '' } : { wardId: ward?.id ?? '' };
    const { pdfBase64, pages } = await api.renderReport({
      report,
      ...scope,
      paper: 'A4',
      language,
    });
    expect(pages).toBeGreaterThan(0);
    const pdf = join(dir, `${report}-${language}.pdf`);
    writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'));
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
    const png = readFileSync(pdf.replace(/\.pdf$/, '.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await testInfo.attach(`${report} (${language}), page 1`, {
      body: png,
      contentType: 'image/png',
    });
  }
});
