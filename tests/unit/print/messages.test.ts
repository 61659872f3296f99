import { describe, expect, it } from 'vitest';
import { MESSAGES, translator } from '../../../electron/core/print/messages.ts';
import { WORDS } from '../../../electron/common/words/index.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('print message table', () => {
  const english = MESSAGES.en;

  it.each(['fr', 'nl', 'de'] as const)('%s has exactly the English keys', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(['fr', 'nl', 'de'] as const)(
    '%s uses the same placeholders as English in every message',
    (language) => {
      for (const [key, text] of Object.entries(MESSAGES[language])) {
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english[key as keyof typeof english]),
        });
      }
    },
  );

  it('has no empty messages', () => {
    for (const table of Object.values(MESSAGES)) {
      for (const text of Object.values(table)) expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it('fills placeholders and leaves a missing one visible rather than dropping words', () => {
    const t = translator('en');
    expect(t('patient.mrn', { mrn: '0042' })).toBe('MRN 0042');
    expect(t('patient.mrn')).toBe('MRN {mrn}');
  });
});

/** `text` as a regular expression that matches exactly it. */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the paper's labelled sentences", () => {
  // "Allergies : {list}", "Code de réanimation : {status}" … say the label the screen and the
  // paper's columns read from common words: the sentence may add its punctuation, never reword it.
  const labelled = [
    ['patient.allergies', 'col.allergies'],
    ['patient.codeStatus', 'label.codeStatus'],
    ['patient.isolation', 'col.isolation'],
    ['patient.mrn', 'col.mrn'],
    ['patient.weight', 'label.weight'],
    ['patient.weightAt', 'label.weight'],
  ] as const;

  it.each(['en', 'fr', 'nl', 'de'] as const)('begin with the common label in %s', (language) => {
    for (const [message, label] of labelled) {
      expect({ message, text: MESSAGES[language][message] }).toEqual({
        message,
        text: expect.stringMatching(new RegExp(`^${literally(WORDS[language][label])}[ \u00a0:]`)),
      });
    }
  });
});
