import { describe, expect, it } from 'vitest';
import {
  describeScheduleProblem,
  scheduleProblem,
} from '../../../electron/common/schedule-problem.ts';
import { WORDS, wordsTranslator } from '../../../electron/common/words/index.ts';
import { MESSAGES } from '../../../electron/core/print/messages.ts';
import { RESOURCES } from '../../../renderer/i18n/setup.ts';

const screenFr = RESOURCES.fr;

const leaves = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Object.values(value as Record<string, unknown>).flatMap(leaves);

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the clinical words', () => {
  it.each(['fr', 'nl', 'de'] as const)(
    '%s has every English key, with the same placeholders',
    (language) => {
      const table = WORDS[language];
      expect(Object.keys(table).sort()).toEqual(Object.keys(WORDS.en).sort());
      for (const [key, text] of Object.entries(table)) {
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(WORDS.en[key as keyof typeof WORDS.en]),
        });
      }
    },
  );

  it('French keeps a no-break space before « : ; ? ! » and after «, on screen and paper', () => {
    for (const text of [...Object.values(WORDS.fr), ...leaves(screenFr), ...leaves(MESSAGES.fr)]) {
      expect(text).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it.each([
    ['de', 'Std.'],
    ['nl', 'u'],
  ] as const)(
    '%s writes an hour as “%s” after a number, on screen and paper alike (never “h”)',
    (language, hour) => {
      const texts = [
        ...Object.values(WORDS[language]),
        ...leaves(RESOURCES[language]),
        ...leaves(MESSAGES[language]),
      ];
      const afterNumber = /(\d|\}) (h|Std\.|u)(?=$|[\s),.;:])/g;
      const said = new Set(texts.flatMap((t) => [...t.matchAll(afterNumber)].map((m) => m[2])));
      expect([...said]).toEqual([hour]);
    },
  );

  it('says a schedule problem in the reader’s language, with the source values and units spelled out', () => {
    const problem = scheduleProblem('calendar-does-not-fit', {
      frequency: 2,
      period: 1,
      unit: 'mo',
    });
    expect(describeScheduleProblem(wordsTranslator('fr'), problem)).toBe(
      '2 prises tous les 1 mois ne tombent pas sur des jours du calendrier',
    );
    expect(describeScheduleProblem(wordsTranslator('de'), problem)).toBe(
      '2 Gaben alle 1 Monate passen nicht in den Kalender',
    );
    const unknown = scheduleProblem('unknown-timing-code', { code: 'selon diurèse' });
    expect(describeScheduleProblem(wordsTranslator('nl'), unknown)).toBe(
      'de schemacode ‘selon diurèse’ kan niet gepland worden',
    );
  });
});
