/** The enrolment strength hint and the starting language. */
import { describe, expect, it } from 'vitest';
import { initialLanguage } from '../../../renderer/lib/language.ts';
import { passphraseStrength } from '../../../renderer/lib/passphrase-strength.ts';

describe('passphrase strength hint', () => {
  it('refuses short passphrases and rates longer ones', () => {
    expect(passphraseStrength('abc12')).toBe('too-short');
    expect(passphraseStrength('abcdefghij')).toBe('weak');
    expect(passphraseStrength('Abcdefgh1!')).toBe('fair');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passphraseStrength('ééééééééé')).toBe('too-short');
  });
});

describe('initial language', () => {
  it('prefers the remembered choice', () => {
    expect(initialLanguage('nl', ['fr-BE'])).toBe('nl');
  });

  it('else takes the first OS language we have, else English', () => {
    expect(initialLanguage(null, ['es-ES', 'de-AT', 'fr'])).toBe('de');
    expect(initialLanguage(null, ['ja'])).toBe('en');
  });
});
