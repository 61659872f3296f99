/** De klinische woorden in het Belgisch Nederlands (sleutels: zie en.ts). */
import type { Words } from './en.ts';

export const nl: Words = {
  'timeUnit.s': 'seconden',
  'timeUnit.min': 'minuten',
  'timeUnit.h': 'uur',
  'timeUnit.d': 'dagen',
  'timeUnit.wk': 'weken',
  'timeUnit.mo': 'maanden',
  'timeUnit.a': 'jaar',

  'doseUnit.unit.one': 'eenheid',
  'doseUnit.unit.other': 'eenheden',
  'doseUnit.tablet.one': 'tablet',
  'doseUnit.tablet.other': 'tabletten',
  'doseUnit.capsule.one': 'capsule',
  'doseUnit.capsule.other': 'capsules',
  'doseUnit.sachet.one': 'zakje',
  'doseUnit.sachet.other': 'zakjes',
  'doseUnit.ampoule.one': 'ampul',
  'doseUnit.ampoule.other': 'ampullen',
  'doseUnit.drop.one': 'druppel',
  'doseUnit.drop.other': 'druppels',
  'doseUnit.puff.one': 'puff',
  'doseUnit.puff.other': 'puffs',
  'doseUnit.suppository.one': 'zetpil',
  'doseUnit.suppository.other': 'zetpillen',

  'scheduleProblem.timing-not-json': 'het opgeslagen toedieningsschema is onleesbaar',
  'scheduleProblem.no-timing': 'het voorschrift heeft geen toedieningsschema',
  'scheduleProblem.timing-unreadable': 'het toedieningsschema is onleesbaar',
  'scheduleProblem.no-frequency': 'geen frequentie, tijdstip of moment van de dag',
  'scheduleProblem.unknown-timing-code': 'de schemacode ‘{code}’ kan niet gepland worden',
  'scheduleProblem.unknown-event-code': 'het moment ‘{code}’ kan niet gepland worden',
  'scheduleProblem.no-standard-times':
    'geen standaardtijden voor {count} toedieningen per dag; IT kan ze toevoegen in de instellingen',
  'scheduleProblem.too-frequent': 'vaker dan eens per minuut (continu infuus?)',
  'scheduleProblem.frequency-without-period': 'een aantal toedieningen zonder periode',
  'scheduleProblem.period-without-unit': 'een periode zonder eenheid',
  'scheduleProblem.days-do-not-fit':
    '{frequency} toedieningen om de {period} dagen vallen niet op hele dagen',
  'scheduleProblem.weeks-not-whole': 'de periode in weken is geen geheel getal',
  'scheduleProblem.weekdays-missing': '{frequency} toedieningen per week, zonder de dagen',
  'scheduleProblem.calendar-does-not-fit':
    '{frequency} toedieningen om de {period} {unit} passen niet in de kalender',
  'scheduleProblem.unknown-period-unit': 'de periode-eenheid ‘{unit}’ is onbekend',
  'scheduleProblem.start-not-date': 'de startdatum is geen datum',
  'scheduleProblem.end-not-date': 'de einddatum is geen datum',
  'scheduleProblem.duration-needs-start': 'de duur telt vanaf de startdatum, die ontbreekt',
  'scheduleProblem.duration-unit-unknown': 'de duur heeft een eenheid die niet te tellen is',
  'scheduleProblem.bounds-range': 'de duur is als bereik gegeven',
  'scheduleProblem.needs-start-date': 'het schema telt vanaf een startdatum, die ontbreekt',
  'scheduleProblem.span-too-long':
    'het schema zou meer dan 20 jaar beslaan; controleer de startdatum',
  'scheduleProblem.too-many-doses': 'meer dan 10 000 toedieningen; controleer het voorschrift',
  'scheduleProblem.event-not-date': 'het geplande tijdstip ‘{event}’ is geen datum en tijd',
};
