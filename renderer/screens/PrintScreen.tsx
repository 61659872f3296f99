/**
 * Print: choose the document (handover, MAR, census, patient summary), the ward or the patient
 * last opened, and the paper size; for the MAR where it starts (the current round, so a round
 * the outage interrupted is on it, or now) and how many days; for the handover one block per
 * patient or one row per bed. Preview the PDF the API renders, then print it or save it.
 * The preview draws the PDF's pages itself (PdfPreview), so it needs no PDF plugin.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paper, ReportKind, ReportRequest } from '../../electron/core/api/contract.ts';
import type { Ward } from '../../electron/core/model.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { useAppContext, useFormat } from '../app-context.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PdfPreview } from '../components/PdfPreview.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import {
  isSupplyReport,
  PrintedLine,
  RegistrationPanel,
  SUPPLY_REPORTS,
  ReportName,
  SupplyOptionsFields,
  wardOnly,
  type SupplyOptions,
} from './SupplyPrint.tsx';
import { named } from '../../electron/common/placeholder.ts';

export interface PrintPatient {
  readonly patientId: string;
  /** Null when the source records no name (said as "no name recorded"). */
  readonly name: string | null;
  readonly mrn: string;
}

const CARE_REPORTS = [
  'handover',
  'mar',
  'census',
  'summary',
] as const satisfies readonly ReportKind[];
const REPORTS: readonly ReportKind[] = [...CARE_REPORTS, ...SUPPLY_REPORTS];
const PAPERS: readonly Paper[] = ['A4', 'Letter'];
const MAR_STARTS = ['round', 'now'] as const;
const MAR_DAYS = [1, 3, 7] as const;
const HANDOVER_LAYOUTS = ['per-patient', 'board'] as const;
const LAYOUT_LABEL = { 'per-patient': 'layoutPerPatient', board: 'layoutBoard' } as const;
const START_LABEL = { round: 'startRound', now: 'startNow' } as const;

type Outcome =
  | { readonly kind: 'previewed'; readonly pages: number }
  | {
      readonly kind: 'printed';
      readonly via: 'dialog' | 'spooler';
      readonly pages: number;
      readonly spoolerJob: string | null;
    }
  | { readonly kind: 'saved'; readonly path: string | null };

interface Props {
  readonly wards: readonly Ward[];
  readonly wardId: string;
  readonly patient: PrintPatient | null;
}

const pdfBytes = (base64: string): Uint8Array =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export function PrintScreen({ wards, wardId, patient }: Props) {
  const { t } = useTranslation();
  const { language, words } = useFormat();
  const { status } = useAppContext();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const [report, setReport] = useState<ReportKind>('handover');
  const [scope, setScope] = useState<'ward' | 'patient'>('ward');
  const [ward, setWard] = useState(wardId);
  const [paper, setPaper] = useState<Paper>(status.settings.paper);
  const [marStart, setMarStart] = useState<(typeof MAR_STARTS)[number]>('round');
  const [days, setDays] = useState<(typeof MAR_DAYS)[number]>(1);
  const [layout, setLayout] = useState<(typeof HANDOVER_LAYOUTS)[number]>('per-patient');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [preview, setPreview] = useState<Uint8Array | null>(null);

  const [supplyOptions, setSupplyOptions] = useState<SupplyOptions>({});
  const forPatient = report === 'summary' || (scope === 'patient' && !wardOnly(report));
  const ready = forPatient ? patient !== null : ward !== '';
  const request = (): ReportRequest => ({
    report,
    paper,
    language,
    ...(forPatient && patient ? { patientId: patient.patientId } : { wardId: ward }),
    ...(report === 'mar' ? { marStart, days } : {}),
    ...(report === 'handover' ? { handoverLayout: layout } : {}),
    ...(isSupplyReport(report) ? supplyOptions : {}),
  });

  // What prints is the job previewed (same bytes, same audit line); a changed choice renders anew.
  const previewedJob = useRef<{ jobId: string; request: string } | null>(null);
  const jobFor = async (): Promise<
    | { ok: true; jobId: string; pages: number; pdfBase64: string | null }
    | { ok: false; error: AppErrorShape }
  > => {
    const wanted = JSON.stringify(request());
    if (previewedJob.current?.request === wanted) {
      return { ok: true, jobId: previewedJob.current.jobId, pages: 0, pdfBase64: null };
    }
    const result = await call('renderReport', request());
    if (!result.ok) return result;
    previewedJob.current = { jobId: result.value.jobId, request: wanted };
    return { ok: true, ...result.value };
  };

  const run = async (action: 'preview' | 'print' | 'save'): Promise<void> => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    if (action === 'preview') previewedJob.current = null;
    const job = await jobFor();
    if (!job.ok) setError(job.error);
    else if (action === 'preview') {
      if (job.pdfBase64 !== null) setPreview(pdfBytes(job.pdfBase64));
      setOutcome({ kind: 'previewed', pages: job.pages });
    } else if (action === 'print') {
      const result = await call('printReport', { jobId: job.jobId });
      if (result.ok) setOutcome({ kind: 'printed', ...result.value });
      else setError(result.error);
    } else {
      const result = await call('saveReport', { jobId: job.jobId });
      if (result.ok) setOutcome({ kind: 'saved', path: result.value.savedTo });
      else setError(result.error);
    }
    setBusy(false);
  };

  return (
    <section className="print" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('print.heading')}
      </h1>
      <div className="print-controls">
        <form className="form print-form" onSubmit={(e) => e.preventDefault()} aria-busy={busy}>
          <fieldset>
            <legend>{t('print.report')}</legend>
            {REPORTS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name={`${id}-report`}
                  value={kind}
                  checked={report === kind}
                  onChange={() => setReport(kind)}
                />
                <ReportName kind={kind} />
              </label>
            ))}
          </fieldset>
          {report !== 'summary' && (
            <fieldset>
              <legend>{t('print.scope')}</legend>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scope === 'ward'}
                  onChange={() => setScope('ward')}
                />
                {t('print.wholeWard')}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scope === 'patient'}
                  disabled={patient === null || wardOnly(report)}
                  onChange={() => setScope('patient')}
                />
                {patient
                  ? t('print.thisPatient', {
                      name: named(words, 'name', patient.name),
                      mrn: patient.mrn,
                    })
                  : words('col.patient')}
              </label>
            </fieldset>
          )}
          {isSupplyReport(report) && (
            <SupplyOptionsFields kind={report} onChange={setSupplyOptions} />
          )}
          {!forPatient && (
            <div className="field">
              <label htmlFor={`${id}-ward`}>{words('label.ward')}</label>
              <select id={`${id}-ward`} value={ward} onChange={(e) => setWard(e.target.value)}>
                {wards
                  .filter((w) => w.inScope)
                  .map((w) => (
                    <option key={w.id} value={w.id}>
                      {named(words, 'ward', w.name)}
                    </option>
                  ))}
              </select>
            </div>
          )}
          {forPatient && patient && (
            <p>
              {t('print.thisPatient', {
                name: named(words, 'name', patient.name),
                mrn: patient.mrn,
              })}
            </p>
          )}
          {forPatient && !patient && (
            <p className="notice notice-info">{t('print.needsPatient')}</p>
          )}
          {report === 'mar' && (
            <fieldset>
              <legend>{t('print.start')}</legend>
              {MAR_STARTS.map((start) => (
                <label key={start} className="choice">
                  <input
                    type="radio"
                    name={`${id}-start`}
                    checked={marStart === start}
                    onChange={() => setMarStart(start)}
                  />
                  {t(`print.${START_LABEL[start]}`)}
                </label>
              ))}
            </fieldset>
          )}
          {report === 'mar' && (
            <fieldset>
              <legend>{t('print.days')}</legend>
              {MAR_DAYS.map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name={`${id}-days`}
                    checked={days === n}
                    onChange={() => setDays(n)}
                  />
                  {t(`print.days${n}`)}
                </label>
              ))}
            </fieldset>
          )}
          {report === 'handover' && (
            <fieldset>
              <legend>{t('print.layout')}</legend>
              {HANDOVER_LAYOUTS.map((l) => (
                <label key={l} className="choice">
                  <input
                    type="radio"
                    name={`${id}-layout`}
                    checked={layout === l}
                    onChange={() => setLayout(l)}
                  />
                  {t(`print.${LAYOUT_LABEL[l]}`)}
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-paper`}>{t('print.paper')}</label>
            <select
              id={`${id}-paper`}
              value={paper}
              onChange={(e) => setPaper(PAPERS.find((p) => p === e.target.value) ?? 'A4')}
            >
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={!ready || busy}
              onClick={() => void run('preview')}
            >
              {t('print.preview')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={!ready || busy}
              onClick={() => void run('print')}
            >
              {t('print.print')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!ready || busy}
              onClick={() => void run('save')}
            >
              {t('print.save')}
            </button>
          </div>
        </form>
        {busy && (
          <div role="status" className="progress">
            <progress aria-label={t('print.working')} />
            <span>{t('print.working')}</span>
          </div>
        )}
        {error && <ErrorNotice error={error} />}
        {outcome && <OutcomeLine outcome={outcome} />}
      </div>
      <RegistrationPanel wardId={ward} request={{ paper, language }} />
      {preview && <PdfPreview pdf={preview} />}
    </section>
  );
}

function OutcomeLine({ outcome }: { readonly outcome: Outcome }) {
  return outcome.kind === 'printed' ? (
    <PrintedLine printed={outcome} />
  ) : (
    <DocumentLine outcome={outcome} />
  );
}

function DocumentLine({
  outcome,
}: {
  readonly outcome: Exclude<Outcome, { readonly kind: 'printed' }>;
}) {
  const { t } = useTranslation();
  const { format } = useFormat();
  const text = ((): string => {
    switch (outcome.kind) {
      case 'previewed':
        return t('print.pages', { count: format.number(outcome.pages) });
      case 'saved':
        return outcome.path ? t('print.saved', { path: outcome.path }) : t('print.notSaved');
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  })();
  return (
    <p role="status" className="notice notice-info" data-testid="print-outcome">
      {text}
    </p>
  );
}
