/** Which of the four UI languages to start in: the remembered one, else the OS's, else English. */
import type { Language } from '../../electron/core/api/contract.ts';

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const satisfies readonly Language[];

const isLanguage = (code: string): code is Language =>
  (LANGUAGES as readonly string[]).includes(code);

export function initialLanguage(
  remembered: Language | null,
  preferred: readonly string[],
): Language {
  if (remembered) return remembered;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}
