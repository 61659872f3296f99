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

const daily = { frequency: 1, period: 1, periodUnit: 'd' };
const day = { value: 1, unit: 'day', system: 'http://unitsofmeasure.org', code: 'd' };
/**
 * A loading dose by vein, then tablets (the lines' routes differ: one written out, one coded
 * only, EDQM 20053000): 300 mg IV on 27 November, 200 mg by mouth from the 28th.
 */
const AMIODARONE = medicationRequest(
  'm-zoe-amiodarone',
  'p-zoe',
  'Amiodarone',
  {},
  {
    dosageInstruction: [
      {
        sequence: 1,
        timing: { repeat: { ...daily, boundsDuration: day } },
        route: { text: 'IV lente sur 2 h' },
        doseAndRate: [{ doseQuantity: { value: 300, unit: 'mg' } }],
      },
      {
        sequence: 2,
        timing: { repeat: daily },
        route: { coding: [{ system: 'http://standardterms.edqm.eu', code: '20053000' }] },
        doseAndRate: [{ doseQuantity: { value: 200, unit: 'mg' } }],
      },
    ],
    dispenseRequest: { validityPeriod: { start: '2026-11-27T00:00:00+01:00' } },
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
  db = await smallHospitalDb([TITRATION, INSULIN, LOADING, AMIODARONE]);
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

    it('reads on the round as on the MAR: the drug, each line under it, then why', async () => {
      const round = await text(
        { report: 'round', wardId: 'w3b', start: '2026-11-28T12:00:00Z' },
        language,
      );
      const t = wordsTranslator(language);
      const why = t('scheduleProblem.onLine', {
        line: 1,
        problem: t('scheduleProblem.no-frequency'),
      }).replace(/\s+/gu, ' ');
      // "⚠ Hukyndra 40 mg", its three rows, the reason — no bullets, dashes or "per dose line".
      expect(round).toContain(`⚠ Hukyndra 40 mg ${rows[0]} ${rows[1]}`);
      expect(round).toContain(`${words.from} ${why}`);
      expect(round).not.toContain('•');
      expect(round).not.toContain('Hukyndra 40 mg —');
      expect(round).not.toContain(t('doseLine.perLine'));
    });

    it('lays the rows across the summary’s dose, route and frequency columns', async () => {
      const summary = await text({ report: 'summary', patientId: 'p-zoe' }, language);
      const t = wordsTranslator(language);
      expect(summary).toContain(`Hukyndra 40 mg • ${rows[0]}`);
      // The rows say each rhythm: no "per dose line" beside them.
      expect(summary).not.toContain(t('doseLine.perLine'));
    });

    it('lists the rows under the drug on the handover, without "per dose line"', async () => {
      const handover = await text({ report: 'handover', wardId: 'w3b' }, language);
      expect(handover).toContain(`Hukyndra 40 mg ${rows[0]}`);
      expect(handover).not.toContain('•');
      expect(handover).not.toContain(wordsTranslator(language)('doseLine.perLine'));
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

describe.each(['fr', 'nl', 'de'] as const)(
  'an order whose dose lines go by different routes in %s',
  (language) => {
    const oral = wordsTranslator(language)('route.oral');
    const rhythm = { fr: '1 fois par jour', nl: '1 keer per dag', de: '1-mal täglich' }[language];

    it('says each line’s route on its row of the MAR, and none joined on the order', async () => {
      const mar = await text({ report: 'mar', patientId: 'p-zoe', start: START }, language);
      expect(mar).toContain(`300 mg · IV lente sur 2 h · ${rhythm}`);
      expect(mar).toContain(`200 mg · ${oral} · ${rhythm}`);
      // The order's own route was the source's only words, "IV lente sur 2 h": never beside
      // the drug, where it would read as the tablets' route too.
      expect(mar).not.toMatch(/Amiodarone · IV/);
    });

    it('gives the round’s dose the route of its own line, and the summary each line’s', async () => {
      const round = await text(
        // 08:00 tomorrow (today's 08:00 is the data's own minute, before the round's reading).
        { report: 'round', wardId: 'w3b', start: '2026-11-29T06:00:00Z' },
        language,
      );
      // (Only the amiodarone has a route by mouth on this round; pdftotext may draw a cell of a
      // row with a high-alert mark after the next row.)
      expect(round).toContain('Amiodarone 200 mg');
      expect(round).toContain(` ${oral} `);
      expect(round).not.toContain('IV lente');
      const summary = await text({ report: 'summary', patientId: 'p-zoe' }, language);
      // (The next-due and last-given columns' text falls between a row's wrapped lines, and the
      // drug's name may be drawn after the header's, in pdftotext's order: the lines are compared.)
      expect(summary).toContain('• 300 mg · IV lente sur 2 h · ');
      expect(summary).toContain(`• 200 mg · ${oral} · `);
    });

    it('counts the tablets for the pharmacy under their own route', async () => {
      const pharmacy = await text(
        { report: 'pharmacy', wardId: 'w3b', start: '2026-11-28T07:00:00Z', hours: 72 },
        language,
      );
      expect(pharmacy).toMatch(new RegExp(`Amiodarone ${oral}`));
      expect(pharmacy).not.toContain('IV lente');
    });
  },
);
