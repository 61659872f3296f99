/**
 * The settings service: the validated settings file, read once at start, changed only through
 * `update` (which saves before it announces), and change events for the services that depend on
 * a setting (the store follows `storeDir`, the inbox restarts on its folders and `keep`).
 */
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
}

export function createSettingsService(
  file: string,
  log: { warn(message: string): void },
): SettingsService {
  const loaded = loadSettings(file);
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
      saveSettings(file, next);
      const previous = settings;
      settings = next;
      for (const listener of listeners) await listener(next, previous, changed);
      return changed;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
