/**
 * The ward-supply reports from a real export (the FHIR small hospital of the importer tests,
 * with vital signs and a held order added): page geometry from pdfinfo, text from pdftotext,
 * in the four languages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import type { Language, ReportRequest } from '../../../electron/core/model.ts';
import { MM } from '../../../electron/core/print/media.ts';
import { renderReport, type ReportContext } from '../../../electron/core/print/render.ts';
import { fullAgeInYears as ageInYears } from '../../../electron/common/age.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { medicationRequest } from '../fhir/small-hospital.ts';
import { smallHospitalDb, AS_OF } from './export-db.ts';
import { manifest } from './fixtures.ts';
import { WORDS } from '../../../electron/common/words/index.ts';

const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const satisfies readonly Language[];

const vital = (id: string, code: string, value: number, unit: string, at: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
        },
      ],
    },
  ],
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: 'Patient/p-helene' },
  effectiveDateTime: at,
  valueQuantity: { value, unit },
});

const EXTRA = [
  vital('o-rr', '9279-1', 22, '/min', '2026-11-28T06:10:00+01:00'),
  vital('o-temp', '8310-5', 38.4, 'Cel', '2026-11-28T06:10:00+01:00'),
  vital('o-hr', '8867-4', 96, '/min', '2026-11-28T06:10:00+01:00'),
  medicationRequest('m-zoe-metoprolol', 'p-zoe', 'Métoprolol 50 mg comprimé', {
    timing: {
      repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] },
    },
    doseAndRate: [{ doseQuantity: { value: 50, unit: 'mg' } }],
    route: { text: 'PO' },
  }),
  medicationRequest(
    'm-zoe-held',
    'p-zoe',
    'Énoxaparine 40 mg seringue',
    {
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] } },
      doseAndRate: [{ doseQuantity: { value: 40, unit: 'mg' } }],
      route: { text: 'SC' },
    },
    { status: 'on-hold' },
  ),
];

const ctx: ReportContext = {
  manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), site: { id: 'chu', name: 'CHU Démo' } },
  language: 'en',
  paper: 'A4',
  printedAt: new Date('2026-11-28T06:30:00Z'),
  printedBy: 'Nurse Claes',
  timeZone: 'Europe/Brussels',
  adminTimes: DEFAULT_ADMIN_TIMES,
  roundStarts: ['07:00', '15:00', '22:00'],
  censusBarcodes: false,
  staleAmberHours: 2,
  staleRedHours: 24,
  issuedNumbers: ['DT-0042'],
};

let db: ReadonlyDb;
let dir: string;
beforeAll(async () => {
  db = await smallHospitalDb(EXTRA);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supplies-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function render(
  what: Omit<ReportRequest, 'language' | 'paper'>,
  language: Language = 'en',
  extra: Partial<ReportContext> = {},
): Promise<{ pages: number; text: string; flat: string; sizes: string[] }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const context = { ...ctx, ...extra };
  const request: ReportRequest = { ...what, language, paper: context.paper };
  const { pages } = await renderReport(db, request, context, sink);
  const file = path.join(dir, `${request.report}-${language}-${n++}.pdf`);
  fs.writeFileSync(file, Buffer.concat(chunks));
  if (process.env['SUPPLIES_PDF_DIR'])
    fs.copyFileSync(file, path.join(process.env['SUPPLIES_PDF_DIR'], path.basename(file)));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // In drawing order, wrapped lines joined: for text that wraps inside a narrow box.
  const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], {
    encoding: 'utf8',
  });
  const sizes = [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
  expect(sizes).toHaveLength(pages);
  return { pages, text, flat, sizes };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const pt = (mm: number) => Math.round(mm * MM);

describe('patient labels', () => {
  it('prints a full 3 × 7 sheet per patient of the ward, each label with both identifiers', async () => {
    const { pages, text, sizes } = await render({ report: 'labels', wardId: 'w3b' });
    expect(pages).toBe(3); // three admitted patients on 3B, one sheet each
    expect(sizes).toEqual(['595x842', '595x842', '595x842']);
    expect(count(text, 'MRN MRN0001')).toBe(21);
    expect(count(text, 'Born 1950-03-14')).toBe(21);
    expect(text).toContain('Médecine interne 3B — Bed 12A');
    expect(text).toMatch(/data as of .* page 1\/3/);
  });

  it('prints only --count labels for one patient', async () => {
    const { pages, text } = await render({ report: 'labels', patientId: 'p-zoe', count: 5 });
    expect(pages).toBe(1);
    expect(count(text, 'MRN MRN0005')).toBe(5);
  });
});

describe('wristbands', () => {
  it('sizes each band to the adult preset, allergy flag and MRN on it', async () => {
    const { pages, flat, sizes } = await render({ report: 'wristband', wardId: 'w3b' });
    expect(pages).toBe(3);
    expect(new Set(sizes)).toEqual(new Set([`${pt(280)}x${pt(25)}`]));
    // Bed order: 2A Jean (no known allergy), 12A Hélène (penicillin), 12B Zoë (never assessed).
    expect(flat).toMatch(
      /ŒUVRARD, Jean Born 1941-07-02 MRN MRN0002 No known allergies .*page 1\/3/,
    );
    expect(flat).toMatch(
      /LEFÈVRE-DUPONT, Hélène Born 1950-03-14 MRN MRN0001 ALLERGIES — see chart/,
    );
    expect(flat).toMatch(/D'HONDT, Zoë Born 2001-01-31 MRN MRN0005 Allergies not recorded — ask/);
  });

  it('takes the child preset on request, and by age', async () => {
    const { sizes } = await render({ report: 'wristband', patientId: 'p-zoe', band: 'child' });
    expect(sizes).toEqual([`${pt(180)}x${pt(25)}`]);
    expect(ageInYears('2020-12-01', new Date('2026-11-30T00:00:00Z'))).toBe(5);
    expect(ageInYears('2020-11-30', new Date('2026-11-30T00:00:00Z'))).toBe(6);
    expect(ageInYears('2020', new Date('2026-11-30T00:00:00Z'))).toBeNull();
  });
});

describe('medication round', () => {
  it('lists the doses due in the window by bed, never a held order', async () => {
    const { text } = await render({
      report: 'round',
      wardId: 'w3b',
      start: '2026-11-28T07:00:00+01:00',
      end: '2026-11-28T09:00:00+01:00',
    });
    expect(text).toContain('Medication round');
    expect(text).toMatch(/08:00 +Métoprolol 50 mg comprimé +50 mg +PO/);
    expect(text).toContain('From 2026-11-28 07:00 to 2026-11-28 09:00');
    // Hélène's furosemide has no computable time: named and flagged, never left off.
    expect(text).toMatch(/⚠ Furosémide — 40 mg/);
  });

  // The doses come from the schedule, which yields due times for active orders only (issue 11).
  it('never lists a held order on the round or the pharmacy list', async () => {
    const start = '2026-11-28T07:00:00+01:00';
    const round = await render({ report: 'round', wardId: 'w3b', start });
    const pharmacy = await render({ report: 'pharmacy', wardId: 'w3b', start });
    expect(round.text).toContain('Métoprolol');
    expect(round.text).not.toContain('Énoxaparine');
    expect(pharmacy.text).not.toMatch(/Énoxaparine.*\d+ mg/);
  });

  it('starts at the current round with start "round": printed at 09:22, the 08:00 dose is on it', async () => {
    const late = { printedAt: new Date('2026-11-28T09:22:00+01:00') };
    const round = await render({ report: 'round', wardId: 'w3b', marStart: 'round' }, 'en', late);
    expect(round.text).toContain('From 2026-11-28 07:00 to 2026-11-28 09:00');
    expect(round.text).toMatch(/08:00 +Métoprolol 50 mg comprimé/);
    const now = await render({ report: 'round', wardId: 'w3b', marStart: 'now' }, 'en', late);
    expect(now.text).toContain('From 2026-11-28 09:22 to 2026-11-28 11:22');
    expect(now.text).not.toMatch(/08:00 +Métoprolol/);
  });

  it('refuses a window that ends before it starts', async () => {
    await expect(
      render({
        report: 'round',
        wardId: 'w3b',
        start: '2026-11-28T09:00:00+01:00',
        end: '2026-11-28T07:00:00+01:00',
      }),
    ).rejects.toThrow(/must end after it starts/);
  });
});

describe('pharmacy list', () => {
  it('adds up the scheduled doses per drug for 24 h and 3 days, PRN apart', async () => {
    const start = '2026-11-28T07:00:00+01:00';
    const day = await render({ report: 'pharmacy', wardId: 'w3b', start });
    expect(day.text).toMatch(/Métoprolol 50 mg comprimé +PO +2 +100 mg +1/);
    expect(day.text).toMatch(/Paracétamol +1 ?g +4 ?g/); // PRN, listed apart
    const three = await render({ report: 'pharmacy', wardId: 'w3b', start, hours: 72 });
    expect(three.text).toMatch(/Métoprolol 50 mg comprimé +PO +6 +300 mg +1/);
    expect(three.text).toContain('From 2026-11-28 07:00 to 2026-12-01 07:00');
  });
  it('starts at the current round with start "round", like the MAR', async () => {
    // Printed at 23:40: the 22:00 round is under way.
    const late = { printedAt: new Date('2026-11-28T23:40:00+01:00') };
    const list = await render({ report: 'pharmacy', wardId: 'w3b', marStart: 'round' }, 'en', late);
    expect(list.text).toContain('From 2026-11-28 22:00 to 2026-11-29 22:00');
  });
});

describe('observation chart', () => {
  it('is the NEWS2 layout with the last values of the export in the first column', async () => {
    const { pages, text, sizes } = await render({ report: 'obs-chart', patientId: 'p-helene' });
    expect(pages).toBe(1);
    expect(sizes).toEqual(['595x842']);
    expect(text).toContain('Observation chart (NEWS2)');
    expect(text).toMatch(/21–24 +2 +● 22/);
    expect(text).toMatch(/91–110 +1 +● 96/);
    expect(text).toMatch(/38\.1–39 +1 +● 38\.4/);
    expect(text).toContain('MRN MRN0001');
    const fr = await render({ report: 'obs-chart', patientId: 'p-helene' }, 'fr');
    expect(fr.text).toMatch(/38,1–39 +1 +● 38,4/);
  });
});

describe('the stale-data line on the A4 supply pages', () => {
  it('is printed on the observation chart when the data is old, and the chart stays on one page', async () => {
    const printedAt = new Date(AS_OF.getTime() + 30 * 3600_000);
    const { pages, flat } = await render({ report: 'obs-chart', patientId: 'p-helene' }, 'en', {
      printedAt,
    });
    expect(pages).toBe(1);
    expect(flat).toContain('data from 30 hours ago');
    const fresh = await render({ report: 'obs-chart', patientId: 'p-helene' });
    expect(fresh.flat).not.toContain('data from');
  });

  it.each(LANGUAGES)(
    '%s: says the instruction the screen’s banner says at the same level (amber from 2 h, red from 24 h)',
    async (language) => {
      const words = WORDS[language];
      const at = (hours: number) => ({ printedAt: new Date(AS_OF.getTime() + hours * 3600_000) });
      const amber = await render({ report: 'obs-chart', patientId: 'p-helene' }, language, at(5));
      const red = await render({ report: 'obs-chart', patientId: 'p-helene' }, language, at(30));
      const squeeze = (text: string) => text.replace(/\s+/g, '');
      expect(squeeze(amber.flat)).toContain(squeeze(words['dataAge.amber']));
      expect(squeeze(amber.flat)).not.toContain(squeeze(words['dataAge.red']));
      expect(squeeze(red.flat)).toContain(squeeze(words['dataAge.red']));
    },
  );
});

describe('registration packet', () => {
  it('prints labels, wristband, blank MAR and observation chart for an issued number', async () => {
    const { pages, text, sizes } = await render({
      report: 'registration',
      wardId: 'w3b',
      number: 'DT-0042',
    });
    expect(pages).toBe(4);
    expect(sizes).toEqual(['595x842', `${pt(280)}x${pt(25)}`, '595x842', '595x842']);
    expect(count(text, 'Downtime no. DT-0042')).toBeGreaterThanOrEqual(21 + 3);
    expect(text).toContain('Medication administration worksheet — blank');
    expect(text).not.toContain('MRN ');
  });

  it('refuses a number this laptop did not issue', async () => {
    await expect(render({ report: 'registration', number: 'DT-9999' })).rejects.toThrow(
      /issued on this laptop/,
    );
  });
});

describe('in the four languages', () => {
  const titles: Record<Exclude<Language, 'en'>, string[]> = {
    fr: [
      'Étiquettes patient',
      "Bracelet d'identification",
      'Tour de médicaments',
      'Commande à la pharmacie',
      'Feuille de surveillance des paramètres (NEWS2)',
    ],
    nl: [
      'Patiëntenetiketten',
      'Identificatiebandje',
      'Medicatieronde',
      'Bestellijst apotheek',
      'Parameterblad (NEWS2)',
    ],
    de: [
      'Patientenetiketten',
      'Identifikationsarmband',
      'Medikamentenrunde',
      'Apothekenbestellung',
      'Überwachungsbogen (NEWS2)',
    ],
  };
  for (const [language, expected] of Object.entries(titles) as [
    Exclude<Language, 'en'>,
    string[],
  ][]) {
    it(`titles each report in ${language}`, async () => {
      const kinds = ['labels', 'wristband', 'round', 'pharmacy', 'obs-chart'] as const;
      for (const [i, report] of kinds.entries()) {
        const scope =
          report === 'wristband' || report === 'obs-chart'
            ? { patientId: 'p-helene' }
            : { wardId: 'w3b' };
        const { text } = await render(
          { report, ...scope, start: '2026-11-28T07:00:00+01:00' },
          language,
        );
        // The wristband has no room for a title: its identity and footer carry it.
        if (report !== 'wristband') expect(text).toContain(expected[i]);
        expect(text).not.toMatch(/\bBorn\b|Downtime copy|Allergies not recorded/);
      }
    });
  }
});
