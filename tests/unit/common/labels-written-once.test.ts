/**
 * Section and column labels are written once (issue 12): what the screen and the paper both name
 * — allergies, code status, the medication columns, observations, notes, devices, the patient's
 * identifiers, ward, bed, the documents — is a clinical word in `electron/common/words`, read by
 * both. A text the renderer's own resources and the print messages (or the common words) both
 * carry is a second copy that will drift, and fails here until it moves to common.
 */
import { describe, expect, it } from 'vitest';
import { WORDS, type WordKey } from '../../../electron/common/words/index.ts';
import { LanguageSchema } from '../../../electron/common/language.ts';
import { MESSAGES } from '../../../electron/core/print/messages.ts';
import { RESOURCES } from '../../../renderer/i18n/setup.ts';

/** Every renderer string with its dotted key, placeholders in the common `{name}` form. */
function screenTexts(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value.replace(/\{\{(\w+)\}\}/g, '{$1}')]]
      : screenTexts(value as object, `${prefix}${key}.`),
  );
}

/**
 * Same letters, different things: the screen's language picker and the patient's language;
 * the admission-reason column and a PRN order's reason; the chart's summary tab and the board's
 * summary column; an administration's note column and an unnamed note's title.
 */
const LANGUAGES = LanguageSchema.options;

const SAME_TEXT_OTHER_MEANING: ReadonlySet<string> = new Set([
  'language.label',
  'settings.language',
  'census.reason',
  'tabs.summary',
  'admin.note',
]);

describe('labels the screen and the paper share', () => {
  it.each(LANGUAGES)('%s: no text is both a screen resource and a print message or word', (l) => {
    const paper = new Map<string, string>([
      ...Object.entries(MESSAGES[l]).map(([k, v]): [string, string] => [v, `print ${k}`]),
      ...Object.entries(WORDS[l]).map(([k, v]): [string, string] => [v, `words ${k}`]),
    ]);
    const copies = screenTexts(RESOURCES[l])
      .filter(([key]) => !SAME_TEXT_OTHER_MEANING.has(key))
      .flatMap(([key, text]) => {
        const there = paper.get(text);
        return there === undefined ? [] : [`${key} = ${there}: “${text}”`];
      });
    expect(copies).toEqual([]);
  });

  it('the print messages no longer carry the labels that moved to the common words', () => {
    const moved = Object.keys(WORDS.en).filter((k) =>
      /^(col|label|summary|ipass|patient|report|demo)\./.test(k),
    );
    expect(moved.length).toBeGreaterThan(50);
    for (const language of LANGUAGES) {
      const both = moved.filter((k) => Object.hasOwn(MESSAGES[language], k));
      expect({ language, both }).toEqual({ language, both: [] });
    }
  });

  it('one wording per language for the columns issue 12 names', () => {
    const says = (key: WordKey) => LANGUAGES.map((l) => WORDS[l][key]);
    expect(says('col.nextDue')).toEqual([
      'Prochaines doses (24 h)',
      'Volgende dosissen (24 u)',
      'Nächste Gaben (24 Std.)',
      'Next due (24 h)',
    ]);
    // The native-speaker terms of issue 12.
    expect(WORDS.fr['col.lastGiven']).toBe('Dernière administration');
    expect(WORDS.fr['label.codeStatus']).toBe('Code de réanimation');
    expect(WORDS.fr['col.codeStatus']).toBe('Code réa');
    expect(WORDS.fr['col.mrn']).toBe('N° dossier');
    expect(WORDS.fr['label.ward']).toBe('Unité');
    expect(WORDS.fr['label.service']).toBe('Spécialité');
    expect(WORDS.fr['summary.vitals']).toBe('Paramètres vitaux');
    expect(WORDS.de['col.mrn']).toBe('Patienten-Nr.');
    expect(WORDS.nl['ipass.awareness']).toMatch(/^Aandachtspunten en anticipatie/);
  });
});
