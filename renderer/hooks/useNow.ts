/** Re-renders every `everyMs` with the anchored clock's time, so ages and banners stay true. */
import { useEffect, useState } from 'react';
import type { AnchoredClock } from '../lib/data-age.ts';

export function useNow(clock: AnchoredClock, everyMs = 30_000): number {
  const [now, setNow] = useState(clock.now);
  useEffect(() => {
    setNow(clock.now());
    const timer = window.setInterval(() => setNow(clock.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
