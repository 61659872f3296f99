/**
 * Unlock: what is installed (site, signer, data age, sequence, wards) before any key is used,
 * then ward passphrase + the user's name for the audit. When the newest export cannot be
 * opened, offers the previous kept one instead.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportSummary } from '../../electron/core/api/contract.ts';
import { EXPORT_FAULTS } from '../../electron/common/error-kinds.ts';
import type { Ward } from '../../electron/core/model.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { useAppContext, useFormat } from '../app-context.ts';
import { ErrorNotice, useErrorSentence } from '../components/ErrorNotice.tsx';
import { Shell } from '../components/Shell.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import { named } from '../../electron/common/placeholder.ts';
import { unlockWards } from '../lib/unlock-wards.ts';

interface Props {
  readonly idleLocked: boolean;
  readonly onUnlocked: (wards: readonly Ward[]) => Promise<void>;
  readonly onReadiness: () => void;
}

export function UnlockScreen({ idleLocked, onUnlocked, onReadiness }: Props) {
  const { t } = useTranslation();
  const { format } = useFormat();
  const { status } = useAppContext();
  const errorSentence = useErrorSentence();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const passphraseId = useId();
  const userId = useId();
  const userHintId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [user, setUser] = useState(status.user ?? '');
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const current = status.current;
  const previous = status.kept.find((k) => k.exportId !== current?.exportId) ?? null;
  const canOfferPrevious =
    error !== null && previous !== null && EXPORT_FAULTS.some((kind) => kind === error.kind);
  const refusals = status.recentInbox.filter((e) => e.outcome === 'refused').slice(0, 3);

  const unlock = async (exportId?: string): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await call('unlock', {
      passphrase,
      user: user.trim(),
      ...(exportId === undefined ? {} : { exportId }),
    });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      await onUnlocked(result.value.wards);
    } else {
      setError(result.error);
      // After wrong passphrases the main process makes unlock wait: say for how long.
      if (result.error.kind === 'throttled') {
        const now = await call('getStatus', {});
        setWaitSeconds(now.ok ? now.value.unlockWaitSeconds : null);
      }
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!busy) void unlock();
  };

  return (
    <Shell>
      <div className="unlock-layout">
        <section className="panel" aria-labelledby={`${passphraseId}-h`}>
          <h1 id={`${passphraseId}-h`} ref={heading} tabIndex={-1}>
            {t('unlock.heading')}
          </h1>
          {idleLocked && (
            <p className="notice notice-info" role="status">
              {t('lock.idle')}
            </p>
          )}
          {current ? (
            <form className="form" onSubmit={submit} aria-busy={busy}>
              <div className="field">
                <label htmlFor={userId}>{t('unlock.user')}</label>
                <input
                  id={userId}
                  name="user"
                  autoComplete="username"
                  required
                  maxLength={200}
                  value={user}
                  aria-describedby={userHintId}
                  onChange={(e) => setUser(e.target.value)}
                />
                <p id={userHintId} className="hint">
                  {t('unlock.userHint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={passphraseId}>{t('unlock.passphrase')}</label>
                <input
                  id={passphraseId}
                  name="passphrase"
                  type="password"
                  autoComplete="current-password"
                  required
                  maxLength={1024}
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                />
              </div>
              <button className="button primary" type="submit" disabled={busy}>
                {t('unlock.submit')}
              </button>
              {busy && (
                <p role="status" className="hint">
                  {t('unlock.busy')}
                </p>
              )}
              {error && (
                <ErrorNotice
                  error={error}
                  {...(error.kind === 'throttled' && waitSeconds
                    ? { sentence: t('unlock.wait', { seconds: waitSeconds }) }
                    : {})}
                />
              )}
              {canOfferPrevious && previous && (
                <div className="notice notice-warn">
                  <p>{t('unlock.previousHint')}</p>
                  <button
                    type="button"
                    className="button"
                    disabled={busy || passphrase === '' || user.trim() === ''}
                    onClick={() => void unlock(previous.exportId)}
                  >
                    {t('unlock.openPrevious', { when: format.instant(previous.dataAsOf) })}
                  </button>
                </div>
              )}
            </form>
          ) : (
            <p className="notice notice-error" role="alert">
              {t('unlock.noExport')}
            </p>
          )}
          {refusals.map((event) => (
            <p
              key={`${event.at}-${event.file}`}
              className="notice notice-warn"
              data-testid="inbox-refusal"
            >
              {t('unlock.inboxRefused', {
                when: format.instant(event.at),
                reason: errorSentence(event.kind, event.message ?? ''),
              })}
            </p>
          ))}
          <button type="button" className="button link" onClick={onReadiness}>
            {t('unlock.readiness')}
          </button>
        </section>
        {current && <ExportFacts summary={current} />}
      </div>
    </Shell>
  );
}

function ExportFacts({ summary }: { readonly summary: ExportSummary }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const id = useId();
  return (
    <section className="panel facts" aria-labelledby={id}>
      <h2 id={id}>{t('unlock.exportHeading')}</h2>
      {!summary.current && <p className="notice notice-warn">{t('unlock.olderCopy')}</p>}
      <dl className="facts-list">
        <dt>{t('unlock.site')}</dt>
        <dd>{named(words, 'site', summary.siteName)}</dd>
        <dt>{t('unlock.dataAsOf')}</dt>
        <dd>{format.instant(summary.dataAsOf)}</dd>
        <dt>{t('unlock.created')}</dt>
        <dd>{format.instant(summary.createdAt)}</dd>
        <dt>{t('unlock.sequence')}</dt>
        <dd>{format.number(summary.sequence)}</dd>
        <dt>{t('unlock.signer')}</dt>
        <dd className="mono">{summary.signer}</dd>
        <dt>{t('unlock.wards')}</dt>
        <dd>
          {unlockWards(words, summary.wards).map((ward, index) => (
            <span key={ward.key} className="unlock-ward">
              {index > 0 && ', '}
              {ward.label}
              {ward.id && <span className="ward-id"> ({ward.id})</span>}
            </span>
          ))}
        </dd>
      </dl>
    </section>
  );
}
