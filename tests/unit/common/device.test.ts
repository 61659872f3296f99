import { describe, expect, it } from 'vitest';
import { deviceLine, devicePlacement } from '../../../electron/common/device.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';

const ZONE = 'Europe/Brussels';
const iso = (value: string) => value.slice(0, 10);

describe('a device’s placement, the same on screen and paper', () => {
  const asOf = new Date('2026-12-01T09:00:00Z');

  it('counts day 1 as the placement day on the ward’s calendar', () => {
    expect(devicePlacement('2026-12-01T07:00:00Z', asOf, ZONE, iso)).toEqual({
      date: '2026-12-01',
      day: 1,
    });
    expect(devicePlacement('2026-11-28', asOf, ZONE, iso)).toEqual({ date: '2026-11-28', day: 4 });
  });

  it('counts a line placed at 23:30 UTC as placed the next day in Brussels', () => {
    // 2026-11-29T23:30Z is 00:30 on the 30th in Brussels: day 2 on the 1st, not day 3.
    expect(devicePlacement('2026-11-29T23:30:00Z', asOf, ZONE, iso)?.day).toBe(2);
  });

  it('says a partial or unreadable date as given, with no day guessed, and none as unknown', () => {
    expect(devicePlacement('2026-11', asOf, ZONE, iso)).toEqual({ date: '2026-11', day: null });
    expect(devicePlacement('last week', asOf, ZONE, iso)).toEqual({
      date: 'last week',
      day: null,
    });
    expect(devicePlacement(null, asOf, ZONE, iso)).toBeNull();
  });

  it('reads as a line with UNVERIFIED first, in the reader’s words', () => {
    const line = deviceLine(
      wordsTranslator('fr'),
      { kind: 'Sonde urinaire', name: null, site: null, note: null, unverified: true },
      devicePlacement('2026-11-28', asOf, ZONE, iso),
    );
    expect(line).toBe(
      'NON VÉRIFIÉ — contrôler au lit du patient · Sonde urinaire · site non renseigné · ' +
        wordsTranslator('fr')('device.placedDay', { date: '2026-11-28', day: 4 }),
    );
  });
});
