/**
 * A child's MAR says mg/kg per dose and per 24 h beside each dose in a mass unit, from the same
 * rule and words as the chart screen (common/weight.ts); an adult's says nothing; a child whose
 * weight is too old or undated is told to weigh, and one with none gets the band's warning.
 * Checked on the demo hospital's paediatric ward, printed in French, Dutch and German.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import type { Language } from '../../../electron/core/api/contract.ts';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { NO_DOSE, type Observation } from '../../../electron/core/model.ts';
import { handoverReport } from '../../../electron/core/print/handover.ts';
import { marReport, marSheetFromChart } from '../../../electron/core/print/mar.ts';
import { wallClockDays } from '../../../electron/core/print/mar-window.ts';
import { renderReport, type ReportContext } from '../../../electron/core/print/render.ts';
import { summaryReport } from '../../../electron/core/print/summary.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import {
  chart,
  context,
  manifest,
  medication,
  pageTexts,
  renderToBuffer,
  weighed,
} from './fixtures.ts';

const timeZone = 'Europe/Brussels';
const AS_OF = new Date('2026-12-01T08:19:00Z');
const PER_DOSE: Record<Language, string> = {
  fr: 'mg/kg par dose',
  nl: 'mg/kg per dosis',
  de: 'mg/kg pro Dosis',
  en: 'mg/kg per dose',
};
const WEIGHT: Record<Language, RegExp> = {
  fr: /Poids ([\d,]+) kg/,
  nl: /Gewicht ([\d,]+) kg/,
  de: /Gewicht ([\d,]+) kg/,
  en: /Weight ([\d,]+) kg/,
};

let dir: string;
let db: ReadonlyDb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dtv-mar-per-kg-'));
  await generateDemoHospital({ patients: 300, seed: 1, asOf: AS_OF, outDir: dir });
  const imported = await importFhir([dir], { asOf: AS_OF, demo: true });
  db = openReadonlyDb(toSqliteImage(imported.db));
  imported.db.close();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function demoMar(wardId: string, language: Language): Promise<string[]> {
  const ctx: ReportContext = {
    ...context,
    manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), demo: true },
    language,
    printedAt: new Date(AS_OF.getTime() + 3_600_000),
    adminTimes: DEFAULT_ADMIN_TIMES,
    roundStarts: ['07:00', '15:00', '22:00'],
    censusBarcodes: false,
  };
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await renderReport(db, { report: 'mar', wardId, language, paper: 'A4' }, ctx, sink);
  return pageTexts(Buffer.concat(chunks));
}

const number = (text: string): number => Number(text.replace(',', '.'));
const threeDigits = (value: number): number => Number(value.toPrecision(3));

describe.each(['fr', 'nl', 'de'] as const)('the demo MAR in %s', (language) => {
  it('says mg/kg per dose beside a child’s mass dose, divided by the weight on the band', async () => {
    const pages = await demoMar('ward-namur-PE', language);
    let checked = 0;
    for (const page of pages) {
      const weight = WEIGHT[language].exec(page);
      if (!weight?.[1]) continue;
      const kg = number(weight[1]);
      const lines = page.split('\n');
      lines.forEach((line, i) => {
        // "Paracétamol sirop · 50 mg · Per os", then "15,6 mg/kg par dose · …".
        const dose = /^[^·]+ · ([\d,]+) mg · /.exec(line);
        const next = lines[i + 1] ?? '';
        if (!dose?.[1] || !next.includes(PER_DOSE[language])) return;
        const perDose = /^([\d,]+) mg\/kg/.exec(next);
        expect(perDose?.[1], next).toBeDefined();
        expect(number(perDose?.[1] ?? '')).toBe(threeDigits(number(dose[1]) / kg));
        checked++;
      });
    }
    // The demo ward has children on weight-based paracetamol, ondansetron and amoxicillin.
    expect(checked).toBeGreaterThan(5);
  });

  it('says no mg/kg on an adult ward', async () => {
    const text = (await demoMar('ward-namur-3B', language)).join('\n');
    expect(text).toMatch(/ mg · /);
    expect(text).not.toContain('mg/kg');
  });
});

const paracetamol = medication({
  id: 'para',
  drug: 'Paracétamol sirop',
  dose: 240,
  doseUnit: 'mg',
  timing: JSON.stringify({ repeat: { frequency: 1, period: 6, periodUnit: 'h' } }),
});
const ondansetron = medication({
  id: 'ond',
  drug: 'Ondansétron',
  dose: 1,
  doseUnit: 'mg',
  prn: true,
  maxDose: '3 mg / 24 h',
  timing: JSON.stringify({ repeat: { frequency: 1, period: 8, periodUnit: 'h' } }),
});
const salineFlush = medication({ id: 'nacl', drug: 'NaCl 0,9 %', dose: 2, doseUnit: 'mL' });
const held = medication({
  id: 'held',
  drug: 'Ibuprofène',
  dose: 100,
  doseUnit: 'mg',
  state: 'held',
});

type ChildOptions = { weightKg?: number | null; birthDate?: string; language?: Language };

/** A 5-month-old (born 2026-06-20) on the four orders above, unless `birthDate` says older. */
function childChart(observations: Observation[], options: ChildOptions) {
  const base = chart(1);
  return chart(1, {
    patient: {
      ...base.patient,
      birthDate: options.birthDate ?? '2026-06-20',
      weightKg: options.weightKg ?? null,
    },
    observations,
    medications: [paracetamol, ondansetron, salineFlush, held],
  });
}

async function childMar(observations: Observation[], options: ChildOptions = {}): Promise<string> {
  const window = wallClockDays(new Date('2026-12-01T07:00:00Z'), 1, timeZone);
  const c = childChart(observations, options);
  const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone };
  const sheets = [marSheetFromChart(c, window, clock, AS_OF)];
  const { pdf } = await renderToBuffer(
    (t) => marReport({ scope: 'CHU Test — Pédiatrie', window, sheets }, t, timeZone),
    {
      ...context,
      manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
      language: options.language ?? 'en',
      printedAt: new Date('2026-12-01T08:30:00Z'),
    },
  );
  return (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
}

describe('the MAR’s mg/kg for a child, and when it cannot be computed', () => {
  it('gives per dose and per 24 h for a scheduled dose, per dose and the maximum for a PRN', async () => {
    // 240 mg every 6 h for 6,6 kg: 36,4 mg/kg a dose, 145 mg/kg a day — the overdose the
    // issue found in the old demo, now in front of whoever gives it.
    const text = await childMar([weighed(6.6, '2026-11-30T08:00:00Z')], { language: 'fr' });
    expect(text).toContain('Poids 6,6 kg (2026-11-30)');
    expect(text).toContain('36,4 mg/kg par dose · 145 mg/kg par 24 h');
    expect(text).toContain('0,152 mg/kg par dose · max. 0,455 mg/kg par 24 h');
  });

  it('says nothing beside a dose in mL, nor beside a held order', async () => {
    const text = await childMar([weighed(6.6, '2026-11-30T08:00:00Z')]);
    expect(text.match(/mg\/kg per dose/g)).toHaveLength(2);
    expect(text).not.toMatch(/NaCl 0,9 % · 2 mL · oral [\d,]+ mg\/kg/);
    expect(text).not.toMatch(/Ibuprofène[^]*15,2 mg\/kg/);
  });

  it('tells the nurse to weigh when the infant’s weight is over 7 days old, with its date', async () => {
    const text = await childMar([weighed(6.6, '2026-11-20T08:00:00Z')]);
    expect(text).not.toContain('mg/kg per dose');
    expect(text.match(/no mg\/kg: weight of 2026-11-20, older than 7 days — weigh/g)).toHaveLength(
      2,
    );
  });

  it('tells the nurse to weigh when the only weight is the record’s, which has no date', async () => {
    const text = await childMar([], { weightKg: 7, language: 'de' });
    expect(text).toContain('Gewicht 7 kg');
    expect(text.match(/kein mg\/kg: Gewicht ohne Datum — wiegen/g)).toHaveLength(2);
  });

  it('puts "weigh before dosing" on the band of a child with no weight at all', async () => {
    const text = await childMar([], { language: 'nl' });
    expect(text).toContain('GEWICHT NIET GENOTEERD — wegen vóór het doseren');
    expect(text).not.toContain('mg/kg');
  });

  it('computes nothing for an adult, whatever the weight', async () => {
    const text = await childMar([weighed(70, '2026-11-30T08:00:00Z')], { birthDate: '1980-01-01' });
    expect(text).not.toContain('mg/kg');
  });
});

/** The child's summary and per-patient handover, as text. */
async function childSummaryAndHandover(
  observations: Observation[],
  options: ChildOptions = {},
): Promise<{ summary: string; handover: string }> {
  const c = childChart(observations, options);
  const settings = {
    ...context,
    manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
    language: options.language ?? 'en',
  };
  const text = async (pdf: Buffer) => (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
  const summary = await renderToBuffer((t) => summaryReport(c, t, timeZone, AS_OF), settings);
  const handover = await renderToBuffer(
    (t) =>
      handoverReport(
        {
          scope: 'CHU Test — Pédiatrie',
          charts: [c],
          asOf: AS_OF,
          timeZone,
          layout: 'per-patient',
        },
        t,
      ),
    settings,
  );
  return { summary: await text(summary.pdf), handover: await text(handover.pdf) };
}

describe('a child’s order of several dose lines (a taper)', () => {
  // Prednisolone 10 mg twice a day, then 5 mg once a day, for an 8 kg child weighed yesterday.
  const line = (sequence: number, dose: number, repeat: object) => ({
    ...NO_DOSE,
    sequence,
    text: null,
    dose,
    doseUnit: 'mg',
    timing: JSON.stringify({ repeat }),
  });
  const taper = medication({
    id: 'pred',
    drug: 'Prednisolone',
    doseLines: [
      line(1, 10, {
        frequency: 2,
        period: 1,
        periodUnit: 'd',
        boundsDuration: { value: 3, code: 'd' },
      }),
      line(2, 5, { frequency: 1, period: 1, periodUnit: 'd' }),
    ],
  });
  const child = () => {
    const base = chart(1);
    return chart(1, {
      patient: { ...base.patient, birthDate: '2025-06-20', weightKg: null },
      observations: [weighed(8, '2026-11-30T08:00:00Z')],
      medications: [taper],
    });
  };

  it('gives each line’s mg/kg, numbered as its lines, on the MAR and the summary', async () => {
    const window = wallClockDays(new Date('2026-12-01T07:00:00Z'), 1, timeZone);
    const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone };
    const sheets = [marSheetFromChart(child(), window, clock, AS_OF)];
    const print = async (build: Parameters<typeof renderToBuffer>[0]) => {
      const { pdf } = await renderToBuffer(build, {
        ...context,
        manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
        language: 'fr',
        printedAt: new Date('2026-12-01T08:30:00Z'),
      });
      return (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
    };
    const mar = await print((t) => marReport({ scope: 'Pédiatrie', window, sheets }, t, timeZone));
    const summary = await print((t) => summaryReport(child(), t, timeZone, AS_OF));
    for (const text of [mar, summary]) {
      expect(text).toContain('ligne de dose 1 : 1,25 mg/kg par dose · 2,5 mg/kg par 24 h');
      expect(text).toContain('ligne de dose 2 : 0,625 mg/kg par dose · 0,625 mg/kg par 24 h');
    }
  });
});

describe('the summary and handover say the MAR’s mg/kg', () => {
  it('gives the same figures beside the same doses, and none beside mL or a held order', async () => {
    const { summary, handover } = await childSummaryAndHandover(
      [weighed(6.6, '2026-11-30T08:00:00Z')],
      { language: 'fr' },
    );
    for (const text of [summary, handover]) {
      // The weight it is worked from, on the band of each.
      expect(text).toContain('Poids 6,6 kg (2026-11-30)');
      expect(text).toContain('36,4 mg/kg par dose · 145 mg/kg par 24 h');
      expect(text).toContain('0,152 mg/kg par dose · max. 0,455 mg/kg par 24 h');
      expect(text.match(/mg\/kg par dose/g)).toHaveLength(2);
    }
    // The handover's line: the order, then its mg/kg.
    expect(handover).toMatch(/Paracétamol sirop 240 mg [^—]*— 36,4 mg\/kg par dose/);
  });

  it('tells the nurse to weigh, marked, when the weight is too old', async () => {
    const { summary, handover } = await childSummaryAndHandover(
      [weighed(6.6, '2026-11-20T08:00:00Z')],
      { language: 'nl' },
    );
    for (const text of [summary, handover]) {
      expect(text).not.toContain('mg/kg per dosis');
      expect(text.match(/⚠ geen mg\/kg: gewicht van 2026-11-20/g)).toHaveLength(2);
    }
  });

  it('computes nothing for an adult', async () => {
    const { summary, handover } = await childSummaryAndHandover(
      [weighed(70, '2026-11-30T08:00:00Z')],
      { birthDate: '1980-01-01', language: 'de' },
    );
    expect(summary).not.toContain('mg/kg');
    expect(handover).not.toContain('mg/kg');
  });
});
