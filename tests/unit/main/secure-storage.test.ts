/** safeStorage's Linux plaintext fallback is detected and never used for sealing (issue 15, M2). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { osSealUsable } from '../../../electron/main/secure-storage.ts';

describe('osSealUsable', () => {
  it('refuses Linux basic_text (a hard-coded password) and an unknown backend', () => {
    for (const linuxBackend of ['basic_text', 'unknown', null]) {
      expect(osSealUsable({ platform: 'linux', encryptionAvailable: true, linuxBackend })).toBe(
        false,
      );
    }
  });

  it('uses a real keyring on Linux, and the OS store on Windows and macOS', () => {
    expect(
      osSealUsable({
        platform: 'linux',
        encryptionAvailable: true,
        linuxBackend: 'gnome_libsecret',
      }),
    ).toBe(true);
    expect(osSealUsable({ platform: 'win32', encryptionAvailable: true, linuxBackend: null })).toBe(
      true,
    );
    expect(
      osSealUsable({ platform: 'darwin', encryptionAvailable: false, linuxBackend: null }),
    ).toBe(false);
  });

  it('is what the Electron host uses to decide on sealing', () => {
    const host = readFileSync('electron/main/electron-host.ts', 'utf8');
    expect(host).toMatch(/atRest: osSealUsable\(/);
    expect(host).toMatch(/getSelectedStorageBackend\(\)/);
  });
});
