/**
 * The clinical words of the app in English: the reference table. Screen and paper both read
 * these tables (the renderer through `useClinical`, the printer through its translator), so the
 * same state reads the same words everywhere. Whole phrases with `{placeholders}`, never
 * fragments glued together; the other languages are typed to carry exactly these keys.
 */
export const en = {
  'timeUnit.s': 'seconds',
  'timeUnit.min': 'minutes',
  'timeUnit.h': 'hours',
  'timeUnit.d': 'days',
  'timeUnit.wk': 'weeks',
  'timeUnit.mo': 'months',
  'timeUnit.a': 'years',

  'doseUnit.unit.one': 'unit',
  'doseUnit.unit.other': 'units',
  'doseUnit.tablet.one': 'tablet',
  'doseUnit.tablet.other': 'tablets',
  'doseUnit.capsule.one': 'capsule',
  'doseUnit.capsule.other': 'capsules',
  'doseUnit.sachet.one': 'sachet',
  'doseUnit.sachet.other': 'sachets',
  'doseUnit.ampoule.one': 'ampoule',
  'doseUnit.ampoule.other': 'ampoules',
  'doseUnit.drop.one': 'drop',
  'doseUnit.drop.other': 'drops',
  'doseUnit.puff.one': 'puff',
  'doseUnit.puff.other': 'puffs',
  'doseUnit.suppository.one': 'suppository',
  'doseUnit.suppository.other': 'suppositories',

  'scheduleProblem.timing-not-json': 'the stored timing cannot be read',
  'scheduleProblem.no-timing': 'the order has no timing',
  'scheduleProblem.timing-unreadable': 'the timing cannot be read',
  'scheduleProblem.no-frequency': 'the order gives no frequency, time or moment of the day',
  'scheduleProblem.unknown-timing-code': 'the timing code “{code}” cannot be scheduled',
  'scheduleProblem.unknown-event-code': 'the moment “{code}” cannot be scheduled',
  'scheduleProblem.no-standard-times':
    'no standard times for {count} doses a day; IT can add them in the settings',
  'scheduleProblem.too-frequent': 'more often than once a minute (a continuous infusion?)',
  'scheduleProblem.frequency-without-period': 'a number of doses without a period',
  'scheduleProblem.period-without-unit': 'a period without its unit',
  'scheduleProblem.days-do-not-fit':
    '{frequency} doses every {period} days do not fall on whole days',
  'scheduleProblem.weeks-not-whole': 'the period in weeks is not a whole number',
  'scheduleProblem.weekdays-missing': '{frequency} doses a week, but the days are not given',
  'scheduleProblem.calendar-does-not-fit':
    '{frequency} doses every {period} {unit} do not fit calendar days',
  'scheduleProblem.unknown-period-unit': 'the period unit “{unit}” is not known',
  'scheduleProblem.start-not-date': 'the start date is not a date',
  'scheduleProblem.end-not-date': 'the end date is not a date',
  'scheduleProblem.duration-needs-start':
    'the duration counts from the start date, which is missing',
  'scheduleProblem.duration-unit-unknown': 'the duration has a unit that cannot be counted',
  'scheduleProblem.bounds-range': 'the duration is given as a range',
  'scheduleProblem.needs-start-date': 'the schedule counts from a start date, which is missing',
  'scheduleProblem.span-too-long':
    'the schedule would span more than 20 years; check the start date',
  'scheduleProblem.too-many-doses': 'more than 10 000 doses; check the order',
  'scheduleProblem.event-not-date': 'the planned time “{event}” is not a date and time',
} as const;

export type WordKey = keyof typeof en;
export type Words = Readonly<Record<WordKey, string>>;
