/** Die klinischen Wörter auf Deutsch (Ostbelgien; Schlüssel: siehe en.ts). */
import type { Words } from './en.ts';

export const de: Words = {
  'timeUnit.s': 'Sekunden',
  'timeUnit.min': 'Minuten',
  'timeUnit.h': 'Stunden',
  'timeUnit.d': 'Tage',
  'timeUnit.wk': 'Wochen',
  'timeUnit.mo': 'Monate',
  'timeUnit.a': 'Jahre',

  'doseUnit.unit.one': 'Einheit',
  'doseUnit.unit.other': 'Einheiten',
  'doseUnit.tablet.one': 'Tablette',
  'doseUnit.tablet.other': 'Tabletten',
  'doseUnit.capsule.one': 'Kapsel',
  'doseUnit.capsule.other': 'Kapseln',
  'doseUnit.sachet.one': 'Beutel',
  'doseUnit.sachet.other': 'Beutel',
  'doseUnit.ampoule.one': 'Ampulle',
  'doseUnit.ampoule.other': 'Ampullen',
  'doseUnit.drop.one': 'Tropfen',
  'doseUnit.drop.other': 'Tropfen',
  'doseUnit.puff.one': 'Hub',
  'doseUnit.puff.other': 'Hübe',
  'doseUnit.suppository.one': 'Zäpfchen',
  'doseUnit.suppository.other': 'Zäpfchen',

  'scheduleProblem.timing-not-json': 'das gespeicherte Einnahmeschema ist unlesbar',
  'scheduleProblem.no-timing': 'die Verordnung hat kein Einnahmeschema',
  'scheduleProblem.timing-unreadable': 'das Einnahmeschema ist unlesbar',
  'scheduleProblem.no-frequency': 'weder Häufigkeit noch Uhrzeit noch Tageszeitpunkt',
  'scheduleProblem.unknown-timing-code': 'der Schema-Code „{code}“ ist nicht planbar',
  'scheduleProblem.unknown-event-code': 'der Zeitpunkt „{code}“ ist nicht planbar',
  'scheduleProblem.no-standard-times':
    'keine Standardzeiten für {count} Gaben pro Tag; die IT kann sie in den Einstellungen ergänzen',
  'scheduleProblem.too-frequent': 'öfter als einmal pro Minute (Dauerinfusion?)',
  'scheduleProblem.frequency-without-period': 'eine Anzahl Gaben ohne Zeitraum',
  'scheduleProblem.period-without-unit': 'ein Zeitraum ohne Einheit',
  'scheduleProblem.days-do-not-fit':
    '{frequency} Gaben alle {period} Tage fallen nicht auf ganze Tage',
  'scheduleProblem.weeks-not-whole': 'der Zeitraum in Wochen ist keine ganze Zahl',
  'scheduleProblem.weekdays-missing': '{frequency} Gaben pro Woche, ohne die Wochentage',
  'scheduleProblem.calendar-does-not-fit':
    '{frequency} Gaben alle {period} {unit} passen nicht in den Kalender',
  'scheduleProblem.unknown-period-unit': 'die Zeiteinheit „{unit}“ ist unbekannt',
  'scheduleProblem.start-not-date': 'das Anfangsdatum ist kein Datum',
  'scheduleProblem.end-not-date': 'das Enddatum ist kein Datum',
  'scheduleProblem.duration-needs-start': 'die Dauer zählt ab dem Anfangsdatum, das fehlt',
  'scheduleProblem.duration-unit-unknown': 'die Dauer hat eine nicht zählbare Einheit',
  'scheduleProblem.bounds-range': 'die Dauer ist als Spanne angegeben',
  'scheduleProblem.needs-start-date': 'das Schema zählt ab einem Anfangsdatum, das fehlt',
  'scheduleProblem.span-too-long':
    'das Schema würde mehr als 20 Jahre umfassen; Anfangsdatum prüfen',
  'scheduleProblem.too-many-doses': 'mehr als 10 000 Gaben; Verordnung prüfen',
  'scheduleProblem.event-not-date': 'der geplante Zeitpunkt „{event}“ ist kein Datum mit Uhrzeit',
};
