/**
 * Calls `onIdle` once nobody has touched the keyboard, mouse or screen for `timeoutSeconds`.
 * Activity only stamps a time; a single timer re-arms itself, so typing costs nothing.
 */
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(timeoutSeconds: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    const timeoutMs = timeoutSeconds * 1000;
    let lastActivity = performance.now();
    let timer = 0;
    const arm = (delayMs: number): void => {
      timer = window.setTimeout(check, delayMs);
    };
    const check = (): void => {
      const idleFor = performance.now() - lastActivity;
      if (idleFor >= timeoutMs) onIdleRef.current();
      else arm(timeoutMs - idleFor);
    };
    const stamp = (): void => {
      lastActivity = performance.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, stamp, { passive: true, capture: true });
    arm(timeoutMs);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, stamp, { capture: true });
    };
  }, [timeoutSeconds]);
}
