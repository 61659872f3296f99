/**
 * An order of several dose lines, from FHIR to paper. A titration in steps (modelled on the
 * Belgian medication IG's example `example-04-gutron`: midodrine 2,5 → 5 → 7,5 → 10 mg three
 * times a day, each step `boundsDuration` one week) and insulin at each meal (three concurrent
 * lines). Each dose due says its own line's dose — the MAR's boxes, the round, the pharmacy
 * count, the summary's next doses — and the order says every line in the reader's words, never
 * the importer's English short form ("3 times a day") or its decimal point ("2.5 mg").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import type { Language, ReportRequest } from '../../../electron/core/model.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { adalimumabLoading, medicationRequest } from '../fhir/small-hospital.ts';
import { reportText, smallHospitalDb } from './export-db.ts';

const week = { value: 1, unit: 'week', system: 'http://unitsofmeasure.org', code: 'wk' };
const thrice = { frequency: 3, period: 1, periodUnit: 'd' };
const step = (sequence: number, mg: number, last = false) => ({
  sequence,
  timing: { repeat: last ? thrice : { ...thrice, boundsDuration: week } },
  doseAndRate: [{ doseQuantity: { value: mg, system: 'http://unitsofmeasure.org', code: 'mg' } }],
});
/** Started on 14 November: step 3 (7,5 mg) runs 28 November – 4 December, step 4 after. */
const TITRATION = medicationRequest(
  'm-zoe-midodrine',
  'p-zoe',
  'Gutron 5 mg',
  {},
  {
    dosageInstruction: [step(1, 2.5), step(2, 5), step(3, 7.5), step(4, 10, true)],
    dispenseRequest: { validityPeriod: { start: '2026-11-14T00:00:00+01:00' } },
  },
);
const meal = (when: string, units: number) => ({
  timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: [when] } },
  doseAndRate: [{ doseQuantity: { value: units, unit: 'U' } }],
  route: { text: 'SC' },
});
const INSULIN = medicationRequest(
  'm-zoe-insulin',
  'p-zoe',
  'Insuline asparte',
  {},
  {
    dosageInstruction: [meal('ACM', 10), meal('ACD', 15), meal('ACV', 20)],
  },
);

/** Adalimumab's loading order (fhir/small-hospital.ts), dated in the test hospital's month. */
const LOADING = adalimumabLoading({
  start: '2026-11-15T00:00:00+01:00',
  end: '2027-02-14T00:00:00+01:00',
});

let db: ReadonlyDb;
let dir: string;
beforeAll(async () => {
  db = await smallHospitalDb([TITRATION, INSULIN, LOADING]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dose-lines-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The report's text in drawing order, runs of white space (no-break ones too) as one space. */
const text = (what: Omit<ReportRequest, 'language' | 'paper'>, language: Language) =>
  reportText(db, { ...what, language, paper: 'A4' }, dir);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const START = '2026-11-28T07:00:00Z'; // 08:00 in Brussels

describe.each(['fr', 'nl', 'de'] as const)('an order of several dose lines in %s', (language) => {
  const rhythm = { fr: '3 fois par jour', nl: '3 keer per dag', de: '3-mal täglich' }[language];
  const fromTo = {
    fr: (from: string, to: string) => `du ${from} au ${to}`,
    nl: (from: string, to: string) => `van ${from} tot en met ${to}`,
    de: (from: string, to: string) => `vom ${from} bis ${to}`,
  }[language];

  it("puts this week's step dose under each of the day's three times on the MAR", async () => {
    const mar = await text({ report: 'mar', patientId: 'p-zoe', start: START }, language);
    // The order lists its four steps, each on its own row: dose · rhythm · the step's days …
    expect(mar).toContain(`2,5 mg · ${rhythm} · ${fromTo('2026-11-14', '2026-11-20')}`);
    expect(mar).toContain(`7,5 mg · ${rhythm} · ${fromTo('2026-11-28', '2026-12-04')}`);
    expect(mar).toMatch(new RegExp(`10 mg · ${rhythm} · (à partir du|vanaf|ab) 2026-12-05`));
    // … and 08:00, 14:00 and 20:00 today are each the third step's 7,5 mg.
    expect(count(mar, '7,5 mg')).toBe(1 + 3);
    expect(count(mar, '10 mg')).toBe(1);
    // The insulin's three lines run together (no step days), each with its own units and meal.
    expect(mar).toMatch(/10 (unités|eenheden|Einheiten) · [^·]+ 15 \S+ · [^·]+ 20 \S+ · /);
    expect(count(mar, '15 ')).toBeGreaterThanOrEqual(2);
    expect(mar).not.toMatch(/2\.5|7\.5|times a day|before (breakfast|lunch|dinner)| \/ /);
  });

  it('gives a row per time and dose on a 7-day MAR, so the step change falls on its day', async () => {
    const start = '2026-11-30T07:00:00Z';
    const mar = await text({ report: 'mar', patientId: 'p-zoe', start, days: 7 }, language);
    // 08:00, 14:00 and 20:00, each once at 7,5 mg (30 Nov – 4 Dec) and once at 10 mg (5 Dec –).
    expect(count(mar, '7,5 mg')).toBe(1 + 3);
    expect(count(mar, '10 mg')).toBe(1 + 3);
  });

  it("lists each dose of the round at its line's dose, and the pharmacy counts each step's amount", async () => {
    const round = await text(
      { report: 'round', wardId: 'w3b', start: '2026-11-28T12:00:00Z' },
      language,
    );
    // The 14:00 round: the titration's 7,5 mg, never the list of its steps.
    expect(round).toContain('7,5 mg');
    expect(round).not.toContain('2,5 mg / 5 mg');
    const pharmacy = await text(
      { report: 'pharmacy', wardId: 'w3b', start: '2026-11-28T07:00:00Z', hours: 72 },
      language,
    );
    // 72 h from 08:00: nine doses of 7,5 mg = 67,5 mg (all in step 3).
    expect(pharmacy).toContain('67,5 mg');
  });

  it('says each next dose with its own dose in the summary', async () => {
    const summary = await text({ report: 'summary', patientId: 'p-zoe' }, language);
    expect(summary).toMatch(/14:00 — 7,5 mg/);
    expect(summary).toMatch(/11:30 — 15/); // the insulin before lunch
    expect(summary).not.toMatch(/2\.5|times a day/);
  });
});

describe.each(['fr', 'nl', 'de'] as const)(
  'a loading dose then a maintenance dose in %s',
  (language) => {
    const words = {
      fr: {
        none: 'rythme non précisé',
        every2wk: 'toutes les 2 semaines',
        fromTo: 'du 2026-11-15 au 2026-11-21',
        from: 'à partir du 2026-11-29',
      },
      nl: {
        none: 'frequentie niet vermeld',
        every2wk: 'om de 2 weken',
        fromTo: 'van 2026-11-15 tot en met 2026-11-21',
        from: 'vanaf 2026-11-29',
      },
      de: {
        none: 'Häufigkeit nicht angegeben',
        every2wk: 'alle 2 Wochen',
        fromTo: 'vom 2026-11-15 bis 2026-11-21',
        from: 'ab 2026-11-29',
      },
    }[language];
    const rows = [
      `80 mg · ${words.none} · ${words.fromTo}`,
      `40 mg · ${words.none} · `,
      `40 mg · ${words.every2wk} · ${words.from}`,
    ];
    /** The rows in the order the page draws them. */
    const inOrder = (page: string) => rows.map((row) => page.indexOf(row));

    it('pairs each dose with its own rhythm and week on the MAR, never two joined lists', async () => {
      const mar = await text({ report: 'mar', patientId: 'p-zoe', start: START }, language);
      const at = inOrder(mar);
      expect(at.every((i) => i >= 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(mar).not.toContain('80 mg / 40 mg');
      expect(mar).not.toContain(`— / ${words.every2wk}`);
      // Under "do not give before checking with the prescriber", why: line 1 has no rhythm.
      const t = wordsTranslator(language);
      const why = t('scheduleProblem.onLine', {
        line: 1,
        problem: t('scheduleProblem.no-frequency'),
      });
      expect(mar).toContain(why.replace(/\s+/gu, ' '));
    });

    it('says the same rows in the summary, the round and the handover', async () => {
      const summary = await text({ report: 'summary', patientId: 'p-zoe' }, language);
      const round = await text(
        { report: 'round', wardId: 'w3b', start: '2026-11-28T12:00:00Z' },
        language,
      );
      const handover = await text({ report: 'handover', wardId: 'w3b' }, language);
      for (const page of [summary, round, handover]) {
        expect(inOrder(page).every((i) => i >= 0)).toBe(true);
        expect(page).not.toContain('80 mg / 40 mg');
      }
    });
  },
);
