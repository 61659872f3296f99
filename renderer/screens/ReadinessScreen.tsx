/**
 * Readiness: one green/amber/red line per check (data age, signature, device key, store, disk,
 * printers, last install, last refusal) — the first thing to look at each shift — and IT's
 * "export the access log" button.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessCheck } from '../../electron/core/api/contract.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { describeReadinessFact } from '../../electron/common/readiness.ts';
import { useFormat } from '../app-context.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Shell } from '../components/Shell.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';

interface Props {
  /** Inside the viewer's shell (unlocked) or on its own (from the unlock screen). */
  readonly embedded?: boolean;
  readonly onBack: () => void;
}

export function ReadinessScreen({ embedded = false, onBack }: Props) {
  // Exporting the audit needs an unlocked session: it names who looked at which patient.
  const content = <Readiness onBack={onBack} canExportAudit={embedded} />;
  return embedded ? content : <Shell>{content}</Shell>;
}

function Readiness({
  onBack,
  canExportAudit,
}: {
  readonly onBack: () => void;
  readonly canExportAudit: boolean;
}) {
  const { t } = useTranslation();
  // Instants in the ward's zone, as on the data-age banner (never raw UTC).
  const { format, words } = useFormat();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const [checks, setChecks] = useState<readonly ReadinessCheck[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [audit, setAudit] = useState<{ path: string | null } | null>(null);

  const load = useCallback(async (): Promise<void> => {
    setChecks(null);
    setError(null);
    const result = await call('readiness', {});
    if (result.ok) setChecks(result.value);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const exportAudit = async (): Promise<void> => {
    setError(null);
    const result = await call('exportAudit', {});
    if (result.ok) setAudit({ path: result.value.savedTo });
    else setError(result.error);
  };

  return (
    <section className="readiness" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('readiness.heading')}
      </h1>
      <p>{t('readiness.intro')}</p>
      {!checks && !error && <p role="status">{t('readiness.checking')}</p>}
      {checks && (
        <ul className="checks">
          {checks.map((check) => (
            <li
              key={check.id}
              className={`check check-${check.level}`}
              data-check={check.id}
              data-level={check.level}
            >
              <span className="check-level">{t(`readiness.${check.level}`)}</span>
              <span className="check-name">{t(`readiness.${check.id}`)}</span>
              <span className="check-detail">
                {describeReadinessFact(words, check.fact, format.instant)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void load()}>
          {t('readiness.refresh')}
        </button>
        {canExportAudit && (
          <button type="button" className="button" onClick={() => void exportAudit()}>
            {t('readiness.exportAudit')}
          </button>
        )}
        <button type="button" className="button link" onClick={onBack}>
          {t('readiness.back')}
        </button>
      </div>
      {audit && (
        <p role="status" className="notice notice-info">
          {audit.path
            ? t('readiness.auditSaved', { path: audit.path })
            : t('readiness.auditNotSaved')}
        </p>
      )}
    </section>
  );
}
