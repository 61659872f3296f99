import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../../electron/core/crypto/release-bytes.ts';

describe('releaseBytes', () => {
  it('frees a buffer that owns its memory at once', () => {
    const bytes = Buffer.allocUnsafeSlow(1 << 20).fill(7);
    const { buffer } = bytes;
    releaseBytes(bytes);
    expect(buffer.byteLength).toBe(0);
    expect(bytes.length).toBe(0);
    // Released twice (a finally after a catch): nothing to do.
    expect(() => releaseBytes(bytes)).not.toThrow();
  });

  it('leaves a view into a larger buffer and its neighbours as they are', () => {
    const whole = new Uint8Array(64).fill(1);
    const view = whole.subarray(8, 16);
    releaseBytes(view);
    expect(whole.byteLength).toBe(64);
    expect([...view]).toEqual(Array.from({ length: 8 }, () => 1));
  });
});
