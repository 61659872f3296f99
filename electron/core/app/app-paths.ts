/**
 * Where the app keeps its files on a ward laptop. Electron's main process passes its userData
 * folder; the E2E harness passes a temporary one; everything below it is decided here.
 */
import { join } from 'node:path';

export interface AppPaths {
  /** The app's private data folder. */
  readonly dataDir: string;
  /** The clinical settings (the ward changes them with its passphrase). */
  readonly settingsFile: string;
  /** Wrong passphrases in a row and when the last was (unlock-throttle.ts). */
  readonly throttleFile: string;
  /** IT's settings, signed by the site key (settings/it-settings.ts). */
  readonly signedSettingsFile: string;
  /** The signed settings accepted last, MAC'd: an older file put back is refused. */
  readonly signedSettingsMarkFile: string;
  /** The device identity, sealed with the ward passphrase (and, in the app, safeStorage). */
  readonly identityFile: string;
  /** The `age1…` recipient, written at enrolment for IT to pick up. */
  readonly recipientFile: string;
  /** Used when settings name no store folder. */
  readonly defaultStoreDir: string;
  /** The trust store shipped with the app, used when settings name none. */
  readonly bundledTrustDir: string;
}

export function appPaths(dataDir: string, bundledTrustDir: string): AppPaths {
  return {
    dataDir,
    settingsFile: join(dataDir, 'settings.json'),
    throttleFile: join(dataDir, 'unlock-throttle.json'),
    signedSettingsFile: join(dataDir, 'settings.signed'),
    signedSettingsMarkFile: join(dataDir, 'settings.signed.mark'),
    identityFile: join(dataDir, 'device.key'),
    recipientFile: join(dataDir, 'device-recipient.txt'),
    defaultStoreDir: join(dataDir, 'store'),
    bundledTrustDir,
  };
}
