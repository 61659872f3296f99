/** Les mots cliniques en français de Belgique (clés : voir en.ts). */
import type { Words } from './en.ts';

export const fr: Words = {
  'timeUnit.s': 'secondes',
  'timeUnit.min': 'minutes',
  'timeUnit.h': 'heures',
  'timeUnit.d': 'jours',
  'timeUnit.wk': 'semaines',
  'timeUnit.mo': 'mois',
  'timeUnit.a': 'ans',

  'doseUnit.unit.one': 'unité',
  'doseUnit.unit.other': 'unités',
  'doseUnit.tablet.one': 'comprimé',
  'doseUnit.tablet.other': 'comprimés',
  'doseUnit.capsule.one': 'gélule',
  'doseUnit.capsule.other': 'gélules',
  'doseUnit.sachet.one': 'sachet',
  'doseUnit.sachet.other': 'sachets',
  'doseUnit.ampoule.one': 'ampoule',
  'doseUnit.ampoule.other': 'ampoules',
  'doseUnit.drop.one': 'goutte',
  'doseUnit.drop.other': 'gouttes',
  'doseUnit.puff.one': 'bouffée',
  'doseUnit.puff.other': 'bouffées',
  'doseUnit.suppository.one': 'suppositoire',
  'doseUnit.suppository.other': 'suppositoires',

  'scheduleProblem.timing-not-json': 'le rythme d’administration enregistré est illisible',
  'scheduleProblem.no-timing': 'la prescription n’a pas de rythme d’administration',
  'scheduleProblem.timing-unreadable': 'le rythme d’administration est illisible',
  'scheduleProblem.no-frequency': 'ni fréquence, ni heure, ni moment de la journée',
  'scheduleProblem.unknown-timing-code': 'le code de rythme « {code} » n’est pas planifiable',
  'scheduleProblem.unknown-event-code': 'le moment « {code} » n’est pas planifiable',
  'scheduleProblem.no-standard-times':
    'pas d’heures standard pour {count} prises par jour ; l’informatique peut les ajouter dans les réglages',
  'scheduleProblem.too-frequent': 'plus d’une fois par minute (perfusion continue ?)',
  'scheduleProblem.frequency-without-period': 'un nombre de prises sans période',
  'scheduleProblem.period-without-unit': 'une période sans unité',
  'scheduleProblem.days-do-not-fit':
    '{frequency} prises tous les {period} jours ne tombent pas sur des jours entiers',
  'scheduleProblem.weeks-not-whole': 'la période en semaines n’est pas un nombre entier',
  'scheduleProblem.weekdays-missing': '{frequency} prises par semaine, sans les jours',
  'scheduleProblem.calendar-does-not-fit':
    '{frequency} prises tous les {period} {unit} ne tombent pas sur des jours du calendrier',
  'scheduleProblem.unknown-period-unit': 'l’unité de période « {unit} » est inconnue',
  'scheduleProblem.start-not-date': 'la date de début n’est pas une date',
  'scheduleProblem.end-not-date': 'la date de fin n’est pas une date',
  'scheduleProblem.duration-needs-start':
    'la durée compte à partir de la date de début, qui manque',
  'scheduleProblem.duration-unit-unknown': 'la durée a une unité impossible à compter',
  'scheduleProblem.bounds-range': 'la durée est donnée comme une fourchette',
  'scheduleProblem.needs-start-date': 'le schéma compte à partir d’une date de début, qui manque',
  'scheduleProblem.span-too-long':
    'le schéma couvrirait plus de 20 ans ; vérifiez la date de début',
  'scheduleProblem.too-many-doses': 'plus de 10 000 prises ; vérifiez la prescription',
  'scheduleProblem.event-not-date': 'l’heure prévue « {event} » n’est pas une date et heure',
};
