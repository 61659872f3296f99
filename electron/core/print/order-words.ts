/**
 * An order said in the sheet's language, the same on the MAR and the handover: the frequency in
 * words ("every 8 hours — before breakfast"), the mark of a drug not given every day ("WEEKLY —
 * Friday").
 */
import { WHEN_CODES } from '../schedule/admin-times.ts';
import type { Repeat } from '../schedule/timing.ts';
import type { Translate } from './messages.ts';

/** "Every 6 hours", "3 times a day", "Once a week" — the frequency said in the sheet's language. */
export function frequencyInWords(t: Translate, repeat: Repeat | null): string | null {
  if (!repeat) return null;
  const times = repeat.timeOfDay?.map((time) => time.slice(0, 5)).join(', ');
  const { period, periodUnit } = repeat;
  const frequency = repeat.frequency ?? 1;
  let words: string | null = null;
  if (period !== undefined && periodUnit !== undefined) {
    if (frequency === 1 && (periodUnit === 'h' || periodUnit === 'min')) {
      words = t(periodUnit === 'h' ? 'freq.everyHours' : 'freq.everyMinutes', { n: period });
    } else if (periodUnit === 'd' && period === 1) {
      words = frequency === 1 ? t('freq.onceDaily') : t('freq.timesDaily', { n: frequency });
    } else if (periodUnit === 'd') {
      words = t('freq.everyDays', { n: period, times: frequency });
    } else if (periodUnit === 'wk' && period === 1) {
      words = frequency === 1 ? t('freq.onceWeekly') : t('freq.timesWeekly', { n: frequency });
    } else if (periodUnit === 'wk') {
      words = t('freq.everyWeeks', { n: period });
    } else if (periodUnit === 'mo') {
      words = t('freq.everyMonths', { n: period });
    }
  }
  // Event codes in words ("before breakfast"); a code we do not know stays as written.
  const when = repeat.when
    ?.map((code) => {
      const known = WHEN_CODES.find((c) => c === code);
      return known ? t(`when.${known}`) : code;
    })
    .join(', ');
  const named = [times, when].filter((s): s is string => !!s && s.length > 0);
  const all = [words, ...named].filter((s): s is string => s !== null);
  return all.length > 0 ? all.join(' — ') : null;
}

/** "WEEKLY — Friday": printed on every sheet of such an order, due in the window or not. */
export function weeklyMark(t: Translate, repeat: Repeat | null): string[] {
  if (!repeat) return [];
  const nonDaily =
    repeat.periodUnit === 'wk' ||
    repeat.periodUnit === 'mo' ||
    (repeat.periodUnit === 'd' && (repeat.period ?? 1) > 1) ||
    ((repeat.dayOfWeek?.length ?? 0) > 0 && (repeat.dayOfWeek?.length ?? 0) < 7);
  if (!nonDaily) return [];
  const days = (repeat.dayOfWeek ?? []).map((d) => t(`weekday.${d}`)).join(', ');
  if (repeat.periodUnit === 'wk' || days.length > 0) {
    return [days ? t('mar.weeklyOn', { days }) : t('mar.weekly')];
  }
  return [t('mar.notDaily')];
}
