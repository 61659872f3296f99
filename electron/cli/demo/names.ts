/**
 * Belgian names for the demo hospital: French, Dutch and German, with the accents, apostrophes,
 * hyphens, particles and ligatures that break naive search and printing (é ë ï ö ü ß œ, D', Van
 * den, Saint-). The first patients are always the same people, so demos, tests and the
 * documentation can rely on finding "Hélène Lefèvre" and "Œuvrard".
 */
import type { Rng } from './prng.ts';

export type Sex = 'female' | 'male';
export type Language = 'fr' | 'nl' | 'de';

export interface PersonName {
  readonly family: string;
  readonly given: string;
  readonly sex: Sex;
  readonly language: Language;
}

/** Patients 0…n-1, always present when the hospital has that many patients. */
export const FIXED_PATIENTS: readonly PersonName[] = [
  { family: 'Lefèvre-Dupont', given: 'Hélène', sex: 'female', language: 'fr' },
  { family: 'Œuvrard', given: 'Benoît', sex: 'male', language: 'fr' },
  { family: 'Van den Broeck', given: 'Jan', sex: 'male', language: 'nl' },
  { family: "D'Hondt", given: 'Zoë', sex: 'female', language: 'nl' },
  { family: "Prud'homme", given: 'Geneviève', sex: 'female', language: 'fr' },
  { family: 'Saint-Jacques', given: 'Jean-François', sex: 'male', language: 'fr' },
  { family: 'Müller', given: 'Jürgen', sex: 'male', language: 'de' },
];

// The random pools leave out "Hélène" and "Lefèvre-Dupont": searching "lef hel" in the demo
// finds exactly one patient.
const GIVEN: Readonly<Record<Language, Readonly<Record<Sex, readonly string[]>>>> = {
  fr: {
    female: [
      'Anaïs',
      'Céline',
      'Noémie',
      'Françoise',
      'Chloé',
      'Léa',
      'Maëlle',
      'Agnès',
      'Thérèse',
      'Béatrice',
      'Élodie',
      'Inès',
      'Marie-Claire',
      'Joséphine',
      'Émilie',
      'Renée',
      'Cécile',
    ],
    male: [
      'François',
      'Jérôme',
      'Rémi',
      'Benoît',
      'Grégoire',
      'Léon',
      'Noël',
      'Théo',
      'Joël',
      'Loïc',
      'Raphaël',
      'Gaëtan',
      'Frédéric',
      'Éric',
      'André',
      'Jean-Pierre',
      'Hervé',
      'Stéphane',
    ],
  },
  nl: {
    female: [
      'Anneleen',
      'Els',
      'Griet',
      'Liesbeth',
      'Marijke',
      'Katrien',
      'Femke',
      'Lotte',
      'Ine',
      'Sofie',
      'Hanne',
      'Zoë',
      'Chloë',
      'Noëlle',
      'Ann-Sofie',
    ],
    male: [
      'Jan',
      'Pieter',
      'Joris',
      'Wouter',
      'Bram',
      'Stijn',
      'Koen',
      'Geert',
      'Dirk',
      'Jef',
      'Lieven',
      'Sander',
      'Raphaël',
      'Jan-Willem',
    ],
  },
  de: {
    female: [
      'Ursula',
      'Birgit',
      'Sabine',
      'Käthe',
      'Jutta',
      'Anke',
      'Bärbel',
      'Lieselotte',
      'Annegret',
    ],
    male: [
      'Jürgen',
      'Günther',
      'Björn',
      'Jörg',
      'Klaus',
      'Matthias',
      'Rüdiger',
      'Hans-Peter',
      'Ludwig',
    ],
  },
};

const FAMILY: Readonly<Record<Language, readonly string[]>> = {
  fr: [
    'Lefèvre',
    'Dubois',
    'Lambert',
    "Prud'homme",
    'Saint-Jacques',
    'Œuvrard',
    'Cœurdevey',
    'Dupuis',
    'Mercier',
    'Leroy',
    'Lemaître',
    'Gérard',
    'Bénard',
    'Fontaine',
    'Delacroix',
    'Du Bois',
    "D'Ursel",
    "L'Hoëst",
    'Lévêque',
    'Desmet-Lejeune',
    'Marchal',
    'Noël',
    'Renard',
    'Gilson',
    'Thiébaut',
    'Hénin',
    'Vanderelst',
  ],
  nl: [
    'Van den Broeck',
    "D'Hondt",
    'De Smet',
    'Vandenbroucke',
    'Janssens',
    'Peeters',
    'Maes',
    'Claes',
    'Goossens',
    'Wouters',
    'De Vos',
    'Vermeulen',
    'Van Damme',
    'Verstraete',
    'Mertens',
    'Willems',
    'Dierckx',
    'De Backer',
    'Van Acker',
    "D'Haese",
    'Van der Poël',
    'Van Hoeylandt',
    'Verhaeghe-De Wilde',
    'Sels',
    'Lenaerts',
  ],
  de: [
    'Müller',
    'Schröder',
    'Weiß',
    'Schäfer',
    'Köhler',
    'Krämer',
    'Hoffmann',
    'Jäger',
    'Groß',
    'Fuchs',
    'Kohnen',
    'Heinen',
    'Mölders',
  ],
};

/** A random name in `language` (mostly; Belgium mixes), with a matching sex. */
export function randomName(rng: Rng, language: Language): PersonName {
  const spoken = rng.chance(0.12) ? rng.pick<Language>(['fr', 'nl', 'de']) : language;
  const sex: Sex = rng.chance(0.52) ? 'female' : 'male';
  return {
    family: rng.pick(FAMILY[spoken]),
    given: rng.pick(GIVEN[spoken][sex]),
    sex,
    language: spoken,
  };
}
