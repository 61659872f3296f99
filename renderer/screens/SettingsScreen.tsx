/**
 * Settings: the laptop's settings as a form. Reading needs the open session; saving the clinical
 * settings needs the ward passphrase again. What the laptop trusts and where it takes exports
 * from (trust, inbox and store folders, retention) is shown read-only: only a settings file
 * signed by IT's site key changes it (issue 15), and the screen says how. The API validates every field and names the
 * one that is wrong. Administration times are edited row by row (AdminTimesFields) and checked
 * here first, so a wrong row is named next to its field before the passphrase is spent.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueOf } from '../../electron/core/api/contract.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import { switchLanguage } from '../i18n/setup.ts';
import {
  fromText,
  problemRows,
  parseTimes,
  roundStartsProblem,
  toText,
  type AdminTable,
  type AdminTimesText,
} from '../lib/admin-times-text.ts';
import { LANGUAGES } from '../lib/language.ts';
import { AdminTimesFields, adminRowId, problemText } from './AdminTimesFields.tsx';

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
/**
 * What the laptop trusts and where it reads: IT's alone, set by a file signed with the site key
 * (core/settings: IT_SETTING_KEYS); shown here, never edited with the ward passphrase.
 */
const IT_FIELDS: ReadonlySet<TextField | NumberField> = new Set([
  'inboxDir',
  'trustDir',
  'storeDir',
  'keep',
]);
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
  const [timesText, setTimesText] = useState<AdminTimesText | null>(null);
  const [timesRefused, setTimesRefused] = useState(false);
  const [roundText, setRoundText] = useState('');
  const [roundLeft, setRoundLeft] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [changed, setChanged] = useState<readonly string[] | null>(null);

  useEffect(() => {
    void call('getSettings', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      setSettings(result.value);
      setTimesText(toText(result.value.adminTimes));
      setRoundText(result.value.roundStarts.join(', '));
    });
  }, []);

  const edit = (patch: Partial<Settings>): void => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    setChanged(null);
  };

  const editTimes = (table: AdminTable, key: string, value: string): void => {
    setTimesText((current) =>
      current ? { ...current, [table]: { ...current[table], [key]: value } } : current,
    );
    setChanged(null);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!settings || !timesText || busy) return;
    setError(null);
    const [wrong] = problemRows(timesText);
    setTimesRefused(wrong !== undefined);
    if (wrong) {
      document.getElementById(adminRowId(id, wrong.table, wrong.key))?.focus();
      return;
    }
    if (roundStartsProblem(roundText) !== null) {
      setRoundLeft(true);
      document.getElementById(`${id}-roundStarts`)?.focus();
      return;
    }
    setBusy(true);
    const adminTimes = fromText(settings.adminTimes, timesText);
    const roundStarts = parseTimes(roundText);
    const result = await call('updateSettings', {
      passphrase,
      settings: { ...settings, adminTimes, roundStarts },
    });
    setBusy(false);
    setPassphrase('');
    if (!result.ok) return setError(result.error);
    setSettings({ ...settings, adminTimes, roundStarts });
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
      {settings && timesText && (
        <form className="form settings-form" onSubmit={(e) => void save(e)} aria-busy={busy}>
          <fieldset className="it-settings" aria-describedby={`${id}-it-how`}>
            <legend>{t('settings.itHeading')}</legend>
            <p id={`${id}-it-how`}>{t('settings.itHow')}</p>
            {[...TEXT_FIELDS, ...NUMBER_FIELDS.map((f) => f.key)]
              .filter((key) => IT_FIELDS.has(key))
              .map((key) =>
                field(key, t(`settings.${key}`), (inputId) => (
                  <input
                    id={inputId}
                    type="text"
                    className="mono"
                    readOnly
                    data-it-setting={key}
                    value={String(
                      settings[key] ?? t(key === 'inboxDir' ? 'settings.none' : 'settings.default'),
                    )}
                  />
                )),
              )}
          </fieldset>
          {NUMBER_FIELDS.filter(({ key }) => !IT_FIELDS.has(key)).map(({ key, min, step }) =>
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
          {TEXT_FIELDS.filter((key) => !IT_FIELDS.has(key)).map((key) =>
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
          <PrintFields
            idPrefix={id}
            roundText={roundText}
            showProblem={roundLeft}
            censusBarcodes={settings.censusBarcodes}
            onRoundText={(text) => {
              setRoundText(text);
              setChanged(null);
            }}
            onRoundLeft={() => setRoundLeft(true)}
            onCensusBarcodes={(censusBarcodes) => edit({ censusBarcodes })}
          />
          <AdminTimesFields
            idPrefix={id}
            text={timesText}
            showAll={timesRefused}
            onChange={editTimes}
          />
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
          {timesRefused && problemRows(timesText).length > 0 && (
            <p role="alert" className="notice notice-error">
              {t('settings.timesRefused')}
            </p>
          )}
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
    'roundStarts',
    'censusBarcodes',
  ] as const;
  const match = known.find((k) => k === key);
  return match ? t(`settings.${match}`) : key;
}

/**
 * What the printed reports start from and hold: the round start times (a MAR "from the start of
 * the round" begins at the latest of them) and a barcode on each census row. Clinical
 * settings, saved with the ward passphrase; the round times are checked here first.
 */
function PrintFields({
  idPrefix,
  roundText,
  showProblem,
  censusBarcodes,
  onRoundText,
  onRoundLeft,
  onCensusBarcodes,
}: {
  readonly idPrefix: string;
  readonly roundText: string;
  readonly showProblem: boolean;
  readonly censusBarcodes: boolean;
  readonly onRoundText: (text: string) => void;
  readonly onRoundLeft: () => void;
  readonly onCensusBarcodes: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const roundId = `${idPrefix}-roundStarts`;
  const hintId = `${roundId}-hint`;
  const problem = roundStartsProblem(roundText);
  const shown = problem !== null && showProblem;
  return (
    <fieldset className="print-settings">
      <legend>{t('settings.printLegend')}</legend>
      <div className="field">
        <label htmlFor={roundId}>{t('settings.roundStarts')}</label>
        <input
          id={roundId}
          type="text"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={roundText}
          aria-invalid={shown}
          aria-describedby={shown ? `${roundId}-error ${hintId}` : hintId}
          onChange={(e) => onRoundText(e.target.value)}
          onBlur={onRoundLeft}
        />
        <p id={hintId} className="hint">
          {t('settings.roundStartsHint')}
        </p>
        {shown && (
          <p id={`${roundId}-error`} className="hint hint-error">
            {problemText(t, problem)}
          </p>
        )}
      </div>
      <div className="field inline">
        <input
          id={`${idPrefix}-censusBarcodes`}
          type="checkbox"
          checked={censusBarcodes}
          onChange={(e) => onCensusBarcodes(e.target.checked)}
        />
        <label htmlFor={`${idPrefix}-censusBarcodes`}>{t('settings.censusBarcodes')}</label>
      </div>
    </fieldset>
  );
}
