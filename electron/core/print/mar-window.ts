/**
 * The time a MAR sheet covers. A day on paper is a wall-clock day: from the start time to the
 * same local time the next day — 23, 24 or 25 hours of elapsed time across a daylight-saving
 * change — so the sheets of consecutive days meet exactly, with no dose on two sheets and none
 * on no sheet. The start is either the moment of printing or the start of the current round
 * (the ward's round start times, a clinical setting), so a round the outage interrupted is on
 * the sheet rather than lost.
 */
import { AppError } from '../errors.ts';
import { secondsOfTime } from '../schedule/timing.ts';
import { instantAt, localDayOf, localSecondOfDay } from '../schedule/zoned-time.ts';

export const MAR_DAY_CHOICES = [1, 3, 7] as const;
export type MarDays = (typeof MAR_DAY_CHOICES)[number];

export const MAR_START_CHOICES = ['now', 'round'] as const;
export type MarStart = (typeof MAR_START_CHOICES)[number];

export interface MarWindow {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
  readonly days: MarDays;
}

/** `days` wall-clock days from `start` on the ward's clock. */
export function wallClockDays(start: Date, days: MarDays, timeZone: string): MarWindow {
  const ms = start.getTime();
  if (Number.isNaN(ms)) {
    throw new AppError(
      'invalid-argument',
      'The start time of the worksheet is not a valid date; give it as an ISO date and time.',
    );
  }
  const end = instantAt(
    localDayOf(ms, timeZone) + days,
    localSecondOfDay(ms, timeZone) + (ms % 1000) / 1000,
    timeZone,
  );
  return { start, end: new Date(end), days };
}

/**
 * The start of the round under way at `now`: the latest of the ward's round start times
 * ("07:00", "15:00", "22:00") at or before `now`, today or (before the first one) yesterday.
 */
export function currentRoundStart(
  now: Date,
  roundStarts: readonly string[],
  timeZone: string,
): Date {
  const ms = now.getTime();
  const today = localDayOf(ms, timeZone);
  let best: number | null = null;
  for (const day of [today, today - 1]) {
    for (const time of roundStarts) {
      const at = instantAt(day, secondsOfTime(time), timeZone);
      if (at <= ms && (best === null || at > best)) best = at;
    }
    if (best !== null) break;
  }
  if (best === null) {
    throw new AppError(
      'invalid-argument',
      'No round start times are set; IT sets them in Settings (round start times).',
    );
  }
  return new Date(best);
}

/**
 * Where a printed window starts — the MAR's, the medication round's, the pharmacy list's: the
 * instant given (`--start ISO`), else the print time or the start of the current round.
 */
export function windowStart(
  request: { readonly start?: Date; readonly marStart?: MarStart },
  now: Date,
  roundStarts: readonly string[],
  timeZone: string,
): Date {
  if (request.start !== undefined) return request.start;
  return request.marStart === 'round' ? currentRoundStart(now, roundStarts, timeZone) : now;
}
