/** The language menu: switches at once and asks the API to remember the choice. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { switchLanguage } from '../i18n/setup.ts';
import { LANGUAGES } from '../lib/language.ts';
import { useFormat } from '../app-context.ts';

export function LanguagePicker() {
  const { t } = useTranslation();
  const { language } = useFormat();
  const id = useId();
  const choose = (value: string): void => {
    const next = LANGUAGES.find((l) => l === value);
    if (!next) return;
    void switchLanguage(next);
    // Remembering is a convenience: a failure leaves the switch in place for this session.
    void call('setLanguage', { language: next });
  };
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
