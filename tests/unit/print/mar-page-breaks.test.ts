/**
 * A page break never leaves an infusion's or a PRN's description alone at the bottom of a page
 * with its rows to write in on the next: the description, its table heading and the first rows
 * stay on one page. Checked by pushing the block down the page one order at a time, so that
 * every position of the page break is met. And rows carried over to the next page say again
 * whose they are: the infusion's name, "(continued)", and its column heads.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/core/api/contract.ts';
import type { ChartMedication } from '../../../electron/core/model.ts';
import { marReport, marSheetFromChart } from '../../../electron/core/print/mar.ts';
import { wallClockDays } from '../../../electron/core/print/mar-window.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import {
  administration,
  chart,
  context,
  manifest,
  medication,
  pageTexts,
  renderToBuffer,
} from './fixtures.ts';

const timeZone = 'Europe/Brussels';
const AS_OF = new Date('2026-12-01T08:19:00Z');

const filler = (n: number): ChartMedication =>
  medication({
    id: `f${n}`,
    drug: `Filler drug ${n}`,
    dose: 1,
    doseUnit: 'g',
    timing: JSON.stringify({ repeat: { frequency: 4, period: 1, periodUnit: 'd' } }),
    instructions: `Order text of filler ${n}.`,
  });
const noradrenaline = medication({
  id: 'nora',
  drug: 'Noradrénaline',
  route: 'IV',
  rate: 5,
  rateUnit: 'mL/h',
  continuous: true,
  concentration: '4 mg / 50 mL',
  instructions: 'Titrer selon PAM > 65 mmHg',
});
const morphine = medication({
  id: 'morph',
  drug: 'Morphine',
  dose: 2.5,
  doseUnit: 'mg',
  prn: true,
  prnReason: 'douleur',
  maxDose: '15 mg / 24 h',
  timing: JSON.stringify({ repeat: { frequency: 1, period: 4, periodUnit: 'h' } }),
});

/** `given` doses in the last 24 h: a row each in the list before the grid, moving what follows down. */
async function pages(given: number, language: Language, days: 1 | 7 = 1): Promise<string[]> {
  const window = wallClockDays(new Date('2026-12-01T08:00:00Z'), days, timeZone);
  const medications = [...Array.from({ length: 4 }, (_, n) => filler(n)), noradrenaline, morphine];
  const administrations = Array.from({ length: given }, (_, i) =>
    administration({
      orderId: 'f0',
      drug: 'Filler drug 0',
      dose: '1 g',
      route: 'oral',
      at: new Date(AS_OF.getTime() - (i + 1) * 1_800_000).toISOString(),
    }),
  );
  const sheets = [
    marSheetFromChart(
      chart(1, { medications, administrations }),
      window,
      { adminTimes: DEFAULT_ADMIN_TIMES, timeZone },
      AS_OF,
    ),
  ];
  const { pdf } = await renderToBuffer(
    (t) => marReport({ scope: 'CHU Test — Soins intensifs', window, sheets }, t, timeZone),
    { ...context, manifest: { ...manifest, dataAsOf: AS_OF.toISOString() }, language },
  );
  return pageTexts(pdf);
}

describe.each(['fr', 'nl', 'de'] as const)('MAR page breaks in %s', (language) => {
  const t = translator(language);

  it('keeps an infusion and a PRN with their table heading wherever the page breaks', async () => {
    let broke = 0;
    for (let given = 0; given <= 40; given++) {
      const texts = await pages(given, language);
      if (texts.length > 1) broke++;
      for (const [drug, column] of [
        ['Noradrénaline · ', t('col.rate')],
        ['Morphine · ', t('mar.total24h')],
      ] as const) {
        const page = texts.find((text) => text.split('\n').some((l) => l.startsWith(drug)));
        expect(page, `${drug} with ${given} doses listed before it`).toBeDefined();
        // The table heading's cell, a line of its own (the rate is also said in a sentence).
        const after = (page?.slice(page.indexOf(drug)) ?? '').split('\n');
        expect(after, `${drug} with ${given} doses listed before it`).toContain(column);
      }
    }
    // The page break met every place around the two blocks, one row at a time.
    expect(broke).toBeGreaterThan(10);
  });

  it('repeats the infusion’s name and column heads above its rows carried to the next page', async () => {
    // A week of rate changes (6 rows a day) cannot fit under the order on one page.
    const texts = await pages(0, language, 7);
    const continued = `Noradrénaline ${t('patient.continued')}`;
    const first = texts.findIndex((text) => text.includes('Noradrénaline · '));
    const next = texts[first + 1]?.split('\n') ?? [];
    expect(first).toBeGreaterThan(-1);
    const at = next.indexOf(continued);
    expect(at, 'the next page names the infusion its rows belong to').toBeGreaterThan(-1);
    expect(next.slice(at + 1, at + 4)).toContain(t('col.rate'));
    // Said once per page the rows cross onto, never on the page the order starts on.
    expect(texts[first]).not.toContain(continued);
  });

  it('repeats nothing when the rows fit under the order', async () => {
    const texts = await pages(0, language);
    expect(texts.join('\n')).not.toContain(`Noradrénaline ${t('patient.continued')}`);
  });
});
