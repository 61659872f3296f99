import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { buildInfoDefine } from './scripts/build-info.ts';

/** Version and commit, the same in every bundle (core/version.ts). */
const define = buildInfoDefine();

/**
 * Three builds: main (with the core workers and the `downtime` CLI as extra Node entries, so
 * all Node code is bundled once), a single-file sandboxed preload, and the renderer.
 */
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'engine-worker': resolve('electron/core/engine/engine-worker.ts'),
          'inbox-worker': resolve('electron/core/inbox/inbox-worker.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    define,
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() siblings: bundle it into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    define,
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
