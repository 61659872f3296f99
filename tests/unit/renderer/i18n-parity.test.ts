/** The four UI languages carry exactly the same keys and the same {{placeholders}} per key. */
import { describe, expect, it } from 'vitest';
import { de } from '../../../renderer/i18n/de.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { nl } from '../../../renderer/i18n/nl.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1] ?? '').sort();

/** Words outside placeholders: "{{name}} ({{count}})" has none, so it may be identical. */
const wordCount = (text: string): number =>
  text
    .replace(/\{\{\s*\w+\s*\}\}/gu, '')
    .split(/\s+/u)
    .filter((word) => /\p{L}{2}/u.test(word)).length;

const reference = leaves(en);
const others = { fr, nl, de } as const;

describe('UI strings in fr, nl, de and en', () => {
  for (const [language, messages] of Object.entries(others)) {
    const strings = leaves(messages);

    it(`${language} has exactly the English keys`, () => {
      expect([...strings.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it(`${language} uses the same placeholders as English in every string`, () => {
      for (const [key, text] of reference) {
        expect(placeholders(strings.get(key) ?? ''), key).toEqual(placeholders(text));
      }
    });

    it(`${language} is really translated (no English sentence left behind)`, () => {
      const same = [...reference].filter(
        ([key, text]) => strings.get(key) === text && wordCount(text) >= 3,
      );
      expect(same.map(([key]) => key)).toEqual([]);
    });
  }

  it('has no empty string in any language', () => {
    for (const messages of [en, fr, nl, de]) {
      for (const [key, text] of leaves(messages)) expect(text.trim(), key).not.toBe('');
    }
  });
});
