/**
 * The screen and the paper say the same (issue 12): for a demo patient of each language's site,
 * and for a patient imported from the public FHIR fixtures read in each language, the allergies,
 * the code status, every order's drug, dose, route and frequency words, its state, the next due
 * times of each scheduled order and the data age read on the chart screen are found, as written
 * there, in the patient's summary (and MAR) PDFs (pdftotext); so are the facts the chart adds
 * under an order (an infusion's concentration and rate, a PRN order's indication and maximum)
 * on the MAR. The screen is read as a nurse reads
 * it, not recomputed; the paper may lay it out differently (line breaks are not compared), never
 * word it differently.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { SITES } from '../../electron/cli/demo/hospital.ts';
import { isToGive } from '../../electron/common/order-state.ts';
import { WORDS, wordsTranslator } from '../../electron/common/words/index.ts';
import type { Chart, CensusRow } from '../../electron/core/model.ts';
import { formatDateTime } from '../../electron/core/print/format.ts';
import { formatters } from '../../renderer/lib/format.ts';
import { RESOURCES } from '../../renderer/i18n/setup.ts';
import { makeTestSite } from '../fixtures/test-site.ts';
import { DEMO_PASSPHRASE, expect, test, type Viewer } from './harness.ts';
import { allInScopeRows, openTestSite } from './viewer-steps.ts';

type Language = 'fr' | 'nl' | 'de';

const NURSE = 'Marie Dubois';
const TIME_ZONE = 'Europe/Brussels';
const FIXTURES = resolve('../shared/fixtures/fhir');

/** Line breaks and column layout are the paper's own: compare the words without spaces. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** How much a chart gives to compare: allergies, orders in several states, doses due. */
const richness = (chart: Chart): number =>
  (chart.allergies.length > 0 ? 10 : 0) +
  new Set(chart.medications.map((m) => `${m.state}${m.prn}`)).size * 3 +
  chart.medications.filter((m) => m.nextDue.length > 0).length * 2 +
  chart.medications.filter((m) => m.rate !== null || m.maxDose !== null).length * 2 +
  chart.medications.filter((m) => isToGive(m) && !m.prn && m.nextDue.length === 0).length * 3 +
  chart.medications.length;

/** A patient of this language's demo site with the most to compare. */
async function demoPatientOf(viewer: Viewer, language: Language): Promise<CensusRow> {
  const site = SITES.find((s) => s.language === language);
  if (!site) throw new Error(`the demo has no ${language} site`);
  let best: { row: CensusRow; score: number } | null = null;
  for (const row of await allInScopeRows(viewer)) {
    const chart = await viewer.app.api.chart({ patientId: row.patientId });
    if (chart.stay?.siteName !== site.name) continue;
    const s = richness(chart);
    if (!best || s > best.score) best = { row, score: s };
  }
  if (!best) throw new Error(`no admitted patient at ${site.name}`);
  return best.row;
}

/** The patient of the FHIR fixtures with the most to compare, one in a bed first. */
async function fixturePatient(viewer: Viewer): Promise<{ patientId: string; mrn: string }> {
  let best: { patientId: string; mrn: string; score: number } | null = null;
  for (const hit of await viewer.app.api.search({ query: 'a', limit: 50 })) {
    const chart = await viewer.app.api.chart({ patientId: hit.patientId });
    const s = richness(chart) + (chart.stay ? 1000 : 0);
    if (!best || s > best.score) best = { patientId: hit.patientId, mrn: hit.mrn, score: s };
  }
  if (!best) throw new Error('the fixtures give no patient');
  return best;
}

/**
 * Opens the patient's chart in `language` (the census is on screen), reads what the screen says,
 * renders the paper and checks the paper says each of it.
 */
async function screenAndPaperAgree(
  page: Page,
  viewer: Viewer,
  patient: { readonly patientId: string; readonly mrn: string },
  language: Language,
  testInfo: TestInfo,
): Promise<{ readonly orders: number; readonly dues: number; readonly facts: number }> {
  const m = RESOURCES[language];
  const words = wordsTranslator(language);
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
  // Code status belongs to a stay: a patient not admitted has none on screen.
  const codeStatusOnScreen = header.locator('[data-code-status]');
  const codeStatus =
    (await codeStatusOnScreen.count()) > 0
      ? (await codeStatusOnScreen.first().innerText()).trim()
      : null;
  const banner = await page.locator('.age-banner').innerText();
  await page.getByRole('tab', { name: words('summary.medications'), exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: words('summary.medications'), exact: true });
  await expect(panel).not.toBeEmpty();
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
      const facts = [...row.querySelectorAll('[data-fact]')].map((f) => f.textContent ?? '');
      return { drug, dose, route, frequency, state, facts };
    }),
  );
  // The scheduled table's next-due cell: each due time as the screen says it ("mar. 14:00").
  const scheduledRows = panel.locator('section').first().locator('tbody tr');
  const dueOnScreen = await scheduledRows.evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('.due-times li')].map((li) =>
        (li.childNodes[0]?.textContent ?? '').trim(),
      ),
    ),
  );
  // And what the cell says when no time is listed ("Rien de prévu", "Perfusion continue").
  const nothingDue = await scheduledRows.evaluateAll((rows) =>
    rows.flatMap((row) => {
      const cell = row.querySelectorAll('td')[3]; // after dose, route and frequency
      return cell && !cell.querySelector('li, .schedule-problem')
        ? [(cell.textContent ?? '').trim()]
        : [];
    }),
  );
  const stopped = words('orderState.recently-stopped');

  // The instants behind them (the chart's scheduled orders, in the table's order): the screen
  // must say each in its form, the paper in its full date.
  const chart = await viewer.app.api.chart({ patientId: patient.patientId });
  const scheduled = chart.medications.filter((med) => isToGive(med) && !med.prn);
  const screenForm = formatters(language, TIME_ZONE);
  expect(dueOnScreen.length, 'one next-due cell per scheduled order').toBe(scheduled.length);
  const dues = scheduled.flatMap((med, index) => {
    expect(dueOnScreen[index], `the screen's next due of ${med.drug ?? med.id}`).toEqual(
      med.nextDue.map((due) => screenForm.dayTime(due.at)),
    );
    return med.nextDue.map((due) => ({
      drug: med.drug ?? med.id,
      screen: screenForm.dayTime(due.at),
      paper: formatDateTime(new Date(due.at), TIME_ZONE, language),
    }));
  });

  // What the paper says. The MAR only of a patient in a bed (it is the ward's sheet).
  const reports = chart.stay ? (['summary', 'mar'] as const) : (['summary'] as const);
  const dir = testInfo.outputPath(`${language}-${patient.mrn}`);
  mkdirSync(dir, { recursive: true });
  const paper = new Map<string, string>();
  for (const report of reports) {
    const { pdfBase64 } = await viewer.app.api.renderReport({
      report,
      patientId: patient.patientId,
      paper: 'A4',
      language,
    });
    const file = join(dir, `${report}.pdf`);
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    paper.set(report, execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
  }

  const dataAsOf = (await viewer.app.api.getStatus({})).current?.dataAsOf;
  if (!dataAsOf) throw new Error('no current export');
  const clock = formatDateTime(new Date(dataAsOf), TIME_ZONE, language); // "2026-12-01 13:16"
  const [day = '', time = ''] = clock.split(' ');
  // The screen says the same instant in its own date form: its time and day of the month.
  expect(banner).toContain(time);
  expect(banner).toContain(String(Number(day.slice(8))));

  for (const [report, pdfText] of paper) {
    const text = squeeze(pdfText);
    const says = (what: string, written: string) =>
      expect(text, `${report} (${language}) says ${what} as the screen does: ${written}`).toContain(
        squeeze(written),
      );
    says('the data age', clock);
    if (codeStatus !== null) says('the code status', codeStatus);
    for (const allergy of allergies) says('the allergy', allergy);
    for (const { drug, dose, route, frequency, state, facts } of orders) {
      says('the drug', drug);
      if (dose !== '') says(`the dose of ${drug}`, dose);
      if (route !== '') says(`the route of ${drug}`, route);
      // The MAR lists an order stopped in the last 24 h by its stop time, not its rhythm.
      const listedByStop = report === 'mar' && state?.startsWith(stopped) === true;
      if (frequency !== '' && !listedByStop) says(`the frequency of ${drug}`, frequency);
      if (state !== null && report === 'summary') says(`the state of ${drug}`, state);
      if (report === 'mar') for (const fact of facts) says(`what is noted of ${drug}`, fact);
    }
    // The summary lists each order's next due times in full; the MAR puts them in hour columns.
    if (report === 'summary') {
      for (const due of dues) says(`the next due of ${due.drug} (${due.screen})`, due.paper);
      for (const none of nothingDue) says('an order’s next due when none is listed', none);
    }
  }
  const facts = paper.has('mar') ? orders.flatMap((o) => o.facts).length : 0;
  testInfo.annotations.push({
    type: 'compared',
    description: `${language} ${patient.mrn}: ${allergies.length} allergy lines, ${orders.length} orders, ${dues.length} next-due times, ${facts} order notes, ${nothingDue.length} next-due cells with no time`,
  });
  return { orders: orders.length, dues: dues.length, facts };
}

for (const language of ['fr', 'nl', 'de'] as const) {
  test(`the ${language} chart screen and the summary and MAR say the same (demo)`, async ({
    viewer,
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await viewer.app.api.unlock({ passphrase: DEMO_PASSPHRASE, user: NURSE });
    const patient = await demoPatientOf(viewer, language);
    await viewer.app.api.lock({});

    await page.locator('.language-picker select').selectOption(language);
    await page.locator('input[name="user"]').fill(NURSE);
    await page.locator('input[name="passphrase"]').fill(DEMO_PASSPHRASE);
    await page.locator('form button[type="submit"]').click();
    await expect(
      page.getByRole('heading', { level: 1, name: WORDS[language]['report.census'] }),
    ).toBeVisible({ timeout: 20_000 });
    const compared = await screenAndPaperAgree(page, viewer, patient, language, testInfo);
    expect(compared.orders, 'the patient has orders to compare').toBeGreaterThan(1);
    expect(compared.dues, 'and doses due to compare').toBeGreaterThan(0);
    expect(
      compared.facts,
      'and notes under its orders (rate, indication, maximum)',
    ).toBeGreaterThan(0);
  });
}

test('a patient of the public FHIR fixtures reads the same on screen and paper in fr, nl and de', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const site = await makeTestSite({ fhir: [FIXTURES] });
  const viewer = await openTestSite(page, site, 'fixtures.dtx');
  try {
    const patient = await fixturePatient(viewer);
    for (const language of ['fr', 'nl', 'de'] as const) {
      await page.locator('.language-picker select').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await screenAndPaperAgree(page, viewer, patient, language, testInfo);
    }
  } finally {
    await viewer.close();
    site.remove();
  }
});
