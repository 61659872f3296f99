/**
 * Renderer entry: reads the API status (for the remembered language and settings), starts
 * i18n in the right language, then mounts the app.
 */
import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Status } from '../electron/core/api/contract.ts';
import { App } from './App.tsx';
import { call } from './api.ts';
import { setupI18n } from './i18n/setup.ts';
import { initialLanguage } from './lib/language.ts';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') ?? document.body);
  const result = await call('getStatus', {});
  const remembered = result.ok ? result.value.settings.language : null;
  const i18n = setupI18n(initialLanguage(remembered, navigator.languages));
  if (!result.ok) {
    root.render(
      <p className="notice notice-error" role="alert">
        {i18n.t('app.statusFailed')}
      </p>,
    );
    return;
  }
  const status: Status = result.value;
  root.render(
    <StrictMode>
      <App initialStatus={status} />
    </StrictMode>,
  );
}

void start();
