/**
 * "No known … allergy" statements on paper, from FHIR: a patient with only "no known drug
 * allergy" (SNOMED 409137002) is still "allergies not recorded" — it says nothing of food or
 * latex — and the header says the drug absence beside it, in the reader's words.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import type { Language } from '../../../electron/core/model.ts';
import { renderReport, type ReportSettings } from '../../../electron/core/print/render.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { AS_OF, smallHospitalDb } from './export-db.ts';
import { manifest } from './fixtures.ts';

const NKDA = {
  resourceType: 'AllergyIntolerance',
  id: 'a-zoe-nkda',
  clinicalStatus: { coding: [{ code: 'active' }] },
  verificationStatus: { coding: [{ code: 'confirmed' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '409137002' }] },
  patient: { reference: 'Patient/p-zoe' },
};

const settings: ReportSettings = {
  manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), site: { id: 'chu', name: 'CHU Démo' } },
  printedAt: new Date('2026-11-28T07:30:00Z'),
  printedBy: 'Nurse Claes',
  timeZone: 'Europe/Brussels',
  adminTimes: DEFAULT_ADMIN_TIMES,
  roundStarts: ['07:00', '15:00', '22:00'],
  censusBarcodes: false,
  staleAmberHours: 2,
  issuedNumbers: [],
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

async function summary(language: Language): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const request = { report: 'summary', patientId: 'p-zoe', language, paper: 'A4' } as const;
  await renderReport(db, request, settings, sink);
  const file = path.join(dir, `summary-${language}.pdf`);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

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
