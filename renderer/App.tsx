/**
 * The top of the renderer: fetches the API status, then shows enrolment (no device key yet),
 * unlock, or the viewer. Locking — by the button or after inactivity — unmounts the viewer, so
 * every patient datum held in React state is dropped with it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../electron/core/api/contract.ts';
import type { Ward } from '../electron/core/model.ts';
import type { AppErrorShape } from '../electron/core/result.ts';
import { call } from './api.ts';
import { AppContext } from './app-context.ts';
import { anchorClock } from './lib/data-age.ts';
import { EnrolScreen } from './screens/EnrolScreen.tsx';
import { ReadinessScreen } from './screens/ReadinessScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import { Viewer } from './screens/Viewer.tsx';
import { Shell } from './components/Shell.tsx';
import type { LockReason, Session } from './session.ts';

const STATUS_REFRESH_MS = 15_000;

export function App({ initialStatus }: { readonly initialStatus: Status }) {
  const [status, setStatus] = useState(initialStatus);
  const [session, setSession] = useState<Session | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const [showReadiness, setShowReadiness] = useState(false);
  const [statusError, setStatusError] = useState<AppErrorShape | null>(null);
  const clock = useMemo(() => anchorClock(status.now), [status]);
  const sessionEpoch = useRef(0);

  const refreshStatus = useCallback(async (): Promise<void> => {
    const result = await call('getStatus', {});
    if (result.ok) setStatus(result.value);
    else setStatusError(result.error);
  }, []);

  const lock = useCallback(
    async (reason: LockReason): Promise<void> => {
      sessionEpoch.current += 1;
      setSession(null);
      setLockReason(reason);
      await call('lock', {});
      await refreshStatus();
    },
    [refreshStatus],
  );

  const unlocked = useCallback(
    async (wards: readonly Ward[]): Promise<void> => {
      sessionEpoch.current += 1;
      await refreshStatus();
      setLockReason(null);
      setSession({ wards });
    },
    [refreshStatus],
  );

  // Keep the banner, the inbox news and the lock state true while the screen sits open. If the
  // API no longer has a session (locked elsewhere), the viewer drops its data too.
  useEffect(() => {
    const timer = window.setInterval(() => {
      const asked = sessionEpoch.current;
      void call('getStatus', {}).then((result) => {
        // An answer that crossed an unlock or lock describes a session that is gone.
        if (!result.ok || asked !== sessionEpoch.current) return;
        setStatus(result.value);
        if (!result.value.unlocked) setSession(null);
      });
    }, STATUS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  // A reload while the API still holds an open export starts locked: the renderer no longer
  // knows who unlocked it.
  useEffect(() => {
    if (initialStatus.unlocked) void lock('button');
  }, [initialStatus.unlocked, lock]);

  const context = useMemo(() => ({ status, clock }), [status, clock]);

  return (
    <AppContext.Provider value={context}>
      {statusError ? (
        <StatusFailure error={statusError} />
      ) : status.identity === 'absent' ? (
        <EnrolScreen onEnrolled={refreshStatus} />
      ) : session ? (
        <Viewer session={session} onLock={lock} onSettingsChanged={refreshStatus} />
      ) : showReadiness ? (
        <ReadinessScreen onBack={() => setShowReadiness(false)} />
      ) : (
        <UnlockScreen
          idleLocked={lockReason === 'idle'}
          onUnlocked={unlocked}
          onReadiness={() => setShowReadiness(true)}
        />
      )}
    </AppContext.Provider>
  );
}

function StatusFailure({ error }: { readonly error: AppErrorShape }) {
  const { t } = useTranslation();
  return (
    <Shell>
      <div className="notice notice-error" role="alert">
        <p>{t('app.statusFailed')}</p>
        <p className="technical">{error.message}</p>
      </div>
    </Shell>
  );
}
