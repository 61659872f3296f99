/**
 * The settings service: the validated settings file, read once at start, changed only through
 * `update` (which saves before it announces), and change events for the services that depend on
 * a setting (the store follows `storeDir`, the inbox restarts on its folders and `keep`).
 *
 * IT's signed file is watched: a new `settings.signed` is verified again (signature, trust,
 * not older than the one in use: settings/it-settings.ts) and applied live — its settings
 * through the same change events, its `rollbackReset` through `onReset`. A refused file changes
 * nothing and is reported.
 */
import { unwatchFile, watchFile } from 'node:fs';
import {
  laptopSettings,
  type LaptopSettings,
  type SignedReset,
  type SignedSettingsSource,
} from '../settings/it-settings.ts';
import { loadSettings, saveSettings, type Settings } from '../settings/settings.ts';

export type SettingsListener = (
  next: Settings,
  previous: Settings,
  changed: readonly (keyof Settings)[],
) => void | Promise<void>;

export type ResetListener = (reset: SignedReset) => void | Promise<void>;

export interface SettingsService {
  current(): Settings;
  /** Saves `next` and, once it is on disk, tells every listener; resolves when they are done. */
  update(next: Settings): Promise<(keyof Settings)[]>;
  onChange(listener: SettingsListener): () => void;
  /** The rollback reset IT signed into the settings.signed in use, if any (applied once per id). */
  rollbackReset(): SignedReset | null;
  /** A settings.signed arriving while the app runs with a rollback reset not seen before. */
  onReset(listener: ResetListener): () => void;
  /**
   * Reads settings.signed again now (the watcher calls it when the file changes); resolves
   * once every listener is done. Returns the problems found (also logged).
   */
  reloadSigned(): Promise<string[]>;
  /** Stops watching settings.signed. */
  [Symbol.dispose](): void;
}

/** How often settings.signed is looked at (a stat; polling survives IT replacing the file). */
const WATCH_MS = 2_000;

const changedKeys = (next: Settings, before: Settings): (keyof Settings)[] =>
  (Object.keys(next) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]),
  );

const resetOf = (loaded: LaptopSettings): SignedReset | null =>
  loaded.it?.rollbackReset === undefined
    ? null
    : {
        id: loaded.it.rollbackReset,
        issuedAt: loaded.it.issuedAt,
        signer: loaded.itSigner ?? 'unknown',
      };

/**
 * Clinical settings from `file` (settings.json); IT's only from `signed.file` (settings.signed),
 * verified against `signed.trust` — the trust store shipped with the app (settings/it-settings.ts).
 */
export function createSettingsService(
  file: string,
  log: { warn(message: string): void },
  signed: (SignedSettingsSource & { readonly watchMs?: number }) | null = null,
): SettingsService {
  const plain = loadSettings(file);
  let loaded: LaptopSettings = signed
    ? laptopSettings(plain, signed)
    : { ...plain, it: null, itSigner: null };
  for (const problem of loaded.problems) log.warn(problem);
  let settings = loaded.settings;
  const listeners = new Set<SettingsListener>();
  const resetListeners = new Set<ResetListener>();

  const announce = async (next: Settings): Promise<(keyof Settings)[]> => {
    const changed = changedKeys(next, settings);
    if (changed.length === 0) return changed;
    const previous = settings;
    settings = next;
    for (const listener of listeners) await listener(next, previous, changed);
    return changed;
  };

  // One reload at a time: a second change waits for the first one's listeners.
  let reloading: Promise<string[]> = Promise.resolve([]);
  const reloadSigned = (): Promise<string[]> => {
    reloading = reloading.then(async () => {
      if (!signed) return [];
      // The clinical settings are the ones in use; only the IT part is read again.
      const next = laptopSettings({ settings, problems: [], keysInFile: [] }, signed);
      for (const problem of next.problems) log.warn(problem);
      const previousReset = resetOf(loaded)?.id ?? null;
      loaded = next;
      await announce(next.settings);
      const reset = resetOf(next);
      if (reset && reset.id !== previousReset) {
        for (const listener of resetListeners) await listener(reset);
      }
      return next.problems;
    });
    return reloading;
  };

  const watching = signed?.file ?? null;
  const onFileChange = (): void => {
    reloadSigned().catch((e: unknown) =>
      log.warn(`settings: settings.signed could not be applied (${String(e)})`),
    );
  };
  if (watching) {
    watchFile(watching, { interval: signed?.watchMs ?? WATCH_MS, persistent: false }, onFileChange);
  }

  return {
    current: () => settings,
    async update(next) {
      if (changedKeys(next, settings).length === 0) return [];
      // IT's fields are not the ward's file's: they live in settings.signed (it-settings.ts).
      saveSettings(file, next, { clinicalOnly: signed !== null });
      return announce(next);
    },
    rollbackReset: () => resetOf(loaded),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
    reloadSigned,
    [Symbol.dispose]() {
      if (watching) unwatchFile(watching, onFileChange);
    },
  };
}
