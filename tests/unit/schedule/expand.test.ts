import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AdminTimesSchema,
  DEFAULT_ADMIN_TIMES,
  type AdminTimes,
} from '../../../electron/core/schedule/admin-times.ts';
import {
  describeTiming,
  expandTiming,
  type ScheduleOptions,
} from '../../../electron/core/schedule/expand.ts';

const BRUSSELS = 'Europe/Brussels';

/** Due instants (ISO, UTC) of `timing` in [start, end), on the Brussels wall clock. */
function dueTimes(
  timing: unknown,
  start: string,
  end: string,
  options: Partial<ScheduleOptions> = {},
): string[] | string {
  const result = expandTiming(
    timing,
    { start: new Date(start), end: new Date(end) },
    { timeZone: BRUSSELS, adminTimes: DEFAULT_ADMIN_TIMES, ...options },
  );
  switch (result.kind) {
    case 'times':
      return result.times.map((t) => t.toISOString().replace('.000', ''));
    case 'prn':
      return 'prn';
    case 'unscheduled':
      return `unscheduled: ${result.problem.code} ${JSON.stringify(result.problem.values)}`;
    default: {
      const unknown: never = result;
      return unknown;
    }
  }
}

// 2026-11-10 is a Tuesday in winter time (CET, UTC+1): local midnight is 23:00Z the day before.
const TUESDAY = ['2026-11-09T23:00:00Z', '2026-11-10T23:00:00Z'] as const;
const perDay = (frequency: number) => ({ repeat: { frequency, period: 1, periodUnit: 'd' } });
const everyHours = (hours: number) => ({
  repeat: { frequency: 1, period: hours, periodUnit: 'h' },
});

describe('standard frequencies on the site administration times', () => {
  it('gives a daily dose at 08:00', () => {
    expect(dueTimes(perDay(1), '2026-11-10T00:00:00Z', '2026-11-12T00:00:00Z')).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-11T07:00:00Z',
    ]);
  });

  it('gives BID at 08/20, TID at 08/14/20 and QID at 08/12/16/20', () => {
    expect(dueTimes(perDay(2), ...TUESDAY)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
    expect(dueTimes(perDay(3), ...TUESDAY)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T13:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
    expect(dueTimes(perDay(4), ...TUESDAY)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T11:00:00Z',
      '2026-11-10T15:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
  });

  it('anchors q4h, q6h, q8h and q12h on the clock', () => {
    expect(dueTimes(everyHours(4), ...TUESDAY)).toEqual([
      '2026-11-09T23:00:00Z',
      '2026-11-10T03:00:00Z',
      '2026-11-10T07:00:00Z',
      '2026-11-10T11:00:00Z',
      '2026-11-10T15:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
    expect(dueTimes(everyHours(6), ...TUESDAY)).toEqual([
      '2026-11-09T23:00:00Z',
      '2026-11-10T05:00:00Z',
      '2026-11-10T11:00:00Z',
      '2026-11-10T17:00:00Z',
    ]);
    expect(dueTimes(everyHours(8), ...TUESDAY)).toEqual([
      '2026-11-10T05:00:00Z',
      '2026-11-10T13:00:00Z',
      '2026-11-10T21:00:00Z',
    ]);
    expect(dueTimes(everyHours(12), ...TUESDAY)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
  });

  it('reads "6 times a day" as every 4 h when the table has no 6-dose row', () => {
    expect(dueTimes(perDay(6), ...TUESDAY)).toEqual(dueTimes(everyHours(4), ...TUESDAY));
  });

  it('places intervals that do not divide the day on elapsed time from the start', () => {
    const timing = { repeat: { frequency: 1, period: 5, periodUnit: 'h' } };
    expect(dueTimes(timing, ...TUESDAY, { orderStart: new Date('2026-11-09T20:00:00Z') })).toEqual([
      '2026-11-10T01:00:00Z',
      '2026-11-10T06:00:00Z',
      '2026-11-10T11:00:00Z',
      '2026-11-10T16:00:00Z',
      '2026-11-10T21:00:00Z',
    ]);
  });

  it('follows a changed administration times table', () => {
    const table: AdminTimes = {
      ...DEFAULT_ADMIN_TIMES,
      perDay: { ...DEFAULT_ADMIN_TIMES.perDay, '3': ['08:00', '13:00', '18:00'] },
    };
    expect(dueTimes(perDay(3), ...TUESDAY, { adminTimes: table })).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T12:00:00Z',
      '2026-11-10T17:00:00Z',
    ]);
  });
});

describe('times the order names', () => {
  it('uses timeOfDay as written', () => {
    expect(dueTimes({ repeat: { timeOfDay: ['21:30:00', '09:00:00'] } }, ...TUESDAY)).toEqual([
      '2026-11-10T08:00:00Z',
      '2026-11-10T20:30:00Z',
    ]);
  });

  it('lets timeOfDay win over the table for a daily frequency', () => {
    const timing = {
      repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['10:00', '22:00'] },
    };
    expect(dueTimes(timing, ...TUESDAY)).toEqual(['2026-11-10T09:00:00Z', '2026-11-10T21:00:00Z']);
  });

  it('maps when codes MORN, NOON, EVE, NIGHT and HS to the table', () => {
    const timing = { repeat: { when: ['MORN', 'NOON', 'EVE', 'NIGHT', 'HS'] } };
    expect(dueTimes(timing, ...TUESDAY)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T11:00:00Z',
      '2026-11-10T17:00:00Z',
      '2026-11-10T20:00:00Z',
      '2026-11-10T21:00:00Z',
    ]);
  });

  it('gives AC (before every meal) three times and ACM once', () => {
    expect(dueTimes({ repeat: { when: ['AC'] } }, ...TUESDAY)).toEqual([
      '2026-11-10T06:30:00Z',
      '2026-11-10T10:30:00Z',
      '2026-11-10T16:30:00Z',
    ]);
    expect(dueTimes({ repeat: { when: ['ACM'] } }, ...TUESDAY)).toEqual(['2026-11-10T06:30:00Z']);
  });

  it('counts an offset before the meal for AC and after it for PC', () => {
    expect(dueTimes({ repeat: { when: ['ACM'], offset: 15 } }, ...TUESDAY)).toEqual([
      '2026-11-10T06:45:00Z',
    ]);
    expect(dueTimes({ repeat: { when: ['PCV'], offset: 60 } }, ...TUESDAY)).toEqual([
      '2026-11-10T18:00:00Z',
    ]);
  });

  it('flags an unknown when code instead of dropping the order', () => {
    expect(dueTimes({ repeat: { when: ['TEATIME'] } }, ...TUESDAY)).toMatch(
      /^unscheduled: .*"TEATIME"/,
    );
  });

  it('gives explicit events that fall in the window', () => {
    const timing = { event: ['2026-11-10T09:15:00+01:00', '2026-11-11T09:15:00+01:00'] };
    expect(dueTimes(timing, ...TUESDAY)).toEqual(['2026-11-10T08:15:00Z']);
  });
});

describe('days', () => {
  // Monday 2026-11-09 00:00 CET to Monday 2026-11-16 00:00 CET.
  const WEEK = ['2026-11-08T23:00:00Z', '2026-11-15T23:00:00Z'] as const;

  it('keeps to dayOfWeek', () => {
    const timing = { repeat: { ...perDay(1).repeat, dayOfWeek: ['mon', 'wed', 'fri'] } };
    expect(dueTimes(timing, ...WEEK)).toEqual([
      '2026-11-09T07:00:00Z',
      '2026-11-11T07:00:00Z',
      '2026-11-13T07:00:00Z',
    ]);
  });

  it('gives a weekly order on the weekday it started', () => {
    const timing = { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } };
    expect(dueTimes(timing, ...WEEK, { orderStart: new Date('2026-11-05T10:00:00Z') })).toEqual([
      '2026-11-12T07:00:00Z',
    ]);
  });

  it('gives every-2-days doses counted from the bounds start', () => {
    const timing = {
      repeat: { frequency: 1, period: 2, periodUnit: 'd', boundsPeriod: { start: '2026-11-10' } },
    };
    expect(dueTimes(timing, ...WEEK)).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-12T07:00:00Z',
      '2026-11-14T07:00:00Z',
    ]);
  });

  it('reads the v3 abbreviation code when there is no repeat', () => {
    const code = (c: string) => ({
      code: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: c }],
      },
    });
    expect(dueTimes(code('BID'), ...TUESDAY)).toEqual(dueTimes(perDay(2), ...TUESDAY));
    expect(dueTimes(code('Q6H'), ...TUESDAY)).toEqual(dueTimes(everyHours(6), ...TUESDAY));
    expect(dueTimes(code('AM'), ...TUESDAY)).toEqual(['2026-11-10T07:00:00Z']);
    expect(dueTimes({ code: { text: 'tid' } }, ...TUESDAY)).toEqual(
      dueTimes(perDay(3), ...TUESDAY),
    );
    expect(dueTimes(code('SOMETIMES'), ...TUESDAY)).toMatch(/^unscheduled: .*"SOMETIMES"/);
  });
});

describe('bounds and counts', () => {
  it('applies the bounds of a repeat that only bounds an abbreviation code', () => {
    const timing = {
      code: { coding: [{ code: 'BID' }] },
      repeat: { boundsPeriod: { end: '2026-11-10T12:00:00+01:00' } },
    };
    expect(dueTimes(timing, ...TUESDAY)).toEqual(['2026-11-10T07:00:00Z']);
  });

  it('stops at a boundsPeriod end in the middle of the window', () => {
    const timing = {
      repeat: {
        ...everyHours(6).repeat,
        boundsPeriod: { start: '2026-11-01', end: '2026-11-10T12:00:00+01:00' },
      },
    };
    expect(dueTimes(timing, ...TUESDAY)).toEqual([
      '2026-11-09T23:00:00Z',
      '2026-11-10T05:00:00Z',
      '2026-11-10T11:00:00Z',
    ]);
  });

  it('includes the whole last day of a date-only boundsPeriod end', () => {
    const timing = { repeat: { ...perDay(2).repeat, boundsPeriod: { end: '2026-11-10' } } };
    expect(dueTimes(timing, '2026-11-10T00:00:00Z', '2026-11-12T00:00:00Z')).toEqual([
      '2026-11-10T07:00:00Z',
      '2026-11-10T19:00:00Z',
    ]);
  });

  it('starts and stops with the order itself', () => {
    expect(
      dueTimes(everyHours(6), ...TUESDAY, {
        orderStart: new Date('2026-11-10T06:00:00Z'),
        orderEnd: new Date('2026-11-10T15:00:00Z'),
      }),
    ).toEqual(['2026-11-10T11:00:00Z']);
  });

  it('ends a boundsDuration counted from the order start', () => {
    const timing = { repeat: { ...perDay(2).repeat, boundsDuration: { value: 1, code: 'd' } } };
    expect(
      dueTimes(timing, '2026-11-10T00:00:00Z', '2026-11-13T00:00:00Z', {
        orderStart: new Date('2026-11-10T10:00:00Z'),
      }),
    ).toEqual(['2026-11-10T19:00:00Z', '2026-11-11T07:00:00Z']);
  });

  it('gives a daily dose for 3 days exactly 3 times (the end of the duration is not a dose)', () => {
    const timing = { repeat: { ...perDay(1).repeat, boundsDuration: { value: 3, code: 'd' } } };
    expect(
      dueTimes(timing, '2026-11-10T00:00:00Z', '2026-11-20T00:00:00Z', {
        orderStart: new Date('2026-11-10T07:00:00Z'),
      }),
    ).toEqual(['2026-11-10T07:00:00Z', '2026-11-11T07:00:00Z', '2026-11-12T07:00:00Z']);
  });

  it('numbers doses from the bounds start and returns those of the count in the window', () => {
    // Doses 1–4 fall on 2026-11-08 20:00, 11-09 08:00, 11-09 20:00, 11-10 08:00: only dose 4 is left.
    const timing = {
      repeat: {
        ...perDay(2).repeat,
        count: 4,
        boundsPeriod: { start: '2026-11-08T12:00:00+01:00' },
      },
    };
    expect(dueTimes(timing, ...TUESDAY)).toEqual(['2026-11-10T07:00:00Z']);
  });

  it('counts interval doses from the order start', () => {
    const timing = { repeat: { frequency: 1, period: 5, periodUnit: 'h', count: 3 } };
    expect(dueTimes(timing, ...TUESDAY, { orderStart: new Date('2026-11-10T00:00:00Z') })).toEqual([
      '2026-11-10T00:00:00Z',
      '2026-11-10T05:00:00Z',
      '2026-11-10T10:00:00Z',
    ]);
  });
});

describe('daylight saving time in Europe/Brussels', () => {
  it('keeps 08:00 local across the spring-forward night (2026-03-29)', () => {
    expect(dueTimes(perDay(1), '2026-03-27T23:00:00Z', '2026-03-30T22:00:00Z')).toEqual([
      '2026-03-28T07:00:00Z',
      '2026-03-29T06:00:00Z',
      '2026-03-30T06:00:00Z',
    ]);
  });

  it('keeps q6h on 00/06/12/18 local, so the interval over the jump is 5 h', () => {
    expect(dueTimes(everyHours(6), '2026-03-28T16:00:00Z', '2026-03-29T11:00:00Z')).toEqual([
      '2026-03-28T17:00:00Z',
      '2026-03-28T23:00:00Z',
      '2026-03-29T04:00:00Z',
      '2026-03-29T10:00:00Z',
    ]);
  });

  it('moves a dose at the non-existent 02:30 to 03:30 summer time, not dropping it', () => {
    expect(
      dueTimes(
        { repeat: { timeOfDay: ['02:30'] } },
        '2026-03-28T23:00:00Z',
        '2026-03-29T22:00:00Z',
      ),
    ).toEqual(['2026-03-29T01:30:00Z']);
  });

  it('keeps 08:00 local across the fall-back night (2026-10-25)', () => {
    expect(dueTimes(perDay(1), '2026-10-23T22:00:00Z', '2026-10-26T23:00:00Z')).toEqual([
      '2026-10-24T06:00:00Z',
      '2026-10-25T07:00:00Z',
      '2026-10-26T07:00:00Z',
    ]);
  });

  it('keeps q6h on the clock in autumn, so the interval over the repeat hour is 7 h', () => {
    expect(dueTimes(everyHours(6), '2026-10-24T15:00:00Z', '2026-10-25T12:00:00Z')).toEqual([
      '2026-10-24T16:00:00Z',
      '2026-10-24T22:00:00Z',
      '2026-10-25T05:00:00Z',
      '2026-10-25T11:00:00Z',
    ]);
  });

  it('gives a dose at the doubled 02:30 once, at the first (summer time) 02:30', () => {
    expect(
      dueTimes(
        { repeat: { timeOfDay: ['02:30'] } },
        '2026-10-24T22:00:00Z',
        '2026-10-25T23:00:00Z',
      ),
    ).toEqual(['2026-10-25T00:30:00Z']);
  });

  it('runs elapsed-time intervals straight through the transition', () => {
    const timing = { repeat: { frequency: 1, period: 5, periodUnit: 'h' } };
    expect(
      dueTimes(timing, '2026-03-28T22:00:00Z', '2026-03-29T09:00:00Z', {
        orderStart: new Date('2026-03-28T22:00:00Z'),
      }),
    ).toEqual(['2026-03-28T22:00:00Z', '2026-03-29T03:00:00Z', '2026-03-29T08:00:00Z']);
  });
});

describe('what cannot be scheduled is flagged, never dropped', () => {
  it.each([
    ['no timing', undefined, /no-timing/],
    ['invalid JSON text', '{not json', /timing-not-json/],
    ['a wrong type', { repeat: { frequency: 'twice' } }, /timing\.repeat\.frequency/],
    ['a frequency without period', { repeat: { frequency: 2 } }, /frequency-without-period/],
    ['a period without unit', { repeat: { period: 6 } }, /period-without-unit/],
    [
      '3 a week without days',
      { repeat: { frequency: 3, period: 1, periodUnit: 'wk' } },
      /weekdays-missing/,
    ],
    [
      'a continuous rate',
      { repeat: { frequency: 1, period: 30, periodUnit: 's' } },
      /too-frequent/,
    ],
    [
      'a repeat with only bounds',
      { repeat: { boundsPeriod: { start: '2026-11-01' } } },
      /no-frequency/,
    ],
    [
      'every 2 days without a start',
      { repeat: { frequency: 1, period: 2, periodUnit: 'd' } },
      /needs-start-date/,
    ],
    [
      'a boundsDuration without order start',
      { repeat: { ...perDay(1).repeat, boundsDuration: { value: 3, code: 'd' } } },
      /duration-needs-start/,
    ],
    ['a date-only event', { event: ['2026-11-10'] }, /event-not-date/],
  ])('%s', (_, timing, reason) => {
    expect(dueTimes(timing, ...TUESDAY)).toMatch(reason);
  });

  it('gives PRN orders no times', () => {
    expect(dueTimes(everyHours(4), ...TUESDAY, { prn: true })).toBe('prn');
  });

  it('accepts the timing as stored JSON text', () => {
    expect(dueTimes(JSON.stringify(perDay(2)), ...TUESDAY)).toEqual(
      dueTimes(perDay(2), ...TUESDAY),
    );
  });

  it('refuses an unknown time zone with a settings error', () => {
    expect(() => dueTimes(perDay(1), ...TUESDAY, { timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ kind: 'invalid-config' }),
    );
  });
});

describe('describeTiming', () => {
  it.each([
    [everyHours(6), 'every 6 h'],
    [perDay(2), '2 times a day'],
    [perDay(1), 'once a day'],
    [{ repeat: { frequency: 1, period: 2, periodUnit: 'd' } }, 'every 2 days'],
    [
      { repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] } },
      '08:00, 20:00',
    ],
    [{ repeat: { when: ['ACM', 'HS'] } }, 'before breakfast, at bedtime'],
    [
      { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] } },
      'once a week · Mon',
    ],
    [{ code: { text: 'BID' } }, '2 times a day'],
    [{ code: { text: 'as directed' } }, 'as directed'],
  ])('%j → %s', (timing, text) => {
    expect(describeTiming(timing)).toBe(text);
  });

  it('returns null for what is not a timing', () => {
    expect(describeTiming(42)).toBeNull();
  });
});

describe('AdminTimesSchema', () => {
  it('accepts the default table', () => {
    expect(AdminTimesSchema.parse(DEFAULT_ADMIN_TIMES)).toEqual(DEFAULT_ADMIN_TIMES);
  });

  it('names the row whose times do not match its dose count', () => {
    const bad = { ...DEFAULT_ADMIN_TIMES, perDay: { '2': ['08:00', '14:00', '20:00'] } };
    const result = AdminTimesSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['perDay', '2']);
  });

  it('refuses a time that is not HH:MM', () => {
    const bad = { ...DEFAULT_ADMIN_TIMES, perDay: { '1': ['8h'] } };
    expect(AdminTimesSchema.safeParse(bad).success).toBe(false);
  });
});

describe('other time zones', () => {
  it('keeps 08:00 local across New York’s spring-forward (2026-03-08)', () => {
    expect(
      dueTimes(perDay(1), '2026-03-07T05:00:00Z', '2026-03-09T04:00:00Z', {
        timeZone: 'America/New_York',
      }),
    ).toEqual(['2026-03-07T13:00:00Z', '2026-03-08T12:00:00Z']);
  });

  it('places 08:00 on the Kolkata clock (UTC+05:30, no DST)', () => {
    expect(
      dueTimes(perDay(1), '2026-11-09T18:30:00Z', '2026-11-10T18:30:00Z', {
        timeZone: 'Asia/Kolkata',
      }),
    ).toEqual(['2026-11-10T02:30:00Z']);
  });
});

/** Hours between consecutive instants (ISO strings). */
const gapsInHours = (times: readonly string[]) =>
  times.slice(1).map((t, i) => (Date.parse(t) - Date.parse(times[i]!)) / 3_600_000);

describe('q1h–q4h follow elapsed time across DST; daily times and q6h+ keep the ward clock', () => {
  // The local days of 29 March 2026 (23 h) and 25 October 2026 (25 h) in Brussels.
  const SPRING = ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'] as const;
  const AUTUMN = ['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'] as const;
  // Started the evening before, on the ward's clock: the doses count from there.
  const before = (iso: string) => ({ orderStart: new Date(iso) });

  it('gives a q1h order 25 doses on the 25-hour autumn day: the repeated 02:00 twice, an hour apart', () => {
    const times = dueTimes(everyHours(1), ...AUTUMN, before('2026-10-24T18:00:00Z'));
    expect(times).toHaveLength(25);
    expect(times.slice(2, 5)).toEqual([
      '2026-10-25T00:00:00Z', // 02:00 CEST
      '2026-10-25T01:00:00Z', // 02:00 CET, the repeated hour
      '2026-10-25T02:00:00Z', // 03:00 CET
    ]);
    expect(new Set(gapsInHours(times as string[]))).toEqual(new Set([1]));
  });

  it('gives a q2h order 13 doses that day, each 2 h after the one before', () => {
    const times = dueTimes(everyHours(2), ...AUTUMN, before('2026-10-24T18:00:00Z'));
    expect(times).toHaveLength(13);
    expect(new Set(gapsInHours(times as string[]))).toEqual(new Set([2]));
  });

  it('gives a q1h order 23 doses on the 23-hour spring day, none lost, none doubled', () => {
    const times = dueTimes(everyHours(1), ...SPRING, before('2026-03-28T19:00:00Z'));
    expect(times).toHaveLength(23);
    expect(times.slice(1, 3)).toEqual(['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z']);
    expect(new Set(gapsInHours(times as string[]))).toEqual(new Set([1]));
  });

  it('gives a q4h order an unbroken 4 h across the spring change (the clock times then move by one)', () => {
    const times = dueTimes(everyHours(4), ...SPRING, before('2026-03-28T19:00:00Z')) as string[];
    expect(new Set(gapsInHours(times))).toEqual(new Set([4]));
    expect(times).toHaveLength(6); // 23 h: 00, 04 … on real time
  });

  it('starts a q1h–q4h order on the ward clock times: 22:00 the evening before, on the grid', () => {
    const times = dueTimes(everyHours(2), '2026-11-10T20:00:00Z', '2026-11-11T00:00:00Z', {
      orderStart: new Date('2026-11-10T08:10:00Z'), // 09:10 CET: first dose 10:00
    });
    expect(times).toEqual(['2026-11-10T21:00:00Z', '2026-11-10T23:00:00Z']); // 22:00, 00:00
  });

  it('keeps a q6h order on the ward clock: its interval over the change is 7 h, not a moved round', () => {
    const times = dueTimes(everyHours(6), ...AUTUMN, before('2026-10-24T18:00:00Z')) as string[];
    expect(times).toHaveLength(4);
    expect(gapsInHours(times)).toContain(7);
  });

  it('keeps daily times on the ward clock: 08:00 and 20:00 local on the autumn day', () => {
    const times = dueTimes(perDay(2), ...AUTUMN);
    expect(times).toEqual(['2026-10-25T07:00:00Z', '2026-10-25T19:00:00Z']);
  });
});

describe('any input', () => {
  it('gives times, prn or a reason — never an exception', () => {
    const window = {
      start: new Date('2026-11-10T00:00:00Z'),
      end: new Date('2026-11-12T00:00:00Z'),
    };
    const options = {
      timeZone: BRUSSELS,
      adminTimes: DEFAULT_ADMIN_TIMES,
      orderStart: window.start,
    };
    const repeat = fc.record(
      {
        frequency: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.string()),
        period: fc.oneof(fc.double({ min: -1, max: 100, noNaN: true }), fc.constant(0.5)),
        periodUnit: fc.constantFrom('s', 'min', 'h', 'd', 'wk', 'mo', 'a', 'x'),
        when: fc.array(fc.constantFrom('MORN', 'ACM', 'HS', 'PCV', 'C', 'XYZ')),
        offset: fc.integer({ min: 0, max: 3000 }),
        timeOfDay: fc.array(fc.constantFrom('08:00', '25:00', '02:30:00', 'x')),
        dayOfWeek: fc.array(fc.constantFrom('mon', 'sun', 'xyz')),
        count: fc.integer({ min: 0, max: 50 }),
        boundsPeriod: fc.record(
          { start: fc.constantFrom('2026-11-01', '2026', 'garbage'), end: fc.string() },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ repeat }),
          fc.record({ repeat, event: fc.array(fc.string()) }),
        ),
        (timing) => {
          const result = expandTiming(timing, window, options);
          expect(['times', 'prn', 'unscheduled']).toContain(result.kind);
          describeTiming(timing);
        },
      ),
      { numRuns: 400 },
    );
  });
});
