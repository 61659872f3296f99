/**
 * A PRN's block on the MAR starts its running 24 h total from the export: the doses of the 24 h
 * before the data's time and their total against the maximum, by the screen's rule
 * (common/administered.ts) and in its words — "cannot be counted" when a dose does not add up,
 * never a partial sum; a split request's scheduled doses count on its PRN part.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/core/api/contract.ts';
import type { Administration, ChartMedication } from '../../../electron/core/model.ts';
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
const AS_OF = new Date('2026-12-01T08:19:00Z'); // 09:19 in Brussels
const every4h = JSON.stringify({ repeat: { frequency: 1, period: 4, periodUnit: 'h' } });

const morphine = medication({
  id: 'morph',
  drug: 'Morphine',
  dose: 2.5,
  doseUnit: 'mg',
  route: 'SC',
  prn: true,
  prnReason: 'douleur',
  maxDose: '10 mg / 24 h',
  timing: every4h,
});

const given = (orderId: string, dose: string | null, at: string, status = 'completed') =>
  administration({ orderId, drug: 'Morphine', dose, route: 'SC', at, status });

async function prnText(
  medications: ChartMedication[],
  administrations: Administration[],
  language: Language = 'en',
): Promise<string> {
  const window = wallClockDays(new Date('2026-12-01T08:00:00Z'), 1, timeZone);
  const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone };
  const sheets = [
    marSheetFromChart(chart(1, { medications, administrations }), window, clock, AS_OF),
  ];
  const { pdf } = await renderToBuffer(
    (t) => marReport({ scope: 'CHU Test — Chirurgie 2A', window, sheets }, t, timeZone),
    {
      ...context,
      manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
      language,
      printedAt: new Date('2026-12-01T09:22:00Z'),
    },
  );
  return (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
}

const running = (text: string): string => text.replace(/\s+/g, ' ');

describe.each(['fr', 'nl', 'de', 'en'] as const)(
  'a PRN’s last 24 h on the MAR in %s',
  (language) => {
    const t = translator(language);
    const mg = (n: string) => `${language === 'en' ? n : n.replace('.', ',')} mg`;

    it('lists the doses of the 24 h before the data and totals them against the maximum', async () => {
      const text = await prnText(
        [morphine],
        [
          given('morph', '2.5 mg', '2026-11-30T07:00:00Z'), // 25 h 19 min before the data: out
          given('morph', '2.5 mg', '2026-11-30T20:00:00Z'),
          given('morph', '5 mg', '2026-12-01T06:53:00Z'),
          given('morph', '2.5 mg', '2026-12-01T04:00:00Z', 'not-done'),
        ],
        language,
      );
      expect(text).toContain(
        running(
          t('mar.prnDayList', {
            given: t('prn.given', { time: '2026-12-01 09:19' }),
            list: `2026-11-30 21:00 ${mg('2.5')}; 2026-12-01 07:53 ${mg('5')}`,
          }),
        ),
      );
      expect(text).toContain(running(t('prn.total', { total: mg('7.5'), max: mg('10') })));
      expect(text).not.toContain(t('prn.maxReached'));
      expect(text).not.toContain('2026-11-30 08:00');
    });

    it('says the maximum is reached, boxed, when the doses add up to it', async () => {
      const text = await prnText(
        [morphine],
        [
          given('morph', '5 mg', '2026-11-30T20:00:00Z'),
          given('morph', '5 mg', '2026-12-01T06:53:00Z'),
        ],
        language,
      );
      expect(text).toContain(running(t('prn.total', { total: mg('10'), max: mg('10') })));
      expect(text).toContain(running(t('prn.maxReached')));
    });

    it('says the total cannot be counted when a dose does not add up — never a partial sum', async () => {
      const text = await prnText(
        [morphine],
        [
          given('morph', '5 mg', '2026-11-30T20:00:00Z'),
          given('morph', '1 ampoule', '2026-12-01T06:53:00Z'),
        ],
        language,
      );
      expect(text).toContain(running(t('prn.uncountable')));
      expect(text).not.toContain(running(t('prn.total', { total: mg('5'), max: mg('10') })));
      // Both doses are listed for the nurse to add up.
      expect(text).toContain(`2026-11-30 21:00 ${mg('5')}`);
      expect(text).toContain('2026-12-01 07:53 1');
    });

    it('counts the scheduled doses of a split request on its PRN part (`<id>` and `<id>:prn`)', async () => {
      const scheduled = medication({
        id: 'para',
        drug: 'Paracétamol',
        dose: 1,
        doseUnit: 'g',
        timing: JSON.stringify({ repeat: { frequency: 3, period: 1, periodUnit: 'd' } }),
        maxDose: '4 g / 24 h',
      });
      const asNeeded = medication({
        id: 'para:prn',
        drug: 'Paracétamol',
        dose: 1,
        doseUnit: 'g',
        prn: true,
        prnReason: 'fièvre',
        maxDose: '4 g / 24 h',
        timing: every4h,
      });
      const text = await prnText(
        [scheduled, asNeeded],
        [
          // FHIR names the request, not its part: both doses are the drug's, both count.
          given('para', '1 g', '2026-11-30T15:00:00Z'),
          given('para', '1 g', '2026-11-30T21:00:00Z'),
          given('para', '1 g', '2026-12-01T05:00:00Z'),
        ],
        language,
      );
      const g = (n: number) => `${n} g`;
      expect(text).toContain(running(t('prn.total', { total: g(3), max: g(4) })));
    });

    it('says none was given in the 24 h, and the dose before that when there is one', async () => {
      const older = await prnText(
        [morphine],
        [given('morph', '2.5 mg', '2026-11-29T22:00:00Z')],
        language,
      );
      expect(older).toContain(running(t('prn.noneGiven', { time: '2026-12-01 09:19' })));
      expect(older).toContain(
        running(t('mar.prnLastGiven', { list: `2026-11-29 23:00 ${mg('2.5')}` })),
      );
      const never = await prnText([morphine], [], language);
      expect(never).toContain(running(t('prn.noneGiven', { time: '2026-12-01 09:19' })));
      expect(never).toContain(running(t('prn.neverInExport')));
    });
  },
);
