import { describe, expect, it } from 'vitest';
import { identityFromChart } from '../../../electron/core/print/patient-header.ts';
import { chart, weighed } from './fixtures.ts';

describe('the patient band’s dosing weight', () => {
  it('dates the weight on the ward’s calendar, not UTC’s: weighed at 00:30 in Brussels is that day', () => {
    // 2026-11-29T23:30Z is 2026-11-30 00:30 in Brussels.
    const c = chart(1, { observations: [weighed(12.4, '2026-11-29T23:30:00Z')] });
    const identity = identityFromChart(c, {
      at: new Date('2026-12-01T08:00:00Z'),
      timeZone: 'Europe/Brussels',
    });
    expect(identity.weight?.kg).toBe(12.4);
    expect(identity.weight?.at?.slice(0, 10)).toBe('2026-11-30');
  });

  it('is left out where the report does not ask for it', () => {
    expect(identityFromChart(chart(1)).weight).toBeUndefined();
  });
});
