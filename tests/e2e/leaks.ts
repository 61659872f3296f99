/**
 * What must never reach a French, Dutch or German screen or page: English words the app itself
 * uses, and raw codes (FHIR status codes, HL7 timing codes, UCUM units, UTC instants, and what a
 * program prints when a value is missing). The English words are the app's own English — the
 * values of the English word tables — less every word that is also written in a French, Dutch or
 * German table or in the demo hospital's texts (so "patient", "minimum" or "Latex" pass).
 */
import * as catalog from '../../electron/cli/demo/catalog.ts';
import { DEVICE_KINDS } from '../../electron/cli/demo/devices.ts';
import { WORDS } from '../../electron/common/words/index.ts';
import { MESSAGES } from '../../electron/core/print/messages.ts';
import { RESOURCES } from '../../renderer/i18n/setup.ts';

type Table = Readonly<Record<string, unknown>>;

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

/**
 * Names IT acts on, the same in every language — the settings file, its reset field, the signing
 * command: a readiness sentence quotes them in the language's quotation marks (« … », ‘…’, „…“).
 * Exactly these names, quoted, are accepted; their words are not counted as French, Dutch or
 * German, so "settings" or "signed" anywhere else still fails.
 */
export const LITERAL_NAMES = ['settings.signed', 'rollbackReset', 'downtime settings sign'];
const QUOTED_LITERAL = new RegExp(
  `[«‘„“]\u00a0?(?:${LITERAL_NAMES.map((n) => n.replace(/\./g, '\\.')).join('|')})\u00a0?[»’“”]`,
  'gu',
);

/** `text` with each quoted literal name blanked out (same length, so positions still point). */
const withoutLiteralNames = (text: string): string =>
  text.replace(QUOTED_LITERAL, (name) => ' '.repeat(name.length));

/** Words of a text: letters only (placeholders and their names taken out first). */
function words(text: string): string[] {
  return withoutLiteralNames(text)
    .replace(/\{\{?\w+\}?\}/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

function vocabulary(tables: readonly unknown[]): Set<string> {
  const found = new Set<string>();
  for (const table of tables)
    for (const text of strings(table)) for (const w of words(text)) found.add(w);
  return found;
}

/**
 * The demo hospital's own texts, in its sites' languages (the FHIR `display` of its routes is
 * English, but only the route's text is ever shown).
 */
const demoTexts = (): unknown[] => [...Object.values(catalog as Table), DEVICE_KINDS];

const OTHER_LANGUAGES = ['fr', 'nl', 'de'] as const;

/** Words the tables happen not to use that are as French, Dutch and German as they are English. */
const ALSO_FR_NL_DE = ['glucose'];

const NOT_ENGLISH = vocabulary([
  ALSO_FR_NL_DE,
  ...OTHER_LANGUAGES.map((l) => WORDS[l]),
  ...OTHER_LANGUAGES.map((l) => MESSAGES[l]),
  ...OTHER_LANGUAGES.map((l) => RESOURCES[l] as Table),
  demoTexts(),
]);

/**
 * Said in the brief of issue 12 as seen on French, Dutch and German paper: kept on the list even
 * where the English tables no longer use them.
 */
const SEEN_LEAKING = [
  'completed',
  'active',
  'due',
  'unnamed',
  'unknown',
  'unassigned',
  'held',
  'stopped',
  'allergy',
  'allergies',
  'scheduled',
  'severe',
  'high',
  'morning',
  'evening',
  'bedtime',
  'every',
  'daily',
  'weekly',
  'given',
];

/** English words of at least 4 letters the app writes that no French, Dutch or German table has. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  [
    ...vocabulary([WORDS.en, MESSAGES.en, RESOURCES.en as Table]),
    ...SEEN_LEAKING.filter((w) => !NOT_ENGLISH.has(w)),
  ].filter((w) => w.length >= 4 && !NOT_ENGLISH.has(w)),
);

/** Raw codes, each with what it is. Case matters: "Null" is German for zero. */
const RAW_CODES: readonly (readonly [string, RegExp])[] = [
  [
    'FHIR status code',
    /\b(?:not-done|on-hold|entered-in-error|in-progress|not-given|draft|cancelled|revoked|intended)\b/,
  ],
  [
    'HL7 timing code',
    /\b(?:HS|QD|QOD|BID|TID|QID|ACM|ACD|ACV|PCM|PCD|PCV|MORN|AFT|EVE|NIGHT|WAKE|PHS)\b/,
  ],
  ['HL7 interval', /\bq\d+h\b/i],
  [
    'UCUM unit',
    /\[iU\]|\[IU\]|\{[a-z]+\}|\b(?:mg|g|mL|ug|µg|mmol|U)\/\d*\s?(?:d|wk|mo)\b|\/\s?1\s?(?:d|h|wk)\b|\bug\b/,
  ],
  ['UTC instant', /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z/],
  ['missing value', /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/],
];

export interface Leak {
  /** The screen or page it was on. */
  readonly where: string;
  readonly what: string;
  readonly found: string;
  /** The words around it, to find where it came from. */
  readonly context: string;
}

/** Every English word and raw code in `text`. */
export function findLeaks(where: string, text: string): Leak[] {
  const leaks: Leak[] = [];
  const around = (index: number, length: number) =>
    text
      .slice(Math.max(0, index - 40), index + length + 40)
      .replace(/\s+/g, ' ')
      .trim();
  for (const match of withoutLiteralNames(text).matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (ENGLISH_WORDS.has(word.toLowerCase())) {
      leaks.push({
        where,
        what: 'English',
        found: word,
        context: around(match.index, word.length),
      });
    }
  }
  for (const [what, pattern] of RAW_CODES) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      leaks.push({ where, what, found: match[0], context: around(match.index, match[0].length) });
    }
  }
  return leaks;
}

/** One line per word or code found in a place: 'where: English "due" ×3, e.g. in «…»'. */
export function describeLeaks(leaks: readonly Leak[]): string[] {
  const byFound = new Map<string, { leak: Leak; count: number }>();
  for (const leak of leaks) {
    const key = `${leak.where}: ${leak.what} "${leak.found}"`;
    const seen = byFound.get(key);
    if (seen) seen.count++;
    else byFound.set(key, { leak, count: 1 });
  }
  return [...byFound].map(
    ([key, { leak, count }]) => `${key}${count > 1 ? ` ×${count}` : ''}, e.g. in «${leak.context}»`,
  );
}
