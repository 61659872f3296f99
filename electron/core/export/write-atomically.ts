import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

/**
 * Writes `path` as `path.part`, then renames it: a reader (an inbox, a copy script) never sees
 * a half-written export under its real name, and a failed write leaves nothing behind.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const part = `${path}.part`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'error';
    throw new AppError(
      'io',
      `Cannot write ${path} (${code}); check the folder exists and is writable.`,
    );
  }
}
