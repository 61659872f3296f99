/** Dates, ages and durations per locale, with partial FHIR dates shown as given. */
import { describe, expect, it } from 'vitest';
import { ageInYears, daysSince, formatters } from '../../../renderer/lib/format.ts';

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

describe('ages and stays', () => {
  const at = Date.parse('2026-11-28T12:00:00Z');

  it('counts whole years, before and after the birthday', () => {
    expect(ageInYears('1950-11-28', at)).toBe(76);
    expect(ageInYears('1950-11-29', at)).toBe(75);
    expect(ageInYears('1950', at)).toBe(76);
    expect(ageInYears(null, at)).toBeNull();
  });

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
