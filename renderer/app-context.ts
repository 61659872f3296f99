/**
 * What every screen may read about the session without patient data: the API status (export
 * summary, settings) and the clock anchored on the API's time.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { type TranslateWord, wordsTranslator } from '../electron/common/words/index.ts';
import type { Language, Status } from '../electron/core/api/contract.ts';
import type { AnchoredClock } from './lib/data-age.ts';
import { formatters, type Formatters } from './lib/format.ts';

export interface AppContextValue {
  readonly status: Status;
  readonly clock: AnchoredClock;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside <AppContext>');
  return value;
}

/**
 * The current UI language, its Intl formatters (in the ward's time zone once known) and its
 * clinical words: the common table the printed reports read too.
 */
export function useFormat(): { language: Language; format: Formatters; words: TranslateWord } {
  const { i18n } = useTranslation();
  const timeZone = useContext(AppContext)?.status.settings.timeZone;
  const language = i18n.language as Language;
  return { language, format: formatters(language, timeZone), words: wordsTranslator(language) };
}
