/**
 * How often an order is given, in words of the reader's language: "toutes les 6 h", "au
 * coucher", "om de 6 u", "zur Nacht", "1 à 2 fois par jour". Never HL7 codes (q6h, BID, ACM) or
 * abbreviations on ISMP's error-prone list (HS is read as "half strength", QD as QID). Core
 * reads the FHIR Timing into these parts (schedule/describe.ts); screen and paper say them here.
 */
import { z } from 'zod';
import { isWordKey, type TranslateWord } from './words/index.ts';

const PeriodUnitSchema = z.enum(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']);
const DaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const FrequencySchema = z.object({
  frequency: z.number().nullable(),
  frequencyMax: z.number().nullable(),
  period: z.number().nullable(),
  periodMax: z.number().nullable(),
  periodUnit: PeriodUnitSchema.nullable(),
  /** FHIR event-timing codes (HS, ACM …), translated; an unknown one is shown as given. */
  when: z.array(z.string()),
  /** Minutes from the event. */
  offset: z.number().nullable(),
  /** HH:MM on the ward clock. */
  timeOfDay: z.array(z.string()),
  dayOfWeek: z.array(DaySchema),
  count: z.number().nullable(),
  /** The timing's own code or text when it has no structure we read ("selon diurèse"). */
  codeText: z.string().nullable(),
});
export type Frequency = z.infer<typeof FrequencySchema>;

const WEEK_ORDER = DaySchema.options;

/** "toutes les 6 h", "2 fois par jour", "1 à 2 fois par jour", "tous les 2 jours" … or null. */
function rhythm(t: TranslateWord, f: Frequency): string | null {
  const { period, periodUnit } = f;
  if (period === null || periodUnit === null) return null;
  const n = f.frequency ?? 1;
  const max = f.frequencyMax !== null && f.frequencyMax > n ? f.frequencyMax : null;
  const periodMax = f.periodMax !== null && f.periodMax > period ? f.periodMax : null;
  if (n === 1 && max === null) {
    // Once per period: "every 6 h", "every 2 days", "once a day", "once a week".
    if (period === 1 && periodMax === null && (periodUnit === 'd' || periodUnit === 'wk')) {
      return t(`frequency.once.${periodUnit}`);
    }
    return t(`frequency.every.${periodUnit}`, {
      n: periodMax === null ? period : t('frequency.range', { n: period, max: periodMax }),
    });
  }
  if (period === 1 && periodMax === null && (periodUnit === 'd' || periodUnit === 'wk')) {
    return max === null
      ? t(`frequency.times.${periodUnit}`, { n })
      : t(`frequency.timesRange.${periodUnit}`, { n, max });
  }
  return t('frequency.timesEvery', {
    n: max === null ? n : t('frequency.range', { n, max }),
    period: periodMax === null ? period : t('frequency.range', { n: period, max: periodMax }),
    unit: t(`timeUnit.${periodUnit}`),
  });
}

function moment(t: TranslateWord, code: string): string {
  const key = `when.${code}`;
  return isWordKey(key) ? t(key) : code;
}

/** The frequency in words; the timing's own text when it has no structure; null when neither. */
export function describeFrequency(t: TranslateWord, f: Frequency): string | null {
  const when = f.when.map((code) => moment(t, code)).join(', ');
  const days = [...f.dayOfWeek]
    .sort((a, b) => WEEK_ORDER.indexOf(a) - WEEK_ORDER.indexOf(b))
    .map((day) => t(`day.${day}`))
    .join(', ');
  const named = f.timeOfDay.length > 0 || when !== '';
  // "08:00, 20:00" says more than "2 times a day · 08:00, 20:00": the daily rhythm goes then.
  const daily = f.periodUnit === 'd' && f.period === 1 && f.periodMax === null;
  const parts = [
    named && daily ? null : rhythm(t, f),
    f.timeOfDay.length > 0 ? f.timeOfDay.map((time) => time.slice(0, 5)).join(', ') : null,
    when === '' ? null : f.offset ? t('frequency.offset', { when, n: f.offset }) : when,
    days === '' ? null : days,
    f.count === null ? null : t('frequency.count', { n: f.count }),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : f.codeText;
}

/** What a frequency is said from: an order's own timing, or one of its dose lines'. */
interface FrequencyFields {
  // Optional: the MAR's lists hold the charted orders under their plain order type.
  readonly frequencyParts?: Frequency | null;
  readonly frequency: string | null;
}

/**
 * One instruction's frequency in words, or as stored when its timing could not be read. An
 * order of several dose lines says each line's on the line's own row (dose-lines.ts) — the
 * importer's joined short form is English.
 */
export function orderFrequency(t: TranslateWord, order: FrequencyFields): string {
  const words = order.frequencyParts ? describeFrequency(t, order.frequencyParts) : null;
  return words ?? order.frequency ?? '';
}
