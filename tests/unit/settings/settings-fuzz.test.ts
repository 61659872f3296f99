import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSettings, SettingsSchema } from '../../../electron/core/settings/settings.ts';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-fuzz-'));
  file = join(dir, 'settings.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('whatever the file holds, loadSettings returns valid settings and never throws', () => {
  const field = fc.constantFrom(
    'inboxDir',
    'keep',
    'lockTimeoutSeconds',
    'staleAmberHours',
    'staleRedHours',
    'language',
    'paper',
    'timeZone',
    'adminTimes',
    'bogus',
  );
  fc.assert(
    fc.property(
      fc.oneof(fc.dictionary(field, fc.jsonValue()), fc.jsonValue(), fc.string()),
      (content) => {
        writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
        const { settings } = loadSettings(file);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});
