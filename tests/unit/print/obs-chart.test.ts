/**
 * The observation chart's layouts: NEWS2 for adults, PEWS by age group for a child (Bedside
 * PEWS bands, pews-bands.ts), chosen from the birth date or asked for, in the four languages.
 */
import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Language, Observation } from '../../../electron/core/model.ts';
import { pageSetup } from '../../../electron/core/print/context.ts';
import { writeFixedPdf } from '../../../electron/core/print/fixed-document.ts';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import {
  obsChartReport,
  obsLayoutFor,
  type ObsLayout,
} from '../../../electron/core/print/obs-chart.ts';
import { identityFromChart } from '../../../electron/core/print/patient-header.ts';
import { pewsAgeOf, pewsParameters } from '../../../electron/core/print/pews-bands.ts';
import { chart, context, observation as vitalSign, pageTexts } from './fixtures.ts';

const AT = new Date('2026-12-01T08:00:00Z');
const LANGUAGES: readonly Language[] = ['fr', 'nl', 'de', 'en'];

describe('which chart a patient gets', () => {
  it('takes the Bedside PEWS age group from the birth date, and NEWS2 from 16', () => {
    expect(pewsAgeOf('2026-10-15', AT)).toBe('0-3m');
    expect(pewsAgeOf('2026-09-01', AT)).toBe('3-12m'); // 3 months to the day
    expect(pewsAgeOf('2025-12-02', AT)).toBe('3-12m'); // a day short of 1 year
    expect(pewsAgeOf('2025-12-01', AT)).toBe('1-4y');
    expect(pewsAgeOf('2022-12-01', AT)).toBe('4-12y');
    expect(pewsAgeOf('2013-12-02', AT)).toBe('4-12y'); // 12 years and 11 months
    expect(pewsAgeOf('2013-12-01', AT)).toBe('12y+');
    expect(pewsAgeOf('2010-12-02', AT)).toBe('12y+');
    expect(pewsAgeOf('2010-12-01', AT)).toBeNull(); // 16: NEWS2
    expect(pewsAgeOf('2020', AT)).toBeNull();
  });

  it('is PEWS for a child and NEWS2 for an adult unless asked; PEWS needs a full birth date', () => {
    expect(obsLayoutFor('2024-05-10', 'auto', AT)).toEqual({ kind: 'pews', age: '1-4y' });
    expect(obsLayoutFor('1948-03-12', 'auto', AT)).toEqual({ kind: 'news2' });
    expect(obsLayoutFor(null, 'auto', AT)).toEqual({ kind: 'news2' });
    expect(obsLayoutFor('2024-05-10', 'news2', AT)).toEqual({ kind: 'news2' });
    expect(obsLayoutFor('1948-03-12', 'pews', AT)).toEqual({ kind: 'pews', age: '12y+' });
    expect(() => obsLayoutFor('2020', 'pews', AT)).toThrow(/no full birth date/);
  });
});

describe('the PEWS bands (Parshuram et al. 2009, Table 1)', () => {
  const bandsOf = (age: Parameters<typeof pewsParameters>[0], title: string) =>
    pewsParameters(age)
      .find((p) => p.title === title)
      ?.bands.map((b) => [b.min ?? null, b.max ?? null, b.score]);

  it('gives a 1–4-year-old’s heart rate its seven rows: 0 between 91 and 119, 4 at 170 and at 60', () => {
    expect(bandsOf('1-4y', 'obs.pulse')).toEqual([
      [170, null, 4],
      [150, 169, 2],
      [120, 149, 1],
      [91, 119, 0],
      [71, 90, 1],
      [61, 70, 2],
      [null, 60, 4],
    ]);
  });

  it('leaves no whole number without a row and no row overlapping the next', () => {
    for (const age of ['0-3m', '3-12m', '1-4y', '4-12y', '12y+'] as const) {
      for (const p of pewsParameters(age).filter((q) => q.bands.length === 7)) {
        for (let i = 1; i < p.bands.length; i++) {
          expect((p.bands[i]?.max ?? 0) + 1, `${age} ${p.title} row ${i}`).toBe(
            p.bands[i - 1]?.min,
          );
        }
      }
    }
  });
});

const observation = (code: string, value: number, unit: string): Observation =>
  vitalSign({ code, value, unit, at: '2026-12-01T06:10:00Z' });

async function printChart(language: Language, layout: ObsLayout): Promise<string> {
  const child = chart(1, {
    patient: { ...chart(1).patient, birthDate: '2024-05-10' },
    observations: [observation('8867-4', 156, '/min'), observation('9279-1', 44, '/min')],
  });
  const t = translator(language);
  const report = obsChartReport(
    {
      scope: 'CHU Test — Pédiatrie',
      subjects: [
        {
          subject: { kind: 'patient', identity: identityFromChart(child) },
          observations: child.observations,
          layout,
        },
      ],
    },
    t,
    'Europe/Brussels',
  );
  const { setup } = pageSetup({ ...context, language });
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const { pages } = await writeFixedPdf(report, setup, loadFonts(), sink);
  expect(pages).toBe(1);
  if (process.env['OBS_PDF_DIR'])
    writeFileSync(`${process.env['OBS_PDF_DIR']}/pews-${language}.pdf`, Buffer.concat(chunks));
  return (await pageTexts(Buffer.concat(chunks))).join('\n');
}

describe.each(LANGUAGES)('the PEWS chart in %s', (language) => {
  const t = translator(language);

  it('is titled with the age group, has the PEWS rows and places the last values in their band', async () => {
    const text = await printChart(language, { kind: 'pews', age: '1-4y' });
    expect(text).toContain(t('report.obsChartPews', { band: t('obs.age.1-4y') }));
    for (const key of [
      'obs.respEffort',
      'obs.effortSevere',
      'obs.oxygenTherapy',
      'obs.roomAir',
      'obs.capRefill',
      'obs.pewsTotal',
    ] as const)
      expect(text).toContain(t(key));
    // Heart rate 156 in 150–169 (2); respiration 44 in 41–60 (1) for 1–4 years.
    expect(text).toMatch(/150–169\n2\n● 156/);
    expect(text).toMatch(/41–60\n1\n● 44/);
    expect(text).toContain('100001');
    expect(text).not.toContain(t('obs.total'));
  });
});
