/**
 * The screen and the paper say the same (issue 12): for one patient of each language's site, the
 * allergies, the code status, every order's drug, dose, route and frequency words, and the data
 * age read on the chart screen are found, as written there, in the patient's summary and MAR
 * PDFs (pdftotext). The screen is read as a nurse reads it, not recomputed; the paper may lay it
 * out differently (line breaks are not compared), never word it differently.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES } from '../../electron/cli/demo/hospital.ts';
import { WORDS, wordsTranslator } from '../../electron/common/words/index.ts';
import type { Chart, CensusRow } from '../../electron/core/model.ts';
import { RESOURCES } from '../../renderer/i18n/setup.ts';
import { DEMO_PASSPHRASE, expect, test, type Viewer } from './harness.ts';
import { allInScopeRows } from './viewer-steps.ts';

const NURSE = 'Marie Dubois';
const TIME_ZONE = 'Europe/Brussels';

/** Line breaks and column layout are the paper's own: compare the words without spaces. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** A patient of this language's demo site with the most to compare: allergies, orders, states. */
async function patientOf(viewer: Viewer, language: 'fr' | 'nl' | 'de'): Promise<CensusRow> {
  const site = SITES.find((s) => s.language === language);
  if (!site) throw new Error(`the demo has no ${language} site`);
  const score = (chart: Chart): number =>
    (chart.allergies.length > 0 ? 10 : 0) +
    new Set(chart.medications.map((m) => `${m.state}${m.prn}`)).size * 3 +
    chart.medications.length;
  let best: { row: CensusRow; score: number } | null = null;
  for (const row of await allInScopeRows(viewer)) {
    const chart = await viewer.app.api.chart({ patientId: row.patientId });
    if (chart.stay?.siteName !== site.name) continue;
    const s = score(chart);
    if (!best || s > best.score) best = { row, score: s };
  }
  if (!best) throw new Error(`no admitted patient at ${site.name}`);
  return best.row;
}

for (const language of ['fr', 'nl', 'de'] as const) {
  test(`the ${language} chart screen and the summary and MAR say the same`, async ({
    viewer,
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    const m = RESOURCES[language];
    const words = wordsTranslator(language);
    await viewer.app.api.unlock({ passphrase: DEMO_PASSPHRASE, user: NURSE });
    const patient = await patientOf(viewer, language);
    await viewer.app.api.lock({});

    await page.locator('.language-picker select').selectOption(language);
    await page.locator('input[name="user"]').fill(NURSE);
    await page.locator('input[name="passphrase"]').fill(DEMO_PASSPHRASE);
    await page.locator('form button[type="submit"]').click();
    await expect(
      page.getByRole('heading', { level: 1, name: WORDS[language]['report.census'] }),
    ).toBeVisible({
      timeout: 20_000,
    });
    const search = page.getByRole('combobox', { name: m.search.label });
    await search.fill(patient.mrn);
    await expect(page.getByRole('option').first()).toHaveAttribute('data-mrn', patient.mrn);
    await search.press('Enter');
    const header = page.getByRole('region', { name: m.chart.headerLabel });
    await expect(header).toContainText(patient.mrn);

    // What the screen says.
    const band = header.locator('[data-allergy-state]');
    const allergyState = await band.getAttribute('data-allergy-state');
    // The list, each "substance (reactions)" (the ⚠ of a high criticality is the screen's mark),
    // or the sentence that stands for it.
    const allergies =
      allergyState === 'present'
        ? (await band.locator('li').allInnerTexts()).map((a) => a.replace(/\s*⚠$/, '').trim())
        : [(await band.innerText()).trim()];
    const codeStatus = (await header.locator('[data-code-status]').first().innerText()).trim();
    const banner = await page.locator('.age-banner').innerText();
    await page.getByRole('tab', { name: words('summary.medications'), exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: words('summary.medications'), exact: true });
    await expect(panel.locator('tbody tr').first()).toBeVisible();
    // Each order row: drug, dose, route, frequency — each cell's own text, before its notes —
    // and, in the not-to-give table, the state it is in.
    const orders = await panel.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('th, td')];
        const [drug = '', dose = '', route = '', frequency = ''] = cells
          .slice(0, 4)
          .map((cell) => (cell.childNodes[0]?.textContent ?? '').trim());
        const state = row.classList.contains('not-to-give-row')
          ? (cells[4]?.textContent ?? '').trim()
          : null;
        return { drug, dose, route, frequency, state };
      }),
    );
    const stopped = wordsTranslator(language)('orderState.recently-stopped');
    expect(orders.length, 'the patient has orders to compare').toBeGreaterThan(1);

    // What the paper says.
    const dir = testInfo.outputPath(language);
    mkdirSync(dir, { recursive: true });
    const paper: Record<'summary' | 'mar', string> = { summary: '', mar: '' };
    for (const report of ['summary', 'mar'] as const) {
      const { pdfBase64 } = await viewer.app.api.renderReport({
        report,
        patientId: patient.patientId,
        paper: 'A4',
        language,
      });
      const file = join(dir, `${report}.pdf`);
      writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
      paper[report] = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    }

    const dataAsOf = (await viewer.app.api.getStatus({})).current?.dataAsOf;
    if (!dataAsOf) throw new Error('no current export');
    const clock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(dataAsOf)); // "2026-12-01 13:16": the paper's full date
    const [day = '', time = ''] = clock.split(' ');
    // The screen says the same instant in its own date form: its time and day of the month.
    expect(banner).toContain(time);
    expect(banner).toContain(String(Number(day.slice(8))));

    for (const report of ['summary', 'mar'] as const) {
      const text = squeeze(paper[report]);
      const says = (what: string, words: string) =>
        expect(text, `${report} (${language}) says ${what} as the screen does: ${words}`).toContain(
          squeeze(words),
        );
      says('the data age', clock);
      says('the code status', codeStatus);
      for (const allergy of allergies) says('the allergy', allergy);
      for (const { drug, dose, route, frequency, state } of orders) {
        says('the drug', drug);
        if (dose !== '') says(`the dose of ${drug}`, dose);
        if (route !== '') says(`the route of ${drug}`, route);
        // The MAR lists an order stopped in the last 24 h by its stop time, not its rhythm.
        const listedByStop = report === 'mar' && state?.startsWith(stopped) === true;
        if (frequency !== '' && !listedByStop) says(`the frequency of ${drug}`, frequency);
        if (state !== null && report === 'summary') says(`the state of ${drug}`, state);
      }
    }
  });
}
