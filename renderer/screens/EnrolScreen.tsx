/**
 * First run: no device key yet. The ward passphrase is set twice with a strength hint; the API
 * creates the key and answers with the `age1…` device code, shown as text and as a QR code for
 * IT to add to the export's recipients.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Shell } from '../components/Shell.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../lib/passphrase-strength.ts';

interface Enrolled {
  readonly recipient: string;
  readonly qrSvg: string;
  readonly savedTo: string | null;
}

/** The QR code as an image: the SVG never enters the DOM as markup. */
const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;base64,${btoa(String.fromCodePoint(...new TextEncoder().encode(svg)))}`;

export function EnrolScreen({ onEnrolled }: { readonly onEnrolled: () => Promise<void> }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);

  const strength = passphraseStrength(passphrase);
  const mismatch = confirm !== '' && confirm !== passphrase;
  const acceptable = strength !== 'too-short' && passphrase === confirm;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!acceptable || busy) return;
    setBusy(true);
    setError(null);
    const result = await call('enrol', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setConfirm('');
      setEnrolled(result.value);
    } else {
      setError(result.error);
    }
  };

  if (enrolled) {
    return (
      <Shell>
        <section className="panel" aria-labelledby={`${id}-done`}>
          <h1 id={`${id}-done`} tabIndex={-1} ref={heading}>
            {t('enrol.doneHeading')}
          </h1>
          <p>{t('enrol.doneIntro')}</p>
          <label htmlFor={`${id}-code`}>{t('enrol.recipient')}</label>
          <textarea
            id={`${id}-code`}
            className="mono recipient"
            readOnly
            rows={2}
            value={enrolled.recipient}
            data-testid="recipient"
          />
          <img className="qr" src={svgDataUrl(enrolled.qrSvg)} alt={t('enrol.qr')} />
          {enrolled.savedTo && <p>{t('enrol.savedTo', { path: enrolled.savedTo })}</p>}
          <button type="button" className="button primary" onClick={() => void onEnrolled()}>
            {t('enrol.continue')}
          </button>
        </section>
      </Shell>
    );
  }

  return (
    <Shell>
      <section className="panel" aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`} tabIndex={-1} ref={heading}>
          {t('enrol.heading')}
        </h1>
        <p>{t('enrol.intro')}</p>
        <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-p1`}>{t('enrol.passphrase')}</label>
            <input
              id={`${id}-p1`}
              type="password"
              autoComplete="new-password"
              required
              maxLength={1024}
              value={passphrase}
              aria-describedby={`${id}-strength`}
              onChange={(e) => setPassphrase(e.target.value)}
            />
            <p id={`${id}-strength`} className={`hint strength-${strength}`} aria-live="polite">
              {passphrase === '' ? '' : t(`enrol.${strength}`, { min: MIN_PASSPHRASE_LENGTH })}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-p2`}>{t('enrol.confirm')}</label>
            <input
              id={`${id}-p2`}
              type="password"
              autoComplete="new-password"
              required
              maxLength={1024}
              value={confirm}
              aria-invalid={mismatch}
              aria-describedby={`${id}-mismatch`}
              onChange={(e) => setConfirm(e.target.value)}
            />
            <p id={`${id}-mismatch`} className="hint hint-error" aria-live="polite">
              {mismatch ? t('enrol.mismatch') : ''}
            </p>
          </div>
          <button className="button primary" type="submit" disabled={!acceptable || busy}>
            {t('enrol.submit')}
          </button>
          {busy && <p role="status">{t('enrol.busy')}</p>}
          {error && <ErrorNotice error={error} />}
        </form>
      </section>
    </Shell>
  );
}
