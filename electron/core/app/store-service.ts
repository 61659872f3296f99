/**
 * The store service: the main thread's view of the export store, opened read-only — it never
 * sweeps, repairs or installs, because the inbox worker is the store's one writer (a read-only
 * open cannot delete the `.incoming-*` file the worker is writing). It follows `storeDir` and
 * re-reads the folder when the inbox reports an install.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORTS_FOLDER } from '../store/store-index.ts';
import { openStore, type Store } from '../store/store.ts';
import type { Settings } from '../settings/settings.ts';
import type { SettingsService } from './settings-service.ts';

export interface StoreService {
  current(): Store;
  /** Re-reads the store folder (after an install by the inbox worker). */
  refresh(): void;
  dirOf(settings: Settings): string;
}

export function createStoreService(
  settings: SettingsService,
  defaultStoreDir: string,
): StoreService {
  const dirOf = (s: Settings): string => s.storeDir ?? defaultStoreDir;
  const open = (): Store => {
    const dir = dirOf(settings.current());
    // Creating the empty folders races with nothing; everything inside is the writer's.
    mkdirSync(join(dir, EXPORTS_FOLDER), { recursive: true });
    return openStore(dir, { keep: settings.current().keep, readOnly: true });
  };
  let store = open();
  settings.onChange((_next, _previous, changed) => {
    if (changed.includes('storeDir') || changed.includes('keep')) store = open();
  });
  return {
    current: () => store,
    refresh() {
      store = open();
    },
    dirOf,
  };
}
