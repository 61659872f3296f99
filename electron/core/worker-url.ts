/**
 * Where a worker thread's script is. From sources (tests, scripts, the E2E harness) Node runs
 * the `.ts` file beside the caller; the build emits `out/main/<name>.js`, next to the bundle that
 * starts it, or one folder up when the caller landed in a shared chunk.
 */
import { existsSync } from 'node:fs';

export function workerScriptUrl(name: string, callerUrl: string): URL {
  if (callerUrl.endsWith('.ts')) return new URL(`./${name}.ts`, callerUrl);
  const candidates = [`./${name}.js`, `../${name}.js`].map((p) => new URL(p, callerUrl));
  return candidates.find((url) => existsSync(url)) ?? candidates[0]!;
}
