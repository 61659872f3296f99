/**
 * Medication orders say what the EHR meant (issue 11): state from status and modifiers, every
 * dosage instruction a dose line, rates and infusions, dispense-only requests, drug names and
 * high alert from every place the source puts them — imported on the small hospital, read back
 * through the chart as the screen and the MAR read it. Fixtures: tests/fixtures/fhir-public.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { getChart } from '../../../electron/core/db/queries.ts';
import type { ChartMedication } from '../../../electron/core/model.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { openSmallHospital } from '../db/export-db.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { AS_OF, medicationRequest, smallHospital, writeBundle } from './small-hospital.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/fhir-public/medication');
const fixture = (name: string): Record<string, unknown>[] => {
  const json = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as unknown;
  return (Array.isArray(json) ? json : [json]) as Record<string, unknown>[];
};
type Resource = NonNullable<Parameters<typeof openSmallHospital>[0]>[number];

const HOURS = 3600 * 1000;
const ago = (hours: number) => new Date(AS_OF.getTime() - hours * HOURS).toISOString();
const DAILY = { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } };
const dose = (value: number, unit: string) => ({
  doseAndRate: [{ doseQuantity: { value, unit } }],
});

/** Orders for p-helene in every status, each due daily if it were active. */
function statusOrders(): Resource[] {
  const order = (id: string, extra: Record<string, unknown>) =>
    medicationRequest(id, 'p-helene', `Drug ${id}`, { ...DAILY, ...dose(1, 'tablet') }, extra);
  return [
    order('s-active', {}),
    order('s-held', { status: 'on-hold', statusReason: { text: 'awaiting INR' } }),
    order('s-draft', { status: 'draft' }),
    order('s-unknown', { status: 'unknown' }),
    order('s-odd', { status: 'paused-by-vendor' }),
    order('s-stopped-recent', {
      status: 'stopped',
      dispenseRequest: { validityPeriod: { end: ago(24) } },
    }),
    order('s-completed-old', {
      status: 'completed',
      dispenseRequest: { validityPeriod: { end: ago(100) } },
    }),
    order('s-cancelled-undated', { status: 'cancelled' }),
    order('s-error', { status: 'entered-in-error' }),
    order('s-course-over', { dispenseRequest: { validityPeriod: { end: ago(30) } } }),
    order('s-held-course-over', {
      status: 'on-hold',
      dispenseRequest: { validityPeriod: { end: ago(2) } },
    }),
    order('s-course-long-over', { dispenseRequest: { validityPeriod: { end: ago(100) } } }),
    order('s-dnp', { doNotPerform: true }),
    order('s-dnp-ext', {
      modifierExtension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/request-doNotPerform',
          valueBoolean: true,
        },
      ],
    }),
  ];
}

const FIXTURE_NAMES = [
  'oxycodone-prn-contained',
  'insulin-concurrent-meals',
  'weekday-2t-1t',
  'prednisone-taper',
  'loading-dose-then-daily',
  'kcl-ingredient-only',
  'noradrenaline-infusion',
  'nictiz-stop-type-paused',
  'unknown-modifier',
  'dispense-only',
  'paracetamol-scheduled-plus-prn',
  'noradrenaline-in-nacl',
];

let db: ReadonlyDb;
let meds: Map<string, ChartMedication>;
beforeAll(async () => {
  db = await openSmallHospital([
    ...statusOrders(),
    ...(FIXTURE_NAMES.flatMap(fixture) as Resource[]),
  ]);
  const chart = getChart(db, 'p-helene', {
    now: AS_OF,
    adminTimes: DEFAULT_ADMIN_TIMES,
    timeZone: 'Europe/Brussels',
  });
  meds = new Map(chart?.medications.map((m) => [m.id, m]));
});
afterAll(() => db.close());

const med = (id: string): ChartMedication => {
  const m = meds.get(id);
  if (!m) throw new Error(`no order ${id} on the chart`);
  return m;
};
const dueTimes = (id: string) => med(id).nextDue.map((d) => d.at);

describe('order state', () => {
  it('schedules an active order', () => {
    expect(med('s-active')).toMatchObject({ state: 'active', status: 'active' });
    expect(dueTimes('s-active')).toEqual(['2026-11-28T07:00:00.000Z']);
  });

  it.each([
    ['s-held', 'held', 'on-hold'],
    ['s-draft', 'draft', 'draft'],
    ['s-unknown', 'status-unknown', 'unknown'],
    ['s-odd', 'status-unknown', 'paused-by-vendor'],
    ['s-stopped-recent', 'recently-stopped', 'stopped'],
  ])('keeps %s as %s, never due', (id, state, status) => {
    expect(med(id)).toMatchObject({ state, status, nextDue: [], scheduleProblem: null });
  });

  it('keeps the reason an order is held', () => {
    expect(med('s-held').statusReason).toBe('awaiting INR');
  });

  it('drops entered-in-error, and stopped orders that ended over 72 h ago or at no known time', () => {
    expect(meds.has('s-error')).toBe(false);
    expect(meds.has('s-completed-old')).toBe(false);
    expect(meds.has('s-cancelled-undated')).toBe(false);
  });

  it('reads a course whose period has ended as stopped at its end, whatever its status says', () => {
    // Left `active` (or `on-hold`) after its validityPeriod: not an order to give.
    expect(med('s-course-over')).toMatchObject({
      state: 'recently-stopped',
      status: 'active',
      nextDue: [],
    });
    expect(med('s-course-over').end).toBe(ago(30));
    expect(med('s-held-course-over')).toMatchObject({
      state: 'recently-stopped',
      status: 'on-hold',
    });
    // Over 72 h ago it is off the chart, like a completed order.
    expect(meds.has('s-course-long-over')).toBe(false);
  });

  it('keeps doNotPerform (element or R4 request-doNotPerform modifier) as a flag, never due', () => {
    expect(med('s-dnp')).toMatchObject({ doNotPerform: true, nextDue: [], drug: 'Drug s-dnp' });
    expect(med('s-dnp-ext')).toMatchObject({ doNotPerform: true, nextDue: [] });
  });

  it('reads a known national stop-type modifier for what it says (Nictiz "onderbroken": held)', () => {
    expect(med('nl-paused')).toMatchObject({ state: 'held', status: 'on-hold', nextDue: [] });
    expect(med('nl-paused').highAlert).toBe(true); // acenocoumarol, by the coding's display
  });

  it('counts each unknown modifier (on an order, on a referenced Medication) in the export report', async () => {
    const { file, cleanup } = writeBundle(
      smallHospital([
        ...(fixture('unknown-modifier') as Resource[]),
        {
          resourceType: 'Medication',
          id: 'med-modified',
          code: { text: 'Paracetamol 1 g' },
          modifierExtension: [{ url: 'https://pharmacy.example/recalled' }],
        },
        medicationRequest(
          'via-modified',
          'p-helene',
          'x',
          { ...DAILY, ...dose(1, 'g') },
          {
            medicationCodeableConcept: undefined,
            medicationReference: { reference: 'Medication/med-modified' },
          },
        ),
      ]),
    );
    try {
      const { db: written, report } = await importFhir([file], { asOf: AS_OF });
      expect(report.warnings['unknown-modifier']).toBe(2);
      expect(
        written
          .prepare(
            "SELECT drug, state, not_interpretable FROM medication_orders WHERE id = 'via-modified'",
          )
          .get(),
      ).toEqual({
        drug: 'Paracetamol 1 g',
        state: 'not-interpretable',
        not_interpretable: 'unknown-modifier',
      });
      written.close();
    } finally {
      cleanup();
    }
  });

  it('makes an order with an unknown modifierExtension not interpretable, text kept, never due', () => {
    expect(med('unknown-modifier')).toMatchObject({
      state: 'not-interpretable',
      notInterpretable: 'unknown-modifier',
      instructions: '40 mg every morning',
      nextDue: [],
    });
  });
});

describe('dose lines', () => {
  it('gives each concurrent instruction its own dose at its own time (insulin 10/15/20 U)', () => {
    const insulin = med('insulin-aspart-meals');
    expect(insulin.doseLines.map((l) => [l.dose, l.doseUnit])).toEqual([
      [10, 'U'],
      [15, 'U'],
      [20, 'U'],
    ]);
    expect(insulin).toMatchObject({ dose: null, doseText: '10 U / 15 U / 20 U' });
    expect(insulin.nextDue).toEqual([
      { at: '2026-11-28T10:30:00.000Z', line: 1 },
      { at: '2026-11-28T16:30:00.000Z', line: 2 },
      { at: '2026-11-29T06:30:00.000Z', line: 0 },
    ]);
    expect(insulin.instructions).toBe(
      '10 U before breakfast — 15 U before lunch — 20 U before dinner',
    );
  });

  it('names and flags a drug by its contained Medication’s ingredient (insulin aspart)', () => {
    expect(med('insulin-aspart-meals')).toMatchObject({
      drug: 'NovoRapid FlexPen 100 U/mL',
      highAlert: true,
    });
  });

  it('runs taper steps one after another, each with its dose (prednisone 40 → 20 → 10 mg)', () => {
    const taper = med('prednisone-taper');
    expect(taper.state).toBe('active');
    // Started 2026-11-26 08:00: step 1 covers the 26th–28th 08:00, so today's dose is 40 mg.
    expect(taper.nextDue).toEqual([{ at: '2026-11-28T07:00:00.000Z', line: 0 }]);
  });

  it('gives a loading dose once, then the daily dose (two tablets at once, then one daily)', () => {
    const loading = med('loading-then-daily');
    expect(loading.doseLines.map((l) => l.dose)).toEqual([2, 1]);
    // Started today 07:30: the loading dose at 08:00, the daily dose from tomorrow 08:00 on
    // (outside these 24 h; tests/unit/schedule follows it further).
    expect(loading.nextDue).toEqual([{ at: '2026-11-28T07:00:00.000Z', line: 0 }]);
  });

  it('runs instructions on different weekdays each on its own day (Mo 2, Th 1)', () => {
    expect(med('weekday-2t-1t').doseLines.map((l) => l.dose)).toEqual([2, 1]);
    expect(med('weekday-2t-1t').state).toBe('active');
  });

  it('keeps the dose range, periodMax and every text of a PRN order', () => {
    const oxy = med('medrx0301');
    expect(oxy).toMatchObject({
      // SNOMED's semantic tags ("(product)", "(finding)") are not part of the name.
      drug: 'Oral Form Oxycodone',
      doseText: '1–2 TAB',
      prn: true,
      prnReason: 'Rib Pain',
      highAlert: true,
      nextDue: [],
    });
    expect(JSON.parse(oxy.timing ?? '{}')).toMatchObject({ repeat: { period: 4, periodMax: 6 } });
    expect(oxy.instructions).toContain('May cause drowsiness');
    expect(oxy.instructions).toContain('Patient told to take with food');
  });

  it('splits scheduled and PRN lines given together into two orders; the PRN part is never due, each keeps its max', () => {
    // "Paracétamol 1 g 4×/jour, plus 1 g si fièvre, max 4 g / 24 h".
    const scheduled = med('paracetamol-plus-prn');
    const prn = med('paracetamol-plus-prn:prn');
    const common = {
      drug: 'Paracétamol 1 g comprimé',
      state: 'active',
      notInterpretable: null,
      dose: 1,
      doseUnit: 'g',
      route: 'Per os',
      maxDose: '4 g / 24 h',
      doseLines: [],
      instructions: '1 g 4×/jour — 1 g si fièvre > 38,5 °C',
    };
    expect(scheduled).toMatchObject({ ...common, prn: false, prnReason: null });
    expect(dueTimes('paracetamol-plus-prn')).toEqual([
      '2026-11-28T07:00:00.000Z',
      '2026-11-28T11:00:00.000Z',
      '2026-11-28T15:00:00.000Z',
      '2026-11-28T19:00:00.000Z',
    ]);
    expect(prn).toMatchObject({ ...common, prn: true, prnReason: 'fièvre > 38,5 °C', nextDue: [] });
    expect(JSON.parse(prn.timing ?? '{}')).toMatchObject({ repeat: { frequency: 1, period: 6 } });
  });

  it('flags several instructions it cannot combine, keeping every text, never due', async () => {
    const mixed = await openSmallHospital([
      medicationRequest(
        'mixed',
        'p-helene',
        'Paracetamol',
        { text: '1 g every 6 h', timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } } },
        {
          dosageInstruction: [
            {
              sequence: 1,
              text: '1 g every 6 h',
              timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } },
            },
            { sequence: 2, text: 'then 500 mg if needed', asNeededBoolean: true },
          ],
        },
      ),
    ]);
    const m = getChart(mixed, 'p-helene', {
      now: AS_OF,
      adminTimes: DEFAULT_ADMIN_TIMES,
      timeZone: 'Europe/Brussels',
    })?.medications.find((x) => x.id === 'mixed');
    mixed.close();
    expect(m).toMatchObject({
      state: 'not-interpretable',
      notInterpretable: 'several-instructions',
      instructions: '1 g every 6 h — then 500 mg if needed',
      nextDue: [],
    });
  });
});

describe('administrations', () => {
  it('never counts an administration with an unknown modifier as given', async () => {
    const given = (id: string, extra: Record<string, unknown>) => ({
      resourceType: 'MedicationAdministration',
      id,
      status: 'completed',
      subject: { reference: 'Patient/p-helene' },
      request: { reference: 'MedicationRequest/s-active' },
      medicationCodeableConcept: { text: 'Drug s-active' },
      effectiveDateTime: '2026-11-28T06:00:00+01:00',
      ...extra,
    });
    const withAdmin = await openSmallHospital([
      ...statusOrders(),
      given('a-modified', { modifierExtension: [{ url: 'https://ehr.example/not-given' }] }),
    ]);
    const chart = getChart(withAdmin, 'p-helene', {
      now: AS_OF,
      adminTimes: DEFAULT_ADMIN_TIMES,
      timeZone: 'Europe/Brussels',
    });
    withAdmin.close();
    expect(chart?.administrations.map((a) => a.status)).toEqual(['unknown']);
    expect(chart?.medications.find((m) => m.id === 's-active')?.lastGiven).toBeNull();
  });
});

describe('rates, infusions and names', () => {
  it('names a Medication coded only by its ingredient, with its strength, and flags KCl', () => {
    expect(med('kcl-iv')).toMatchObject({
      drug: 'Potassium chloride 20 mEq / 500 mL',
      highAlert: true,
      dose: 20,
      doseUnit: 'mEq',
      rate: 125,
      rateUnit: 'mL/h',
      continuous: false,
      instructions: 'in 500 mL NaCl 0.9% over 4 h, never as a bolus',
    });
    expect(dueTimes('kcl-iv')).toEqual(['2026-11-28T09:00:00.000Z']);
  });

  it('keeps a continuous infusion as one, with its rate range and concentration, never "no timing"', () => {
    expect(med('noradrenaline')).toMatchObject({
      drug: 'Noradrénaline 8 mg / 50 mL',
      continuous: true,
      rateText: '2–10 mL/h',
      concentration: '8 mg / 50 mL',
      highAlert: true,
      nextDue: [],
      scheduleProblem: null,
    });
  });

  it('computes a multi-ingredient infusion’s concentration from the drug and its vehicle (4 mg in 50 mL NaCl)', () => {
    expect(med('noradrenaline-in-nacl')).toMatchObject({
      drug: 'Noradrénaline 4 mg dans 50 mL NaCl 0,9 %',
      continuous: true,
      rate: 5,
      rateUnit: 'mL/h',
      concentration: '4 mg / 50 mL',
      highAlert: true,
      nextDue: [],
    });
  });

  it('imports a dispense-only request as nothing (not a second order for the drug)', () => {
    expect(meds.has('nl-dispense-request')).toBe(false);
  });

  it('stores an unnamed drug as null, never as English text', async () => {
    const unnamed = await openSmallHospital([
      medicationRequest('unnamed', 'p-helene', 'x', DAILY, {
        medicationCodeableConcept: { coding: [{ system: 'urn:local', code: '42' }] },
      }),
    ]);
    const row = unnamed
      .prepare("SELECT drug, code FROM medication_orders WHERE id = 'unnamed'")
      .get();
    unnamed.close();
    expect(row).toEqual({ drug: null, code: '42' });
  });
});
