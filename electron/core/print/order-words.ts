/**
 * The mark of a drug not given every day ("WEEKLY — Friday"), printed on every MAR sheet of
 * such an order. (The frequency in words is common's `orderFrequency`, as on screen.)
 */
import type { Repeat } from '../schedule/timing.ts';
import type { Translate } from './messages.ts';

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
