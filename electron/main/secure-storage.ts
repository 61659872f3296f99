/**
 * Whether Electron's safeStorage really seals with the OS (issue 15, M2). On Linux without a
 * keyring it falls back to `basic_text`, which "encrypts" with a hard-coded password: sealing
 * with it would claim a protection that is not there. Then the app does not use it (keys are
 * protected by the 0700 data folder alone) and the readiness screen says so.
 */
export interface SafeStorageFacts {
  readonly platform: NodeJS.Platform;
  readonly encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux; null elsewhere. */
  readonly linuxBackend: string | null;
}

/** Backends that are plaintext in all but name. */
export const PLAINTEXT_BACKENDS = ['basic_text', 'unknown'] as const;

export function osSealUsable(facts: SafeStorageFacts): boolean {
  if (!facts.encryptionAvailable) return false;
  if (facts.platform !== 'linux') return true;
  return (
    facts.linuxBackend !== null &&
    !(PLAINTEXT_BACKENDS as readonly string[]).includes(facts.linuxBackend)
  );
}
