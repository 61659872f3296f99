/**
 * The settings service: the validated settings file, read once at start, changed only through
 * `update` (which saves before it announces), and change events for the services that depend on
 * a setting (the store follows `storeDir`, the inbox restarts on its folders and `keep`).
 *
 * IT's signed file is watched: a new `settings.signed` is verified again (signature, trust,
 * not older than the one in use: settings/it-settings.ts) and applied live — its settings
 * through the same change events, its `rollbackReset` through `onReset`. A refused file changes
 * nothing and is reported (log and readiness). The mark of the file in use is watched too: one
 * edited or deleted while the app runs is rewritten at once from the one the service holds.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { ItSettingsStatus } from '../readiness/readiness.ts';
import {
  checkClinicalChange,
  type ItSettingsFinding,
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
  /**
   * Saves `next` and, once it is on disk, tells every listener; resolves when they are done.
   * With IT's signed file in use, a change to an IT field is refused (`invalid-config`) and
   * nothing changes: those fields come from settings.signed alone.
   */
  update(next: Settings): Promise<(keyof Settings)[]>;
  onChange(listener: SettingsListener): () => void;
  /** The rollback reset IT signed into the settings.signed in use, if any (applied once per id). */
  rollbackReset(): SignedReset | null;
  /** IT's settings for the readiness check: the one in use and what was refused, worst first. */
  itSettingsStatus(): ItSettingsStatus;
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
    : { ...plain, findings: [], it: null, itSigner: null, record: null };
  // A mark edited or deleted while the app runs was there at start: the one remembered is put
  // back, so no file older than the one in use is ever accepted (settings/it-settings.ts).
  const rereading: SignedSettingsSource | null = signed && {
    ...signed,
    markExpected: true,
    remembered: () => loaded.record,
  };
  /** Kept for the app's lifetime: a record changed under the running app is worth IT's look. */
  let tampered: ItSettingsFinding[] = [];
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
      if (!rereading) return [];
      // The clinical settings are the ones in use; only the IT part is read again.
      const next = laptopSettings({ settings, problems: [], keysInFile: [] }, rereading);
      const restored = next.findings.filter((f) => f.fact.code === 'it-settings-mark-restored');
      if (restored.length > 0) tampered = restored;
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

  // settings.signed and its mark: a mark deleted or edited is rewritten at once.
  const watching = signed ? [signed.file, ...(signed.mark ? [signed.mark.file] : [])] : [];
  const onFileChange = (): void => {
    reloadSigned().catch((e: unknown) =>
      log.warn(`settings: settings.signed could not be applied (${String(e)})`),
    );
  };
  for (const file of watching) {
    watchFile(file, { interval: signed?.watchMs ?? WATCH_MS, persistent: false }, onFileChange);
  }

  return {
    current: () => settings,
    async update(next) {
      // IT's fields are not the ward's: they live in settings.signed (it-settings.ts). Held in
      // memory they would act until the next reload of that file silently undid them.
      if (signed) checkClinicalChange(settings, next);
      if (changedKeys(next, settings).length === 0) return [];
      saveSettings(file, next, { clinicalOnly: signed !== null });
      return announce(next);
    },
    rollbackReset: () => resetOf(loaded),
    itSettingsStatus: () => ({
      findings: [...tampered, ...loaded.findings.filter((f) => !tampered.includes(f))],
      signer: loaded.itSigner,
      issuedAt: loaded.it?.issuedAt ?? null,
    }),
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
      for (const file of watching) unwatchFile(file, onFileChange);
    },
  };
}
