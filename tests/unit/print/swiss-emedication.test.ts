/**
 * Orders written as the Swiss eMedication IG writes them (HL7 Switzerland, CH EMED,
 * github.com/hl7ch/ch-emed `input/examples`, licence CC0-1.0 per its ig.json): the route coded
 * only in EDQM Standard Terms with an English term ("Oral use", "Cutaneous use"), the dose in
 * SNOMED's "Tablet (unit of presentation)" and a gel's range in "centimeter". Modelled on
 * `MedReq-ComplexDosage` (Amavita Wallwurz gel, PRN) and `NotRecommendedTimingCodes` /
 * `AsNeededWithMaxDose` (Norvasc at breakfast and dinner, Nitrostat PRN; MedicationStatements
 * there, written here as the orders they describe). A French, Dutch or German page says each
 * route and unit in its own words, never the code system's English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import { medicationRequest } from '../fhir/small-hospital.ts';
import { reportText, smallHospitalDb } from './export-db.ts';

const EDQM = 'urn:oid:0.4.0.127.0.16.1.1.2.1';
const edqmRoute = (code: string, display: string) => ({
  coding: [{ system: EDQM, code, display }],
});
const tablet = {
  value: 1,
  unit: 'Tablet (unit of presentation)',
  system: 'http://snomed.info/sct',
  code: '732936001',
};
const cm = (value: number) => ({
  value,
  unit: 'centimeter',
  system: 'http://unitsofmeasure.org',
  code: 'cm',
});

const NORVASC = medicationRequest('m-norvasc', 'p-helene', 'NORVASC Tabl 10 mg', {
  timing: { repeat: { boundsPeriod: { start: '2012-02-04' }, when: ['CM', 'CV'] } },
  route: edqmRoute('20053000', 'Oral use'),
  doseAndRate: [{ doseQuantity: tablet }],
});
const GEL = medicationRequest('m-gel', 'p-helene', 'AMAVITA Wallwurz Gel', {
  patientInstruction:
    'Je nach Grösse der betroffenen Stellen ein 2-5 cm langes Stück Amavita Wallwurz-Gel bis 5-mal täglich auf die betroffenen Stellen einreiben und trocknen lassen.',
  asNeededBoolean: true,
  route: edqmRoute('20003000', 'Cutaneous use'),
  doseAndRate: [{ doseRange: { low: cm(2), high: cm(5) } }],
});
/** The same order with the route in the prescriber's own words: those are kept as written. */
const NITRO = medicationRequest('m-nitro', 'p-helene', 'Nitrostat 0.3 mg/tablet', {
  timing: { repeat: { boundsPeriod: { start: '2022-11-01' } } },
  asNeededBoolean: true,
  route: { ...edqmRoute('20067000', 'Sublingual use'), text: 'sous la langue' },
  doseAndRate: [{ doseQuantity: tablet }],
});

/** The morning's Norvasc, given and recorded with the route coded only (no text). */
const GIVEN = {
  resourceType: 'MedicationAdministration',
  id: 'a-norvasc',
  status: 'completed',
  medicationCodeableConcept: { text: 'NORVASC Tabl 10 mg' },
  subject: { reference: 'Patient/p-helene' },
  request: { reference: 'MedicationRequest/m-norvasc' },
  effectiveDateTime: '2026-11-28T06:10:00Z',
  dosage: { route: edqmRoute('20053000', 'Oral use'), dose: tablet },
};

let db: ReadonlyDb;
let dir: string;
beforeAll(async () => {
  db = await smallHospitalDb([NORVASC, GEL, NITRO, GIVEN]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swiss-emedication-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const WORDS = {
  fr: { oral: 'voie orale', cutaneous: 'voie cutanée', tablet: '1 comprimé' },
  nl: { oral: 'oraal', cutaneous: 'cutaan', tablet: '1 tablet' },
  de: { oral: 'oral', cutaneous: 'auf der Haut', tablet: '1 Tablette' },
} as const;

describe.each(['fr', 'nl', 'de'] as const)('a Swiss eMedication order in %s', (language) => {
  const words = WORDS[language];
  const mar = () =>
    reportText(
      db,
      {
        report: 'mar',
        patientId: 'p-helene',
        start: '2026-11-28T07:00:00Z',
        language,
        paper: 'A4',
      },
      dir,
    );

  it('says the coded route and the unit of presentation in the reader’s words', async () => {
    const page = await mar();
    expect(page).toContain(`NORVASC Tabl 10 mg · ${words.tablet} · ${words.oral}`);
    expect(page).toContain(`AMAVITA Wallwurz Gel · 2–5 cm · ${words.cutaneous}`);
    expect(page).not.toMatch(/Oral use|Cutaneous use|unit of presentation|centimeter|Tablet\b/);
  });

  it('says a dose given with a coded route in the same words, in the last 24 h before the sheet', async () => {
    const page = await mar();
    // The order's line and the morning's administration, each "1 tablet · oral" in words.
    expect(page.split(`${words.tablet} ${words.oral}`).length - 1).toBeGreaterThanOrEqual(1);
    expect(page).not.toContain('Oral use');
  });

  it('keeps a route the source wrote in words, and the patient instruction, as written', async () => {
    const page = await mar();
    expect(page).toContain(`Nitrostat 0.3 mg/tablet · ${words.tablet} · sous la langue`);
    expect(page).toContain('bis 5-mal täglich auf die betroffenen Stellen einreiben');
  });
});
