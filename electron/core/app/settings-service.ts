/**
 * The settings service: the validated settings file, read once at start, changed only through
 * `update` (which saves before it announces), and change events for the services that depend on
 * a setting (the store follows `storeDir`, the inbox restarts on its folders and `keep`).
 */
import type { TrustStore } from '../keys/trust-store.ts';
import { laptopSettings } from '../settings/it-settings.ts';
import { loadSettings, saveSettings, type Settings } from '../settings/settings.ts';

export type SettingsListener = (
  next: Settings,
  previous: Settings,
  changed: readonly (keyof Settings)[],
) => void | Promise<void>;

export interface SettingsService {
  current(): Settings;
  /** Saves `next` and, once it is on disk, tells every listener; resolves when they are done. */
  update(next: Settings): Promise<(keyof Settings)[]>;
  onChange(listener: SettingsListener): () => void;
  /** The rollback reset IT signed into settings.signed, if any (applied once per id). */
  rollbackReset(): string | null;
}

/**
 * Clinical settings from `file` (settings.json); IT's only from `signedFile` (settings.signed),
 * verified against `itTrust` — the trust store shipped with the app (settings/it-settings.ts).
 */
export function createSettingsService(
  file: string,
  log: { warn(message: string): void },
  signed: { readonly file: string; readonly trust: () => TrustStore } | null = null,
): SettingsService {
  const plain = loadSettings(file);
  const loaded = signed ? laptopSettings(plain, signed.file, signed.trust) : { ...plain, it: null };
  for (const problem of loaded.problems) log.warn(problem);
  let settings = loaded.settings;
  const listeners = new Set<SettingsListener>();
  return {
    current: () => settings,
    async update(next) {
      const changed = (Object.keys(next) as (keyof Settings)[]).filter(
        (key) => JSON.stringify(next[key]) !== JSON.stringify(settings[key]),
      );
      if (changed.length === 0) return changed;
      // IT's fields are not the ward's file's: they live in settings.signed (it-settings.ts).
      saveSettings(file, next, { clinicalOnly: signed !== null });
      const previous = settings;
      settings = next;
      for (const listener of listeners) await listener(next, previous, changed);
      return changed;
    },
    rollbackReset: () => loaded.it?.rollbackReset ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
