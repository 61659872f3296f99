/** Dates, ages and durations per locale, with partial FHIR dates shown as given. */
import { describe, expect, it } from 'vitest';
import { daysSince, formatters } from '../../../renderer/lib/format.ts';

describe('formatters', () => {
  it('shows partial birth dates at their precision', () => {
    expect(formatters('en').partialDate('2014')).toBe('2014');
    expect(formatters('fr').partialDate('2014-03')).toBe('mars 2014');
    expect(formatters('de').partialDate('2014-03-09')).toBe('09.03.2014');
  });

  it('shows text that is not a date as written rather than hiding it', () => {
    expect(formatters('nl').partialDate('unknown')).toBe('unknown');
    expect(formatters('en').instant('not a time')).toBe('not a time');
  });

  it('uses a 24-hour clock in every language', () => {
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      expect(formatters(language).instant('2026-11-28T20:05:00Z')).not.toMatch(/PM|AM/u);
    }
  });

  it('says data age in words of the language', () => {
    expect(formatters('en').ago(3 * 3_600_000)).toBe('3 hours ago');
    expect(formatters('fr').ago(25 * 60_000)).toBe('il y a 25 minutes');
    expect(formatters('de').ago(3 * 86_400_000)).toBe('vor 3 Tagen');
  });
});

describe('stays', () => {
  const at = Date.parse('2026-11-28T12:00:00Z');

  it('counts whole days since admission', () => {
    expect(daysSince('2026-11-25T08:00:00Z', at)).toBe(3);
    expect(daysSince(null, at)).toBeNull();
  });
});

describe('times on screen', () => {
  it('are in the ward time zone, as on the printed MAR, whatever the laptop clock says', () => {
    const at = '2026-11-29T07:00:00Z'; // 08:00 in Brussels (winter)
    expect(formatters('en', 'Europe/Brussels').dayTime(at)).toMatch(/08:00/u);
    expect(formatters('en', 'UTC').dayTime(at)).toMatch(/07:00/u);
  });
});

describe('times on the ward clock across midnight and the daylight-saving changes', () => {
  const ZONE = 'Europe/Brussels';
  const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
  const shown = (iso: string, pick: 'dayTime' | 'time' | 'instant') =>
    LANGUAGES.map((l) => formatters(l, ZONE)[pick](iso));

  it('puts a due time after local midnight on the next day, whatever UTC says', () => {
    // 22:30 UTC is 23:30 on Saturday in Brussels; 23:30 UTC is already Sunday 00:30.
    expect(shown('2026-11-28T22:30:00Z', 'dayTime')).toEqual([
      'sam. 23:30',
      'za 23:30',
      'Sa., 23:30',
      'Sat 23:30',
    ]);
    expect(shown('2026-11-28T23:30:00Z', 'dayTime')).toEqual([
      'dim. 00:30',
      'zo 00:30',
      'So., 00:30',
      'Sun 00:30',
    ]);
    expect(shown('2026-11-28T23:30:00Z', 'instant')).toEqual([
      '29 nov. 2026, 00:30',
      '29 nov 2026, 00:30',
      '29.11.2026, 00:30',
      'Nov 29, 2026, 00:30',
    ]);
  });

  it('says the offset in the hour that happens twice when the clocks go back (25 October)', () => {
    // q1h across the night: 00:30 and 01:30 UTC are both 02:30 on the wall.
    expect(shown('2026-10-25T00:30:00Z', 'dayTime')).toEqual([
      'dim. 02:30 (UTC+2)',
      'zo 02:30 (GMT+2)',
      'So., 02:30 (GMT+2)',
      'Sun 02:30 (GMT+2)',
    ]);
    expect(shown('2026-10-25T01:30:00Z', 'time')).toEqual([
      '02:30 (UTC+1)',
      '02:30 (GMT+1)',
      '02:30 (GMT+1)',
      '02:30 (GMT+1)',
    ]);
    // The hours around it are said plainly.
    expect(shown('2026-10-25T02:30:00Z', 'time')).toEqual(['03:30', '03:30', '03:30', '03:30']);
    expect(shown('2026-10-24T23:30:00Z', 'time')).toEqual(['01:30', '01:30', '01:30', '01:30']);
  });

  it('skips the missing hour when the clocks go forward (29 March): 01:30 then 03:30', () => {
    expect(shown('2026-03-29T00:30:00Z', 'dayTime')).toEqual([
      'dim. 01:30',
      'zo 01:30',
      'So., 01:30',
      'Sun 01:30',
    ]);
    expect(shown('2026-03-29T01:30:00Z', 'dayTime')).toEqual([
      'dim. 03:30',
      'zo 03:30',
      'So., 03:30',
      'Sun 03:30',
    ]);
  });
});
