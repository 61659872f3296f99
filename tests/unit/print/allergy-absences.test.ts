/**
 * "No known … allergy" statements on paper, from FHIR: a patient with only "no known drug
 * allergy" (SNOMED 409137002) is still "allergies not recorded" — it says nothing of food or
 * latex — and the header says the drug absence beside it, in the reader's words.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import type { Language } from '../../../electron/core/model.ts';
import { reportText, smallHospitalDb } from './export-db.ts';

const NKDA = {
  resourceType: 'AllergyIntolerance',
  id: 'a-zoe-nkda',
  clinicalStatus: { coding: [{ code: 'active' }] },
  verificationStatus: { coding: [{ code: 'confirmed' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '409137002' }] },
  patient: { reference: 'Patient/p-zoe' },
};

let db: ReadonlyDb;
let dir: string;
beforeAll(async () => {
  db = await smallHospitalDb([NKDA]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nkda-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const summary = (language: Language): Promise<string> =>
  reportText(db, { report: 'summary', patientId: 'p-zoe', language, paper: 'A4' }, dir);

describe('a "no known drug allergy" statement on paper', () => {
  it.each([
    [
      'fr',
      'Allergies non renseignées — à vérifier avant toute administration · Aucune allergie médicamenteuse connue',
    ],
    [
      'nl',
      'Allergieën niet geregistreerd — navragen vóór toediening · Geen gekende geneesmiddelenallergie',
    ],
    ['de', 'Allergien nicht erfasst — vor Gabe erfragen · Keine bekannte Arzneimittelallergie'],
  ] as const)(
    'in %s: still "not recorded", with the drug absence beside it',
    async (language, band) => {
      expect(await summary(language)).toContain(band);
    },
  );
});
