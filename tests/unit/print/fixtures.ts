/**
 * Hand-made clinical data and PDF helpers for the print tests: charts built from small
 * overrides, a manifest, rendering into memory, and text extraction with pdfjs-dist.
 */
import { frequencyOf } from '../../../electron/core/schedule/describe.ts';
import { PassThrough } from 'node:stream';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  type Administration,
  type Chart,
  type ChartMedication,
  type Manifest,
  type Observation,
  type OrderDoseLine,
  NO_DOSE,
} from '../../../electron/core/model.ts';
import type { PrintContext } from '../../../electron/core/print/context.ts';
import { pageSetup } from '../../../electron/core/print/context.ts';
import { writePdf, type ReportDocument } from '../../../electron/core/print/document.ts';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import type { Translate } from '../../../electron/core/print/messages.ts';

export const manifest: Manifest = {
  format: 3,
  recipients: ['0'.repeat(32)],
  site: { id: 'chu-test', name: 'CHU Test' },
  exportId: 'exp-1',
  sequence: 7,
  createdAt: '2026-03-28T10:05:00Z',
  dataAsOf: '2026-03-28T10:00:00Z',
  scope: { wards: [{ id: 'w-3b', name: '3B', siteId: 'chu-test', siteName: 'CHU Test' }] },
  schemaVersion: 1,
  counts: {},
  payload: { size: 0, sha256: '0'.repeat(64) },
  demo: false,
};

export const context: PrintContext = {
  manifest,
  language: 'en',
  paper: 'A4',
  printedAt: new Date('2026-03-28T11:30:00Z'),
  printedBy: 'Nurse Ratched',
  timeZone: 'Europe/Brussels',
  staleAmberHours: 2,
  staleRedHours: 24,
};

export function medication(
  overrides: Partial<Omit<ChartMedication, 'doseLines'>> &
    Pick<ChartMedication, 'id' | 'drug'> & { doseLines?: readonly OrderDoseLine[] },
): ChartMedication {
  const { doseLines = [], ...fields } = overrides;
  return {
    ...NO_DOSE,
    code: null,
    concentration: null,
    route: 'oral',
    start: null,
    end: null,
    state: 'active',
    status: 'active',
    statusReason: null,
    notInterpretable: null,
    doNotPerform: false,
    prescriber: null,
    instructions: null,
    highAlert: false,
    nextDue: [],
    frequencyParts: overrides.timing ? frequencyOf(overrides.timing) : null,
    scheduleProblem: null,
    lastGiven: null,
    ...fields,
    // As the chart reads them: each line's timing in the parts its frequency is said with.
    doseLines: doseLines.map((line) => ({
      ...line,
      frequencyParts: frequencyOf(line.timing),
      step: null,
    })),
  };
}

/** A measured vital sign with nothing else said of it; the given fields replaced. */
export function observation(
  overrides: Partial<Observation> & Pick<Observation, 'code' | 'value' | 'unit' | 'at'>,
): Observation {
  return {
    name: overrides.code,
    category: 'vital-signs',
    valueText: null,
    refLow: null,
    refHigh: null,
    refText: null,
    comparator: null,
    otherRanges: [],
    flag: null,
    flagText: null,
    ...overrides,
  };
}

/** A body weight of `kg` measured at `at`. */
export const weighed = (kg: number, at: string): Observation =>
  observation({ code: '29463-7', name: 'Body weight', value: kg, unit: 'kg', at });

/** A dose recorded as given (its route in words, no term or code); the given fields replaced. */
export function administration(
  overrides: Partial<Administration> & Pick<Administration, 'orderId' | 'drug' | 'at'>,
): Administration {
  return {
    dose: null,
    route: null,
    routeTerm: null,
    routeCode: null,
    status: 'completed',
    performer: 'Inf. Leroy',
    note: null,
    ...overrides,
  };
}

/** A complete chart for patient number `n`, with the given parts replaced. */
export function chart(n: number, overrides: Partial<Chart> = {}): Chart {
  const mrn = String(100000 + n);
  return {
    patient: {
      id: `p-${n}`,
      mrn,
      family: `FAMILY${n}`,
      given: `Given${n}`,
      name: `FAMILY${n}, Given${n}`,
      birthDate: '1948-03-12',
      sex: 'F',
      language: 'fr',
      weightKg: 61.5,
      heightCm: 164,
      identifiers: [{ system: 'urn:mrn', value: mrn }],
    },
    stay: {
      wardId: 'w-3b',
      wardName: 'Médecine interne 3B',
      siteName: 'CHU Test',
      room: `3B-${n}`,
      bed: `3B-${n}A`,
      admittedAt: '2026-03-25T09:12:00Z',
      expectedDischarge: null,
      attending: 'Dr Maes',
      service: 'Internal medicine',
      reason: 'Community-acquired pneumonia',
      isolation: null,
      codeStatus: 'full-code',
      codeStatusText: null,
      codeStatusFromText: false,
      codeStatusClaims: [],
      diet: 'Normal',
      mobility: 'With help',
      fallRisk: 'High',
      severity: 'watcher',
    },
    locator: false,
    allergyState: 'present',
    allergies: [
      {
        substance: `Penicillin${n}`,
        code: null,
        verification: 'confirmed',
        reaction: 'anaphylaxis',
        reactionCode: null,
        severity: 'severe',
        criticality: 'high',
        status: 'active',
        category: 'medication',
        recordedAt: '2020-01-01',
      },
    ],
    allergyAbsences: [],
    problems: [{ text: 'Pneumonia', code: 'J18.9', status: 'active', onset: '2026-03-24' }],
    medications: [],
    administrations: [],
    observations: [],
    plan: [],
    devices: [],
    notes: [],
    contacts: [],
    handover: {
      severity: 'watcher',
      summary: `Summary for patient ${n}: improving on IV antibiotics, afebrile since yesterday.`,
      actions: [`Check CRP for ${n}`, 'Switch to oral antibiotics if afebrile'],
      situationAwareness: 'If SpO2 < 92 %: oxygen and call the resident.',
    },
    ...overrides,
  };
}

/** Renders `build(t)` into memory with `ctx`. */
export async function renderToBuffer(
  build: (t: Translate) => ReportDocument,
  ctx: PrintContext = context,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pdf: Buffer; pages: number }> {
  const { setup, t } = pageSetup(ctx);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { pages } = await writePdf(build(t), setup, loadFonts(), sink, onProgress);
  return { pdf: Buffer.concat(chunks), pages };
}

/** The text of every page: one line per drawn line of text, in drawing order. */
export async function pageTexts(pdf: Buffer): Promise<string[]> {
  const task = getDocument({
    data: new Uint8Array(pdf),

    useSystemFonts: false,
  });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const strings = content.items.map((item) => ('str' in item ? item.str : ''));
    pages.push(strings.filter((str) => str.trim().length > 0).join('\n'));
  }
  await task.destroy();
  return pages;
}

/** The handover's clock and layout for the fixture charts (data as of the manifest). */
export const handoverDefaults = {
  asOf: new Date(manifest.dataAsOf),
  timeZone: 'Europe/Brussels',
  layout: 'per-patient',
} as const;
