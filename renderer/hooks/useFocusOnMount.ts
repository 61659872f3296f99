/** Moves focus to a screen's heading when the screen appears, so screen readers announce it. */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
