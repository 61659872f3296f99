import { defineConfig } from 'vitest/config';
import { buildInfoDefine } from './scripts/build-info.ts';

export default defineConfig({
  // The build's version and commit, as electron-vite bakes them in (core/version.ts).
  define: buildInfoDefine(),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 and worker threads are happiest in forked processes.
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
