/** IPC accepts calls only from our own top-level frame. */
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/ipc.ts';

type Frame = { url: string; parent: Frame | null };
const event = (frame: Frame | null) =>
  ({ senderFrame: frame }) as unknown as Parameters<typeof isTrustedSender>[0];

describe('the IPC sender check', () => {
  const top: Frame = { url: 'app://downtime/index.html', parent: null };

  it('accepts the renderer main frame', () => expect(isTrustedSender(event(top))).toBe(true));
  it('refuses a sub-frame, even of our origin', () =>
    expect(isTrustedSender(event({ url: 'app://downtime/x.html', parent: top }))).toBe(false));
  it('refuses another origin', () =>
    expect(isTrustedSender(event({ url: 'https://evil.example/', parent: null }))).toBe(false));
  it('refuses a destroyed frame', () => expect(isTrustedSender(event(null))).toBe(false));
});
