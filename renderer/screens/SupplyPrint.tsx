/**
 * The Print screen's ward-supply documents (issue 14): the options the labels, round and
 * pharmacy list take, and the downtime registration of a new arrival — issue the next reserved
 * number, then print its packet (labels, wristband, blank MAR, observation chart). Kept apart
 * from PrintScreen.tsx, which lays out the care documents.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportRequest, ValueOf } from '../../electron/core/api/contract.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { useFormat } from '../app-context.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { WordKey } from '../../electron/common/words/index.ts';

export const SUPPLY_REPORTS = ['labels', 'wristband', 'round', 'pharmacy', 'obs-chart'] as const;
export type SupplyReport = (typeof SUPPLY_REPORTS)[number];

export const isSupplyReport = (kind: ReportKind): kind is SupplyReport =>
  (SUPPLY_REPORTS as readonly ReportKind[]).includes(kind);

/** Round and pharmacy list are ward documents; the others are per ward or per patient. */
export const wardOnly = (kind: ReportKind): boolean => kind === 'round' || kind === 'pharmacy';

/**
 * A document's name: the title the paper prints, except where the menu says more than the title
 * (the MAR's length is chosen below it; the label sheet is a sticker sheet).
 */
const REPORT_NAMES = {
  handover: { word: 'report.handover' },
  mar: { screen: 'print.mar' },
  census: { word: 'report.census' },
  summary: { word: 'report.summary' },
  labels: { screen: 'supplies.labels' },
  wristband: { word: 'report.wristband' },
  round: { word: 'report.round' },
  pharmacy: { word: 'report.pharmacy' },
  'obs-chart': { word: 'report.obsChart' },
  registration: { screen: 'supplies.registration' },
} as const satisfies Record<
  ReportKind,
  { word: WordKey } | { screen: 'print.mar' | 'supplies.labels' | 'supplies.registration' }
>;

export function ReportName({ kind }: { readonly kind: ReportKind }) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const name:
    { word: WordKey } | { screen: 'print.mar' | 'supplies.labels' | 'supplies.registration' } =
    REPORT_NAMES[kind];
  return <>{'word' in name ? words(name.word) : t(name.screen)}</>;
}

/** What a supply document adds to the request. */
export type SupplyOptions = Pick<ReportRequest, 'count' | 'start' | 'end' | 'hours'>;

/** Today's wall-clock HH:MM in the browser, turned into an instant for the round window. */
function todayAt(time: string): string | undefined {
  const [h, m] = time.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return undefined;
  const at = new Date();
  at.setHours(h, m, 0, 0);
  return at.toISOString();
}

export function SupplyOptionsFields({
  kind,
  onChange,
}: {
  readonly kind: SupplyReport;
  readonly onChange: (options: SupplyOptions) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [count, setCount] = useState('');
  const [from, setFrom] = useState('07:00');
  const [to, setTo] = useState('09:00');
  const [hours, setHours] = useState<24 | 72>(24);

  useEffect(() => {
    const n = Number(count);
    switch (kind) {
      case 'labels':
        onChange(count !== '' && Number.isInteger(n) && n > 0 ? { count: n } : {});
        break;
      case 'round': {
        const start = todayAt(from);
        const end = todayAt(to);
        onChange({ ...(start ? { start } : {}), ...(end ? { end } : {}) });
        break;
      }
      case 'pharmacy':
        onChange({ hours });
        break;
      case 'wristband':
      case 'obs-chart':
        onChange({});
        break;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  }, [kind, count, from, to, hours, onChange]);

  switch (kind) {
    case 'labels':
      return (
        <div className="field">
          <label htmlFor={`${id}-count`}>{t('supplies.count')}</label>
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            max={500}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </div>
      );
    case 'round':
      return (
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('supplies.roundFrom')}</label>
          <input
            id={`${id}-from`}
            type="time"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <label htmlFor={`${id}-to`}>{t('supplies.roundTo')}</label>
          <input id={`${id}-to`} type="time" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      );
    case 'pharmacy':
      return (
        <fieldset>
          <legend>{t('supplies.pharmacyFor')}</legend>
          {([24, 72] as const).map((h) => (
            <label key={h} className="choice">
              <input
                type="radio"
                name={`${id}-hours`}
                checked={hours === h}
                onChange={() => setHours(h)}
              />
              {t(h === 24 ? 'supplies.hours24' : 'supplies.hours72')}
            </label>
          ))}
        </fieldset>
      );
    case 'wristband':
    case 'obs-chart':
      return null;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

type Registrations = ValueOf<'registrations'>;
type Registration = ValueOf<'issueRegistration'>;

/**
 * Issue the next downtime number for the ward, then print its packet. The number is issued
 * (and recorded, and audited) before printing, so a printer failure never loses it: the packet
 * can be printed again for the same number.
 */
export function RegistrationPanel({
  wardId,
  request,
}: {
  readonly wardId: string;
  /** Paper and language of the Print screen. */
  readonly request: Pick<ReportRequest, 'paper' | 'language'>;
}) {
  const { t } = useTranslation();
  const { format } = useFormat();
  const id = useId();
  const [state, setState] = useState<Registrations | null>(null);
  const [last, setLast] = useState<Registration | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [printed, setPrinted] = useState<ValueOf<'printReport'> | null>(null);

  useEffect(() => {
    void call('registrations', {}).then((r) => (r.ok ? setState(r.value) : setError(r.error)));
  }, []);

  const printPacket = async (number: string): Promise<void> => {
    // The packet is rendered as a job, then that job is printed (what prints is what rendered).
    const rendered = await call('renderReport', {
      ...request,
      report: 'registration',
      wardId,
      number,
    });
    if (!rendered.ok) {
      setError(rendered.error);
      return;
    }
    const result = await call('printReport', { jobId: rendered.value.jobId });
    if (result.ok) setPrinted(result.value);
    else setError(result.error);
  };

  const issue = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setPrinted(null);
    const result = await call('issueRegistration', { wardId });
    if (result.ok) {
      setLast(result.value);
      const refreshed = await call('registrations', {});
      if (refreshed.ok) setState(refreshed.value);
      await printPacket(result.value.number);
    } else setError(result.error);
    setBusy(false);
  };

  return (
    <section className="registration" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('supplies.registration')}</h2>
      <p>{t('supplies.registrationHelp')}</p>
      {state && state.reserved === 0 && (
        <p className="notice notice-info">{t('supplies.noNumbers')}</p>
      )}
      {state && state.reserved > 0 && (
        <p data-testid="registration-remaining">
          {t('supplies.remaining', { count: format.number(state.remaining) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={busy || wardId === '' || !state || state.remaining === 0}
          onClick={() => void issue()}
        >
          {t('supplies.issue')}
        </button>
        {last && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void printPacket(last.number)}
          >
            {t('supplies.reprint', { number: last.number })}
          </button>
        )}
      </div>
      {last && (
        <p role="status" className="notice notice-info" data-testid="registration-issued">
          {t('supplies.issued', {
            number: last.number,
            time: format.dayTime(last.issuedAt),
            user: last.issuedBy,
          })}
        </p>
      )}
      {printed && <PrintedLine printed={printed} />}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** What became of a print: the dialog, or the spooler with the job id it gave. */
export function PrintedLine({ printed }: { readonly printed: ValueOf<'printReport'> }) {
  const { t } = useTranslation();
  const { format } = useFormat();
  const count = format.number(printed.pages);
  const text =
    printed.via === 'dialog'
      ? t('print.printedDialog', { count })
      : printed.spoolerJob
        ? t('supplies.printedJob', { job: printed.spoolerJob, count })
        : t('print.printedSpooler', { count });
  return (
    <p role="status" className="notice notice-info" data-testid="print-outcome">
      {text}
    </p>
  );
}
