/**
 * The frame of every screen: skip link, a header (title, data age, language, and whatever the
 * screen adds: search, navigation, lock) and one <main> landmark.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataAgeBanner } from './DataAgeBanner.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

export function Shell({
  tools,
  children,
}: {
  readonly tools?: ReactNode;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="top-bar">
        <div className="brand">{t('app.title')}</div>
        <DataAgeBanner />
        <div className="tools">
          {tools}
          <LanguagePicker />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
