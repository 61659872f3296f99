/** One i18next instance for the renderer, with the four languages bundled (nothing to fetch). */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/core/api/contract.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export const RESOURCES = { fr, nl, de, en } as const;

export function setupI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      fr: { translation: fr },
      nl: { translation: nl },
      de: { translation: de },
      en: { translation: en },
    },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes everything it renders; escaping here would double-escape "O'Brien".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
}
