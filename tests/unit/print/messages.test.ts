import { describe, expect, it } from 'vitest';
import { MESSAGES, translator } from '../../../electron/core/print/messages.ts';

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
