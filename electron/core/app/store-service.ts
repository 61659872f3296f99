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
  guard: {
    /** The key of the store's rollback state, so its health reports a deleted or edited state. */
    readonly rollbackKey: (settings: Settings) => Buffer;
    /** Called with each store opened (at start, after an install, after a move). */
    readonly onOpen: (store: Store) => void;
  } | null = null,
): StoreService {
  const dirOf = (s: Settings): string => s.storeDir ?? defaultStoreDir;
  const open = (): Store => {
    const s = settings.current();
    const dir = dirOf(s);
    // Creating the empty folders races with nothing; everything inside is the writer's.
    mkdirSync(join(dir, EXPORTS_FOLDER), { recursive: true });
    if (s.inboxDir === null) sweepStaleTemporaries(dir);
    const opened = openStore(dir, {
      keep: s.keep,
      readOnly: true,
      ...(guard ? { rollbackKey: guard.rollbackKey(s) } : {}),
    });
    guard?.onOpen(opened);
    return opened;
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
