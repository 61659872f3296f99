/**
 * Settings, for IT: the laptop's settings file as a form. Reading needs the open session;
 * saving needs the ward passphrase again, so a nurse's open screen cannot be used to change how
 * the laptop locks or where it takes exports from. The API validates every field and names the
 * one that is wrong. Administration times are shown, not edited here (they are a table).
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueOf } from '../../electron/core/api/contract.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import { switchLanguage } from '../i18n/setup.ts';
import { LANGUAGES } from '../lib/language.ts';

type Settings = ValueOf<'getSettings'>;
type TextField = 'inboxDir' | 'trustDir' | 'storeDir' | 'defaultPrinter' | 'timeZone';
type NumberField = 'lockTimeoutSeconds' | 'staleAmberHours' | 'staleRedHours' | 'keep';

const NUMBER_FIELDS: readonly { key: NumberField; min: number; step: number }[] = [
  { key: 'lockTimeoutSeconds', min: 30, step: 30 },
  { key: 'staleAmberHours', min: 0.25, step: 0.25 },
  { key: 'staleRedHours', min: 0.5, step: 0.25 },
  { key: 'keep', min: 0, step: 1 },
];
const TEXT_FIELDS: readonly TextField[] = [
  'inboxDir',
  'trustDir',
  'storeDir',
  'defaultPrinter',
  'timeZone',
];
/** Empty means "the default" (for the inbox: no inbox); the time zone always has a value. */
const NULLABLE: ReadonlySet<TextField> = new Set([
  'inboxDir',
  'trustDir',
  'storeDir',
  'defaultPrinter',
]);

export function SettingsScreen({ onSaved }: { readonly onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [changed, setChanged] = useState<readonly string[] | null>(null);

  useEffect(() => {
    void call('getSettings', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, []);

  const edit = (patch: Partial<Settings>): void => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    setChanged(null);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!settings || busy) return;
    setBusy(true);
    setError(null);
    const result = await call('updateSettings', { passphrase, settings });
    setBusy(false);
    setPassphrase('');
    if (!result.ok) return setError(result.error);
    setChanged(result.value.changed);
    if (settings.language) await switchLanguage(settings.language);
    await onSaved();
  };

  const field = (key: string, label: string, control: (inputId: string) => ReactNode) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {control(`${id}-${key}`)}
    </div>
  );

  return (
    <section className="settings" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('settings.heading')}
      </h1>
      <p>{t('settings.intro')}</p>
      {settings && (
        <form className="form settings-form" onSubmit={(e) => void save(e)} aria-busy={busy}>
          {NUMBER_FIELDS.map(({ key, min, step }) =>
            field(key, t(`settings.${key}`), (inputId) => (
              <input
                id={inputId}
                type="number"
                required
                min={min}
                step={step}
                value={settings[key]}
                onChange={(e) => edit({ [key]: e.target.valueAsNumber })}
              />
            )),
          )}
          {field('language', t('settings.language'), (inputId) => (
            <select
              id={inputId}
              value={settings.language ?? ''}
              onChange={(e) =>
                edit({ language: LANGUAGES.find((l) => l === e.target.value) ?? null })
              }
            >
              <option value="">{t('settings.languageOs')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          ))}
          {field('paper', t('settings.paper'), (inputId) => (
            <select
              id={inputId}
              value={settings.paper}
              onChange={(e) => edit({ paper: e.target.value === 'Letter' ? 'Letter' : 'A4' })}
            >
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
            </select>
          ))}
          {TEXT_FIELDS.map((key) =>
            field(key, t(`settings.${key}`), (inputId) => (
              <input
                id={inputId}
                type="text"
                className="mono"
                value={settings[key] ?? ''}
                placeholder={
                  key === 'inboxDir'
                    ? t('settings.none')
                    : NULLABLE.has(key)
                      ? t('settings.default')
                      : undefined
                }
                onChange={(e) =>
                  edit({
                    [key]: e.target.value === '' && NULLABLE.has(key) ? null : e.target.value,
                  })
                }
              />
            )),
          )}
          <AdminTimes perDay={settings.adminTimes.perDay} />
          {field('passphrase', t('settings.passphrase'), (inputId) => (
            <input
              id={inputId}
              type="password"
              required
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          ))}
          <button type="submit" className="button primary" disabled={busy || passphrase === ''}>
            {t('settings.save')}
          </button>
        </form>
      )}
      {error && (
        <ErrorNotice
          error={error}
          // The API names the field that failed validation in its own sentence (below).
          sentence={error.kind === 'invalid-argument' ? t('settings.invalid') : undefined}
        />
      )}
      {changed && (
        <p role="status" className="notice notice-info" data-testid="settings-saved">
          {changed.length === 0
            ? t('settings.unchanged')
            : t('settings.saved', { fields: changed.map((key) => fieldLabel(t, key)).join(', ') })}
        </p>
      )}
    </section>
  );
}

/** A changed key as its label on this screen (the key itself when the screen has no field for it). */
function fieldLabel(t: ReturnType<typeof useTranslation>['t'], key: string): string {
  const known = [
    ...NUMBER_FIELDS.map((f) => f.key),
    ...TEXT_FIELDS,
    'language',
    'paper',
    'adminTimes',
  ] as const;
  const match = known.find((k) => k === key);
  return match ? t(`settings.${match}`) : key;
}

function AdminTimes({ perDay }: { readonly perDay: Readonly<Record<string, readonly string[]>> }) {
  const { t } = useTranslation();
  return (
    <div className="admin-times">
      <h2>{t('settings.adminTimes')}</h2>
      <dl className="facts-list">
        {Object.entries(perDay).map(([count, times]) => (
          <div key={count} className="fact">
            <dt>{t('settings.perDay', { count: Number(count) })}</dt>
            <dd className="mono">{times.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
