import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors.ts';
import { findFontsDir } from '../../../electron/core/print/fonts.ts';
import { summaryReport } from '../../../electron/core/print/summary.ts';
import {
  chart,
  context,
  handoverDefaults,
  medication,
  pageTexts,
  renderToBuffer,
} from './fixtures.ts';

describe('patient summary', () => {
  it('prints the whole chart; every page of a long chart names the patient', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => ({
      kind: 'nursing',
      title: null,
      author: 'Inf. Peeters',
      at: `2026-03-${String(10 + (i % 18)).padStart(2, '0')}T08:00:00Z`,
      text: `Note ${i}: patiente calme, mobilisée au fauteuil, alimentation correcte. `.repeat(6),
    }));
    const patient = chart(7, {
      patient: { ...chart(7).patient, name: 'ŒUVRARD, Zoë' },
      medications: [
        medication({
          id: 'm1',
          drug: 'Héparine',
          dose: 5000,
          doseUnit: 'UI',
          route: 'SC',
          highAlert: true,
          frequency: '2×/j',
          nextDue: [{ at: '2026-03-28T19:00:00Z', line: null }],
        }),
      ],
      observations: [
        {
          code: '8867-4',
          name: 'Heart rate',
          category: 'vital-signs',
          value: 112,
          valueText: null,
          unit: '/min',
          refLow: 60,
          refHigh: 100,
          refText: null,
          comparator: null,
          otherRanges: [],
          flag: 'H',
          flagText: null,
          at: '2026-03-28T06:00:00Z',
        },
        {
          code: '2823-3',
          name: 'Potassium',
          category: 'laboratory',
          value: 3.1,
          valueText: null,
          unit: 'mmol/L',
          refLow: 3.5,
          refHigh: 5.1,
          refText: null,
          comparator: null,
          otherRanges: [],
          flag: 'L',
          flagText: null,
          at: '2026-03-28T05:00:00Z',
        },
      ],
      contacts: [{ name: 'Marc Œuvrard', relationship: 'son', phone: '+32 470 12 34 56' }],
      notes,
    });
    const { pdf, pages } = await renderToBuffer((t) =>
      summaryReport(patient, t, 'Europe/Brussels', handoverDefaults.asOf),
    );
    const texts = await pageTexts(pdf);
    expect(pages).toBeGreaterThan(1);
    texts.forEach((text, i) => {
      expect(text).toContain(i === 0 ? 'ŒUVRARD, Zoë' : 'ŒUVRARD, Zoë (continued)');
      expect(text).toContain('MRN 100007');
      expect(text).toContain('Allergies: Penicillin7 (anaphylaxis)');
      expect(text).toContain(`page ${i + 1}/${pages}`);
    });
    const all = texts.join('\n');
    expect(all).toContain('Héparine');
    expect(all).toContain('⚠ HIGH RISK');
    expect(all).toMatch(/03-28\s20:00/);
    expect(all).toMatch(/2026-03-28 07:00\nHeart rate\n112 \/min\n60–100\nhigh/);
    expect(all).toContain('+32 470 12 34 56');
    for (let i = 0; i < 40; i++) expect(all).toContain(`Note ${i}:`);
  });

  it('says when the patient is not admitted instead of leaving the stay blank', async () => {
    const { pdf } = await renderToBuffer((t) =>
      summaryReport(chart(1, { stay: null }), t, 'Europe/Brussels', handoverDefaults.asOf),
    );
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain('Not admitted at the time of the export');
    expect(text).toContain('Code status: NOT DOCUMENTED — verify before acting');
  });

  it('says an order never given in the export as such in Last given — the export holds no 72 h window, nor any other', async () => {
    const given = medication({
      id: 'm-given',
      drug: 'Paracétamol',
      lastGiven: '2026-12-01T06:00:00Z',
    });
    const never = medication({ id: 'm-never', drug: 'Furosémide', lastGiven: null });
    const { pdf } = await renderToBuffer((t) =>
      summaryReport(
        chart(1, { medications: [given, never] }),
        t,
        'Europe/Brussels',
        handoverDefaults.asOf,
      ),
    );
    const text = (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('2026-12-01 07:00');
    expect(text.match(/None given in the export/g)).toHaveLength(1);
  });

  it('shrinks the footer for a very long user name but never cuts the page number', async () => {
    const { pdf } = await renderToBuffer(
      (t) => summaryReport(chart(1), t, 'Europe/Brussels', handoverDefaults.asOf),
      {
        ...context,
        printedBy: 'Marie-Christine Vandenbroucke-Lefèvre de la Chapelle-Saint-Ghislain',
      },
    );
    expect((await pageTexts(pdf))[0]).toMatch(
      /by Marie-Christine Vandenbroucke-Lefèvre d… — page 1\/\d+/,
    );
  });
});

describe('bundled fonts', () => {
  it('are found by walking up from the module, in the sources and in a bundle (out/main)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-fonts-'));
    try {
      fs.mkdirSync(path.join(root, 'resources', 'fonts'), { recursive: true });
      fs.mkdirSync(path.join(root, 'out', 'main', 'chunks'), { recursive: true });
      fs.copyFileSync(
        path.join(findFontsDir(), 'DejaVuSans.ttf'),
        path.join(root, 'resources', 'fonts', 'DejaVuSans.ttf'),
      );
      expect(findFontsDir(path.join(root, 'out', 'main', 'chunks'))).toBe(
        path.join(root, 'resources', 'fonts'),
      );
      expect(findFontsDir()).toMatch(/resources[/\\]fonts$/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('are reported as missing with a sentence IT can act on', () => {
    expect(() => findFontsDir(os.tmpdir())).toThrow(AppError);
    expect(() => findFontsDir(os.tmpdir())).toThrow(/reinstall Downtime Viewer/);
  });
});

describe.each([
  [
    'en',
    'Lines, drains and devices',
    'placed 2026-03-25 (day 4)',
    'None recorded — check at the bedside',
  ],
  [
    'fr',
    'Cathéters, drains et dispositifs',
    'posé le 2026-03-25 (jour 4)',
    'Aucun renseigné — contrôler au lit du patient',
  ],
  [
    'nl',
    'Lijnen, drains en hulpmiddelen',
    'geplaatst op 2026-03-25 (dag 4)',
    'Geen geregistreerd — nakijken aan het bed',
  ],
  [
    'de',
    'Zugänge, Drainagen und Medizinprodukte',
    'gelegt am 2026-03-25 (Tag 4)',
    'Keine dokumentiert — am Bett kontrollieren',
  ],
] as const)('the summary’s lines, drains and devices in %s', (language, title, day, none) => {
  const summaryText = async (c: ReturnType<typeof chart>): Promise<string> => {
    const { pdf } = await renderToBuffer(
      (t) => summaryReport(c, t, 'Europe/Brussels', handoverDefaults.asOf),
      { ...context, language },
    );
    return (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
  };

  it('lists each one as the handover does, under its heading', async () => {
    const text = await summaryText(
      chart(1, {
        devices: [
          {
            kind: 'Peripheral venous catheter',
            name: 'Venflon 20G',
            site: 'Left forearm',
            placedAt: '2026-03-25T09:00:00Z',
            note: null,
            unverified: false,
          },
        ],
      }),
    );
    expect(text).toContain(title);
    expect(text).toContain(`Peripheral venous catheter (Venflon 20G) · Left forearm · ${day}`);
    expect(text).not.toContain(none);
  });

  it('says none are recorded — check at the bedside — when the export has none', async () => {
    const text = await summaryText(chart(1));
    expect(text).toContain(`${title} ${none}`);
  });
});
