/**
 * The bundled print font (DejaVu Sans, regular and bold, `resources/fonts/`). Embedded in every
 * PDF because the standard PDF fonts are not embedded and cannot print ≥ → ✓ œ reliably, and a
 * ward laptop may lack any system font. The folder is found by walking up from this module, which
 * works both from the sources (`electron/core/print/`) and from the bundle (`out/main/`); a
 * packaged app whose fonts live elsewhere passes `fontsDir`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';

export interface FontFiles {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

const missingFont = (): AppError =>
  new AppError(
    'internal',
    `The print font (resources/fonts/${REGULAR}) is missing from this installation; reinstall Downtime Viewer.`,
  );

/** The nearest `resources/fonts` folder above `from` that holds the font. */
export function findFontsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, REGULAR))) return candidate;
    if (dirname(dir) === dir) throw missingFont();
  }
}

// Read once per process: a ward's worth of reports should not re-read 1.4 MB of font each time.
const cache = new Map<string, FontFiles>();

export function loadFonts(fontsDir: string = findFontsDir()): FontFiles {
  let fonts = cache.get(fontsDir);
  if (!fonts) {
    try {
      fonts = {
        regular: readFileSync(join(fontsDir, REGULAR)),
        bold: readFileSync(join(fontsDir, BOLD)),
      };
    } catch {
      throw missingFont();
    }
    cache.set(fontsDir, fonts);
  }
  return fonts;
}
