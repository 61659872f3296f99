/**
 * Recognises a barcode scanner acting as a keyboard ("wedge"): a burst of characters typed far
 * faster than a person can, closed by Enter. People type 100+ ms apart; scanners a few ms.
 * Fed one key at a time with its timestamp; answers the scanned code when Enter closes a burst.
 */
export interface WedgeOptions {
  /** Longest pause between two scanned characters. */
  readonly maxGapMs: number;
  /** Shortest code worth treating as a scan (MRNs are longer than this). */
  readonly minLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 50, minLength: 4 };

export interface WedgeDetector {
  /** Returns the scanned code when `key` is the Enter that ends a burst, else null. */
  readonly push: (key: string, atMs: number) => string | null;
  readonly reset: () => void;
}

export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE): WedgeDetector {
  let buffer = '';
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = (): void => {
    buffer = '';
    lastAt = Number.NEGATIVE_INFINITY;
  };

  const push = (key: string, atMs: number): string | null => {
    const inBurst = atMs - lastAt <= options.maxGapMs;
    lastAt = atMs;
    if (key === 'Enter') {
      const code = inBurst && buffer.length >= options.minLength ? buffer : null;
      reset();
      return code;
    }
    if (key.length !== 1) {
      reset();
      return null;
    }
    buffer = inBurst ? buffer + key : key;
    return null;
  };

  return { push, reset };
}
