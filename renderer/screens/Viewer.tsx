/**
 * The unlocked viewer: census, chart, print and readiness behind one header with the search
 * box, navigation and Lock. Owns the idle timer and the barcode-scanner listener. Everything
 * patient-related lives below this component, so unmounting it on lock drops all of it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason, Session } from '../session.ts';
import { useAppContext, useFormat } from '../app-context.ts';
import { Shell } from '../components/Shell.tsx';
import { useIdleLock } from '../hooks/useIdleLock.ts';
import { createWedgeDetector } from '../lib/barcode-wedge.ts';
import { call } from '../api.ts';
import { CensusScreen } from './CensusScreen.tsx';
import { ChartScreen } from './ChartScreen.tsx';
import { PrintScreen, type PrintPatient } from './PrintScreen.tsx';
import { ReadinessScreen } from './ReadinessScreen.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';

type Route =
  | { readonly screen: 'census' }
  | { readonly screen: 'chart'; readonly patientId: string }
  | { readonly screen: 'print' }
  | { readonly screen: 'readiness' }
  | { readonly screen: 'settings' };

interface Props {
  readonly session: Session;
  readonly onLock: (reason: LockReason) => Promise<void>;
  /** Settings were saved: the status (lock timeout, thresholds) must be read again. */
  readonly onSettingsChanged: () => Promise<void>;
}

export function Viewer({ session, onLock, onSettingsChanged }: Props) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const { status } = useAppContext();
  const [route, setRoute] = useState<Route>({ screen: 'census' });
  const [wardId, setWardId] = useState(
    () => (session.wards.find((w) => w.inScope) ?? session.wards[0])?.id ?? '',
  );
  const [printPatient, setPrintPatient] = useState<PrintPatient | null>(null);
  const [scanMiss, setScanMiss] = useState<{
    code: string;
    several: boolean;
  } | null>(null);
  const [scanCount, setScanCount] = useState(0);
  const searchInput = useRef<HTMLInputElement>(null);

  useIdleLock(status.settings.lockTimeoutSeconds, () => void onLock('idle'));

  const openChart = useCallback((patientId: string) => {
    setScanMiss(null);
    setRoute({ screen: 'chart', patientId });
  }, []);

  const openScanned = useCallback(
    async (code: string) => {
      // The one identifier lookup: MRN or any other identifier of one live patient.
      const result = await call('scan', { code });
      const hits = result.ok ? result.value : [];
      // The scanned characters may have landed in the search box: empty it either way.
      setScanCount((n) => n + 1);
      // Two records sharing an identifier: never open one of them silently.
      if (hits.length === 1 && hits[0]) openChart(hits[0].patientId);
      else setScanMiss({ code, several: hits.length > 1 });
    },
    [openChart],
  );

  // Ctrl/Cmd+F always reaches the search box; a scanner's burst + Enter opens the chart.
  useEffect(() => {
    const wedge = createWedgeDetector();
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
        wedge.reset();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return wedge.reset();
      const code = wedge.push(event.key, event.timeStamp);
      if (code !== null) {
        event.preventDefault();
        event.stopPropagation();
        void openScanned(code);
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [openScanned]);

  const nav = (target: 'census' | 'print' | 'readiness' | 'settings') => (
    <button
      type="button"
      className="button nav"
      aria-current={route.screen === target ? 'page' : undefined}
      onClick={() => setRoute({ screen: target })}
    >
      {target === 'census' ? words('report.census') : t(`nav.${target}`)}
    </button>
  );

  const signedInAs = t('app.signedInAs', { user: status.user ?? '' });
  const tools = (
    <>
      <SearchBox inputRef={searchInput} onOpen={openChart} clearSignal={scanCount} />
      <nav aria-label={t('app.navLabel')} className="nav-bar">
        {nav('census')}
        {nav('print')}
        {nav('readiness')}
        {nav('settings')}
      </nav>
      <span className="user" title={signedInAs}>
        {signedInAs}
      </span>
      <button type="button" className="button lock" onClick={() => void onLock('button')}>
        {t('nav.lock')}
      </button>
    </>
  );

  return (
    <Shell tools={tools}>
      {scanMiss !== null && (
        <p className="notice notice-warn" role="alert">
          {t(scanMiss.several ? 'search.scanSeveral' : 'search.scanNotFound', {
            code: scanMiss.code,
          })}
        </p>
      )}
      {route.screen === 'census' && (
        <CensusScreen
          wards={session.wards}
          wardId={wardId}
          onWardChange={setWardId}
          onOpen={openChart}
        />
      )}
      {route.screen === 'chart' && (
        <ChartScreen
          key={route.patientId}
          patientId={route.patientId}
          onBack={() => setRoute({ screen: 'census' })}
          onLoaded={setPrintPatient}
        />
      )}
      {route.screen === 'print' && (
        <PrintScreen wards={session.wards} wardId={wardId} patient={printPatient} />
      )}
      {route.screen === 'settings' && <SettingsScreen onSaved={onSettingsChanged} />}
      {route.screen === 'readiness' && (
        <ReadinessScreen embedded onBack={() => setRoute({ screen: 'census' })} />
      )}
    </Shell>
  );
}
