/**
 * What a nurse types into the search box, keystroke by keystroke: a family name with its
 * accents and without them, "family given" and "given family", an MRN, a bed. Each keystroke
 * from the second character on is one search, as the search-as-you-type box sends them.
 */
import type { Rng } from '../../../electron/cli/demo/prng.ts';

export interface Findable {
  /** "FAMILY, Given" as the census shows it. */
  readonly name: string | null;
  readonly mrn: string;
  readonly bed: string | null;
}

const FIRST_SEARCH_AT = 2;

/** In lower case without accents or ligatures, as typed on a keyboard without them. */
export function plainLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Every prefix of `text` a search box sends while it is typed (after `typedBefore`). */
export function keystrokes(text: string, typedBefore = ''): string[] {
  const out: string[] = [];
  for (let end = Math.max(FIRST_SEARCH_AT, typedBefore.length + 1); end <= text.length; end++) {
    out.push(text.slice(0, end));
  }
  return out;
}

const WAYS: readonly ((p: Findable, family: string, given: string) => string[])[] = [
  (_p, family) => keystrokes(family.toLowerCase()),
  (_p, family) => keystrokes(plainLetters(family)),
  (_p, family, given) => keystrokes(`${family} ${given}`.toLowerCase(), `${family} `),
  (_p, family, given) => keystrokes(plainLetters(`${given} ${family}`), plainLetters(`${given} `)),
  (p) => keystrokes(p.mrn),
  (p) => (p.bed ? keystrokes(p.bed) : []),
];

/** `count` searches over randomly chosen people, cycling through the ways of typing. */
export function typedSearches(people: readonly Findable[], count: number, rng: Rng): string[] {
  if (people.length === 0) throw new Error('no patients to search for');
  const searches: string[] = [];
  for (let i = 0; searches.length < count; i++) {
    const person = rng.pick(people);
    // A patient without a recorded name is looked up by MRN.
    const name = person.name ?? person.mrn;
    const [family = name, given = ''] = name.split(', ');
    const way = WAYS[i % WAYS.length];
    if (way) searches.push(...way(person, family, given));
  }
  return searches.slice(0, count);
}
