/**
 * One line, drain or device in use, said in the reader's words: what it is (the source's kind,
 * and its name when it gives one), where, since when, the source's note, and UNVERIFIED when the
 * importer could not read all of it. What the source leaves out is said, never left blank — an
 * unrecorded site is not "no site".
 */
import { wardDayNumber } from './age.ts';
import { named } from './placeholder.ts';
import type { TranslateWord } from './words/index.ts';

/** The fields of a stored device (core's `Device`) the line says. */
export interface DeviceWords {
  readonly kind: string | null;
  readonly name: string | null;
  readonly site: string | null;
  readonly note: string | null;
  readonly unverified: boolean;
}

/** When it was placed, as the page prints the date, and the day since (day 1 = placement day). */
export interface DevicePlacement {
  readonly date: string;
  /** Null when the source's date is partial ("2026-03"): no day count is guessed from it. */
  readonly day: number | null;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * When a device was placed and its day since, counted to the data's time on the ward's calendar
 * (day 1 = placement day), the same on screen and paper; `formatDate` says the date in the
 * reader's form. A partial date ("2026-03") is said as given, with no day count guessed from it;
 * an unreadable one is said verbatim.
 */
export function devicePlacement(
  placedAt: string | null,
  asOf: Date,
  timeZone: string,
  formatDate: (placedAt: string) => string,
): DevicePlacement | null {
  if (placedAt === null || placedAt.length === 0) return null;
  const dateOnly = FULL_DATE.exec(placedAt);
  const placed = dateOnly
    ? Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) / 86_400_000
    : /^\d{4}-\d{2}-\d{2}T/u.test(placedAt) && !Number.isNaN(Date.parse(placedAt))
      ? wardDayNumber(new Date(placedAt), timeZone)
      : null;
  if (placed === null) return { date: placedAt, day: null };
  return { date: formatDate(placedAt), day: wardDayNumber(asOf, timeZone) - placed + 1 };
}

/** "Peripheral venous catheter (Venflon 20G) · Left forearm · placed 2026-03-25 (day 4)". */
export function deviceLine(
  t: TranslateWord,
  device: DeviceWords,
  placement: DevicePlacement | null,
): string {
  const what =
    device.kind && device.name
      ? `${device.kind} (${device.name})`
      : named(t, 'device', device.kind ?? device.name);
  const placed =
    placement === null
      ? t('device.placedUnknown')
      : placement.day === null
        ? t('device.placedOn', { date: placement.date })
        : t('device.placedDay', { date: placement.date, day: placement.day });
  return [
    device.unverified ? t('device.unverified') : '',
    what,
    device.site ?? t('device.siteUnknown'),
    placed,
    device.note ?? '',
  ]
    .filter((s) => s.length > 0)
    .join(' · ');
}
