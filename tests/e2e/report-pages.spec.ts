/**
 * The first pages of each kind of report (MAR of 1 and 3 days from the round, handover per
 * patient and as a bed board, census bed board, summary), rendered to PNG with pdftoppm and kept
 * as test artifacts, so a person can look at what the ward will print (the text itself is
 * checked by the unit tests). Also: one patient per MAR page, read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRequest } from '../../electron/core/api/contract.ts';
import { DEMO_PASSPHRASE, expect, test } from './harness.ts';

type Kind = Omit<ReportRequest, 'paper' | 'wardId' | 'patientId'> & { readonly name: string };

const REPORTS: readonly Kind[] = [
  { name: 'handover', report: 'handover', language: 'fr' },
  { name: 'handover-board', report: 'handover', handoverLayout: 'board', language: 'nl' },
  { name: 'mar-round', report: 'mar', marStart: 'round', language: 'nl' },
  { name: 'mar-3-days', report: 'mar', days: 3, language: 'fr' },
  { name: 'census', report: 'census', language: 'de' },
  { name: 'summary', report: 'summary', language: 'en' },
];
/** Pages of each report kept as images: enough to see a patient's MAR cross a page. */
const PAGES = 3;

test('each kind of report renders pages that pdftoppm can draw, one patient per MAR page', async ({
  viewer,
}, testInfo) => {
  const api = viewer.app.api;
  const { wards } = await api.unlock({ passphrase: DEMO_PASSPHRASE, user: 'Report check' });
  const ward = wards.find((w) => w.inScope && w.censusCount > 0);
  expect(ward).toBeDefined();
  const [patient] = await api.census({ wardId: ward?.id ?? '' });
  const dir = testInfo.outputPath('reports');
  mkdirSync(dir, { recursive: true });

  for (const { name, ...kind } of REPORTS) {
    const scope =
      kind.report === 'summary'
        ? { patientId: patient?.patientId ?? '' }
        : { wardId: ward?.id ?? '' };
    const { pdfBase64, pages } = await api.renderReport({ ...kind, ...scope, paper: 'A4' });
    expect(pages).toBeGreaterThan(0);
    const pdf = join(dir, `${name}-${kind.language}.pdf`);
    writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'));
    const last = Math.min(PAGES, pages);
    const base = pdf.replace(/\.pdf$/, '');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(last), pdf, base]);
    for (let page = 1; page <= last; page++) {
      const digits = String(pages).length;
      const png = readFileSync(`${base}-${String(page).padStart(digits, '0')}.png`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      await testInfo.attach(`${name} (${kind.language}), page ${page}`, {
        body: png,
        contentType: 'image/png',
      });
    }
    if (kind.report === 'mar') {
      // One patient per MAR page: every page names exactly one of the ward's MRNs.
      const mrns = (await api.census({ wardId: ward?.id ?? '' })).map((row) => row.mrn);
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', [
          '-f',
          String(page),
          '-l',
          String(page),
          pdf,
          '-',
        ]).toString();
        expect(
          mrns.filter((mrn) => text.includes(mrn)),
          `page ${page}`,
        ).toHaveLength(1);
      }
    }
  }
});
