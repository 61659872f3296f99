/**
 * The store service: the main thread's view of the export store, opened read-only — it never
 * repairs or installs, because the inbox worker is the store's one writer (a read-only open
 * cannot delete the `.incoming-*` file the worker is writing). It follows `storeDir` and
 * re-reads the folder when the inbox reports an install.
 *
 * With no inbox configured there is no worker, so nothing would ever sweep what a crashed
 * write left behind: then this service sweeps, at each open, the temporaries old enough that no
 * writer can still be at work on them (`sweepStaleTemporaries`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORTS_FOLDER } from '../store/store-index.ts';
import { openStore, sweepStaleTemporaries, type Store } from '../store/store.ts';
import type { Settings } from '../settings/settings.ts';
import type { SettingsService } from './settings-service.ts';

export interface StoreService {
  current(): Store;
  /** Re-reads the store folder (after an install by the inbox worker). */
  refresh(): void;
  dirOf(settings: Settings): string;
}

/** The settings that change which store is open, or who may sweep it. */
const STORE_SETTINGS = [
  'storeDir',
  'keep',
  'inboxDir',
] as const satisfies readonly (keyof Settings)[];

export function createStoreService(
  settings: SettingsService,
  defaultStoreDir: string,
): StoreService {
  const dirOf = (s: Settings): string => s.storeDir ?? defaultStoreDir;
  const open = (): Store => {
    const current = settings.current();
    const dir = dirOf(current);
    // Creating the empty folders races with nothing; everything inside is the writer's.
    mkdirSync(join(dir, EXPORTS_FOLDER), { recursive: true });
    if (current.inboxDir === null) sweepStaleTemporaries(dir);
    return openStore(dir, { keep: current.keep, readOnly: true });
  };
  let store = open();
  settings.onChange((_next, _previous, changed) => {
    if (changed.some((key) => (STORE_SETTINGS as readonly string[]).includes(key))) store = open();
  });
  return {
    current: () => store,
    refresh() {
      store = open();
    },
    dirOf,
  };
}
