/**
 * The site's standard administration times: the wall-clock times a ward gives a medication that
 * is ordered "2× daily", "every 6 h" or "before breakfast". Orders rarely carry clock times, so
 * the schedule (and the MAR worksheet printed from it) is only as right as this table; the
 * settings file may replace it (validated by `AdminTimesSchema`).
 *
 * Choices in the default table, so a pharmacist can check them:
 * - n doses a day spread over the waking day: 1× 08:00; 2× 08:00, 20:00; 3× 08:00, 14:00, 20:00
 *   (the nursing rounds, not meal times — meal-bound doses are ordered with `when`);
 *   4× 08:00, 12:00, 16:00, 20:00; 5× 06:00, 10:00, 14:00, 18:00, 22:00.
 * - every N hours is anchored on the clock, not on the first dose: q4h 00/04/08/12/16/20,
 *   q6h 00/06/12/18, q8h 06/14/22 (the shift changes), q12h 08/20. Any other N that divides 24
 *   (q1h, q2h, q3h) steps from 00:00.
 * - `when` event codes (FHIR event-timing and v3 TimingEvent): the time a dose is due when the
 *   order gives no offset. AC/PC/IC without a meal (C, AC, PC, IC) mean every meal of the day.
 */
import { z } from 'zod';

/** Every `Timing.repeat.when` code we schedule (FHIR R4 event-timing plus v3 TimingEvent). */
export const WHEN_CODES = [
  'MORN',
  'MORN.early',
  'MORN.late',
  'NOON',
  'AFT',
  'AFT.early',
  'AFT.late',
  'EVE',
  'EVE.early',
  'EVE.late',
  'NIGHT',
  'PHS',
  'HS',
  'WAKE',
  'C',
  'CM',
  'CD',
  'CV',
  'AC',
  'ACM',
  'ACD',
  'ACV',
  'PC',
  'PCM',
  'PCD',
  'PCV',
  'IC',
  'ICM',
  'ICD',
  'ICV',
] as const;
export type WhenCode = (typeof WHEN_CODES)[number];

/** `HH:MM` or `HH:MM:SS`, 24-hour clock (FHIR `time`). */
export const WallTimeSchema = z
  .string()
  .max(8)
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time as HH:MM (24-hour clock)');
/** At most one dose an hour is a table row; the bound keeps a settings call small. */
const TimesSchema = z.array(WallTimeSchema).min(1).max(24);
/** Table keys are counts ("2" doses a day) or hours ("6" for every 6 h). */
const CountKeySchema = z
  .string()
  .max(2)
  .regex(/^[1-9]\d*$/, 'expected a whole number such as "2"');

export const AdminTimesSchema = z
  .object({
    /** Times for n doses a day, keyed by n: `{"2": ["08:00", "20:00"]}`. */
    perDay: z.record(CountKeySchema, TimesSchema),
    /** Clock-anchored times for every N hours, keyed by N (a divisor of 24). */
    everyHours: z.record(CountKeySchema, TimesSchema),
    /** The due time(s) for each event code when the order gives no offset. */
    when: z.record(z.enum(WHEN_CODES), TimesSchema),
  })
  .superRefine((table, ctx) => {
    for (const [key, times] of Object.entries(table.perDay)) {
      if (times.length !== Number(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['perDay', key],
          message: `${key} doses a day need exactly ${key} times, not ${times.length}`,
        });
      }
    }
    for (const [key, times] of Object.entries(table.everyHours)) {
      const hours = Number(key);
      if (24 % hours !== 0 || times.length !== 24 / hours) {
        ctx.addIssue({
          code: 'custom',
          path: ['everyHours', key],
          message: `every ${key} h must divide the day and list ${24 / hours} times`,
        });
      }
    }
  });
export type AdminTimes = z.infer<typeof AdminTimesSchema>;

export const DEFAULT_ADMIN_TIMES: AdminTimes = {
  perDay: {
    '1': ['08:00'],
    '2': ['08:00', '20:00'],
    '3': ['08:00', '14:00', '20:00'],
    '4': ['08:00', '12:00', '16:00', '20:00'],
    '5': ['06:00', '10:00', '14:00', '18:00', '22:00'],
  },
  everyHours: {
    '4': ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'],
    '6': ['00:00', '06:00', '12:00', '18:00'],
    '8': ['06:00', '14:00', '22:00'],
    '12': ['08:00', '20:00'],
  },
  when: {
    MORN: ['08:00'],
    'MORN.early': ['06:00'],
    'MORN.late': ['10:00'],
    NOON: ['12:00'],
    AFT: ['14:00'],
    'AFT.early': ['13:00'],
    'AFT.late': ['16:00'],
    EVE: ['18:00'],
    'EVE.early': ['17:00'],
    'EVE.late': ['20:00'],
    NIGHT: ['22:00'],
    PHS: ['23:00'],
    HS: ['21:00'],
    WAKE: ['07:00'],
    C: ['08:00', '12:00', '18:00'],
    CM: ['08:00'],
    CD: ['12:00'],
    CV: ['18:00'],
    AC: ['07:30', '11:30', '17:30'],
    ACM: ['07:30'],
    ACD: ['11:30'],
    ACV: ['17:30'],
    PC: ['08:30', '12:30', '18:30'],
    PCM: ['08:30'],
    PCD: ['12:30'],
    PCV: ['18:30'],
    IC: ['10:00', '15:00', '20:00'],
    ICM: ['10:00'],
    ICD: ['15:00'],
    ICV: ['20:00'],
  },
};
