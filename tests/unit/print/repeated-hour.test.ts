/**
 * On 25 October 2026 Brussels goes back from 03:00 summer time to 02:00 winter time: 02:00–02:59
 * happens twice. Printed as the wall clock alone, two doses an hour apart both read "02:30". The
 * paper says the UTC offset in that hour only, by the screen's rule (common/repeated-hour.ts):
 * on the MAR's columns and rows (one, three and seven days), in its list of the last 24 h, on
 * the round and in the summary.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/core/api/contract.ts';
import type { Administration, ChartMedication } from '../../../electron/core/model.ts';
import { formatDateTime } from '../../../electron/core/print/format.ts';
import { marReport, marSheetFromChart } from '../../../electron/core/print/mar.ts';
import { wallClockDays, type MarDays } from '../../../electron/core/print/mar-window.ts';
import { roundPatient, roundReport } from '../../../electron/core/print/round.ts';
import { summaryReport } from '../../../electron/core/print/summary.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { formatters } from '../../../renderer/lib/format.ts';
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
const clock = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone };
const AS_OF = new Date('2026-10-25T05:00:00Z'); // 06:00 winter time
const SUMMER = { fr: 'UTC+2', nl: 'GMT+2', de: 'GMT+2', en: 'GMT+2' } as const;
const WINTER = { fr: 'UTC+1', nl: 'GMT+1', de: 'GMT+1', en: 'GMT+1' } as const;

// Every 90 min on elapsed time from 23:00 on the 24th: 00:00 and 01:30 UTC are 02:00 summer
// time and 02:30 winter time — 90 minutes apart, not the 30 the wall clock alone would say.
const every90min: ChartMedication = medication({
  id: 'glucose',
  drug: 'Glucose 10 %',
  dose: 50,
  doseUnit: 'mL',
  route: 'IV',
  start: '2026-10-24T21:00:00Z',
  timing: JSON.stringify({ repeat: { frequency: 1, period: 90, periodUnit: 'min' } }),
});

const given = (at: string): Administration =>
  administration({ orderId: 'glucose', drug: 'Glucose 10 %', dose: '50 mL', route: 'IV', at });
// 00:30 and 01:30 UTC: both 02:30 on the wall, the first in summer time.
const administrations = [given('2026-10-25T00:30:00Z'), given('2026-10-25T01:30:00Z')];

async function mar(language: Language, days: MarDays = 1): Promise<string[]> {
  // The sheet starts at midnight on the 25th (22:00 UTC, summer time).
  const window = wallClockDays(new Date('2026-10-24T22:00:00Z'), days, timeZone);
  const sheets = [
    marSheetFromChart(
      chart(1, { medications: [every90min], administrations }),
      window,
      clock,
      AS_OF,
    ),
  ];
  const { pdf } = await renderToBuffer(
    (t) => marReport({ scope: 'CHU Test — Soins intensifs', window, sheets }, t, timeZone),
    {
      ...context,
      manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
      language,
      printedAt: new Date('2026-10-25T05:10:00Z'),
    },
  );
  return pageTexts(pdf);
}

describe('the paper’s rule is the screen’s', () => {
  it('marks exactly the instants the screen marks, with the same offset words', () => {
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      const screen = formatters(language, timeZone);
      for (let minute = -120; minute <= 240; minute += 15) {
        const at = new Date(Date.parse('2026-10-25T00:00:00Z') + minute * 60_000);
        const onScreen = /\((.+)\)$/.exec(screen.time(at.toISOString()))?.[1] ?? null;
        const onPaper = /\((.+)\)$/.exec(formatDateTime(at, timeZone, language))?.[1] ?? null;
        expect(onPaper, at.toISOString()).toBe(onScreen);
      }
    }
  });

  it('says no offset outside the repeated hour, nor on the spring-forward night', () => {
    expect(formatDateTime(new Date('2026-10-25T02:30:00Z'), timeZone, 'fr')).toBe(
      '2026-10-25 03:30',
    );
    expect(formatDateTime(new Date('2026-03-29T00:30:00Z'), timeZone, 'fr')).toBe(
      '2026-03-29 01:30',
    );
    expect(formatDateTime(new Date('2026-03-29T01:30:00Z'), timeZone, 'fr')).toBe(
      '2026-03-29 03:30',
    );
  });
});

describe.each(['fr', 'nl', 'de', 'en'] as const)(
  'across 2026-10-25 in Brussels, in %s',
  (language) => {
    const summer = SUMMER[language];
    const winter = WINTER[language];

    it('lists the two 02:30 doses of the last 24 h with their offsets, summer time first', async () => {
      const text = (await mar(language)).join('\n').replace(/\s+/g, ' ');
      const first = text.indexOf(`2026-10-25 02:30 (${summer})`);
      const second = text.indexOf(`2026-10-25 02:30 (${winter})`);
      expect(first).toBeGreaterThan(-1);
      expect(second).toBeGreaterThan(first);
      expect(text).not.toMatch(/2026-10-25 02:30(?! \()/);
    });

    it('puts the offset under the one-day grid’s times in the repeated hour only', async () => {
      const all = (await mar(language)).join('\n').split('\n');
      // The grid, after the order's own line (the last 24 h above it say their times too).
      const lines = all.slice(all.findIndex((line) => line.startsWith('Glucose 10 % · ')));
      const under = (time: string) => lines[lines.indexOf(time) + 1];
      expect(under('02:00')).toBe(summer);
      expect(under('02:30')).toBe(winter);
      expect(under('04:00')).not.toMatch(/[UG][TM]C?T?[+]/);
      expect(lines.filter((l) => l === summer || l === winter)).toHaveLength(2);
    });

    it('gives the three-day grid’s repeated-hour rows their offsets', async () => {
      const lines = (await mar(language, 3)).join('\n').split('\n');
      const rows = lines.flatMap((line, i) =>
        /^02:[03]0$/.test(line) ? [[line, lines[i + 1]]] : [],
      );
      expect(rows).toContainEqual(['02:00', summer]);
      expect(rows).toContainEqual(['02:30', winter]);
    });

    it('gives the seven-day grid’s repeated-hour rows their offsets, boxed on the 25th only', async () => {
      const lines = (await mar(language, 7)).join('\n').split('\n');
      const rows = lines.flatMap((line, i) =>
        /^02:[03]0$/.test(line) ? [[line, lines[i + 1]]] : [],
      );
      expect(rows).toContainEqual(['02:00', summer]);
      expect(rows).toContainEqual(['02:30', winter]);
    });

    it('says the offsets in the round’s time column: two doses an hour apart, both 02:30', async () => {
      // Due at 00:30 and 01:30 UTC, as the chart's next doses.
      const hourly = {
        ...every90min,
        nextDue: [
          { at: '2026-10-25T00:30:00Z', line: null },
          { at: '2026-10-25T01:30:00Z', line: null },
        ],
      };
      const window = {
        start: new Date('2026-10-25T00:00:00Z'),
        end: new Date('2026-10-25T02:00:00Z'),
      };
      const patients = [roundPatient(chart(1, { medications: [hourly] }), window)];
      const { pdf } = await renderToBuffer(
        (t) => roundReport({ scope: 'CHU Test — Soins intensifs', window, patients }, t, timeZone),
        { ...context, language },
      );
      const text = (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
      // Each offset whole beside its time: the narrow column once broke "(GMT+" / "2)".
      const first = text.indexOf(`02:30 (${summer}) Glucose 10 %`);
      expect(first).toBeGreaterThan(-1);
      expect(text.indexOf(`02:30 (${winter}) Glucose 10 %`)).toBeGreaterThan(first);
      // The round's window says its ends with their offsets too (02:00 twice).
      expect(text).toContain(`2026-10-25 02:00 (${summer})`);
      expect(text).toContain(`2026-10-25 03:00`);
    });

    it('says the offsets in the summary’s administrations too', async () => {
      const { pdf } = await renderToBuffer(
        (t) =>
          summaryReport(
            chart(1, { medications: [every90min], administrations }),
            t,
            timeZone,
            AS_OF,
          ),
        { ...context, language },
      );
      const text = (await pageTexts(pdf)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain(`2026-10-25 02:30 (${summer})`);
      expect(text).toContain(`2026-10-25 02:30 (${winter})`);
    });
  },
);
