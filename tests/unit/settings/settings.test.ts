import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type Settings,
} from '../../../electron/core/settings/settings.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeJson = (value: unknown): void => writeFileSync(file, JSON.stringify(value));

describe('loadSettings', () => {
  it('a first run without a file gets the defaults and no problems', () => {
    expect(loadSettings(file)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
      keysInFile: [],
    });
  });

  it('the documented defaults: 5 min lock, amber at 2 h, red at 8 h, keep 3, A4, Brussels', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      lockTimeoutSeconds: 300,
      staleAmberHours: 2,
      staleRedHours: 8,
      keep: 3,
      paper: 'A4',
      language: null,
      timeZone: 'Europe/Brussels',
    });
  });

  it('reads a valid file as written', () => {
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      inboxDir: '/srv/inbox',
      keep: 5,
      language: 'nl',
      paper: 'Letter',
      defaultPrinter: 'Ward 3 HP',
    };
    writeJson(custom);
    expect(loadSettings(file)).toMatchObject({ settings: custom, problems: [] });
  });

  it('a field of the wrong type falls back to its default and is named; good fields are kept', () => {
    writeJson({ lockTimeoutSeconds: '300', paper: 'A3', language: 'fr', keep: 2.5 });
    const { settings, problems } = loadSettings(file);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, language: 'fr' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/"lockTimeoutSeconds"/);
    expect(problems.join('\n')).toMatch(/"paper"/);
    expect(problems.join('\n')).toMatch(/"keep"/);
  });

  it('names the nested field inside the administration times', () => {
    writeJson({
      adminTimes: { ...DEFAULT_SETTINGS.adminTimes, perDay: { '2': ['08:00', '25:00'] } },
    });
    const { settings, problems } = loadSettings(file);
    expect(settings.adminTimes).toEqual(DEFAULT_SETTINGS.adminTimes);
    expect(problems).toEqual([expect.stringContaining('"adminTimes.perDay.2.1"')]);
  });

  it('a site changes a few administration times; the rest of the table stays the default', () => {
    writeJson({ adminTimes: { perDay: { '2': ['09:00', '21:00'] }, when: { HS: ['22:00'] } } });
    const { settings, problems } = loadSettings(file);
    expect(problems).toEqual([]);
    expect(settings.adminTimes.perDay['2']).toEqual(['09:00', '21:00']);
    expect(settings.adminTimes.perDay['3']).toEqual(DEFAULT_SETTINGS.adminTimes.perDay['3']);
    expect(settings.adminTimes.when.HS).toEqual(['22:00']);
    expect(settings.adminTimes.when.MORN).toEqual(DEFAULT_SETTINGS.adminTimes.when.MORN);
    expect(settings.adminTimes.everyHours).toEqual(DEFAULT_SETTINGS.adminTimes.everyHours);
  });

  it('reports unknown keys instead of silently accepting them', () => {
    writeJson({ lockTimeoutSecs: 60, paper: 'Letter' });
    const { settings, problems } = loadSettings(file);
    expect(settings.paper).toBe('Letter');
    expect(settings.lockTimeoutSeconds).toBe(300);
    expect(problems).toEqual([expect.stringContaining('"lockTimeoutSecs" is not a known setting')]);
  });

  it('keys that only exist on every JavaScript object are unknown too', () => {
    writeFileSync(file, '{"toString": 1, "constructor": {}}');
    expect(loadSettings(file).problems).toHaveLength(2);
  });

  it('an amber threshold not below the red one resets both thresholds', () => {
    writeJson({ staleAmberHours: 10, staleRedHours: 4 });
    const { settings, problems } = loadSettings(file);
    expect([settings.staleAmberHours, settings.staleRedHours]).toEqual([2, 8]);
    expect(problems).toEqual([expect.stringContaining('staleRedHours')]);
  });

  it('an unknown time zone is refused by name', () => {
    writeJson({ timeZone: 'Europe/Atlantis' });
    expect(loadSettings(file).problems).toEqual([expect.stringContaining('"timeZone"')]);
  });

  it('a file that is not JSON, or not an object, gives all defaults and says so', () => {
    for (const content of ['{"keep": 3', '[1,2]', 'null', '']) {
      writeFileSync(file, content);
      const { settings, problems } = loadSettings(file);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual([expect.stringContaining('not a JSON object')]);
    }
  });
});

describe('saveSettings', () => {
  it('writes a file that loads back identically, leaving no temporary file behind', () => {
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      trustDir: '/etc/downtime/trust',
      staleRedHours: 12,
    };
    saveSettings(file, custom);
    expect(loadSettings(file)).toMatchObject({ settings: custom, problems: [] });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('refuses to write invalid settings and leaves the old file untouched', () => {
    saveSettings(file, DEFAULT_SETTINGS);
    const before = readFileSync(file, 'utf8');
    expect(() => saveSettings(file, { ...DEFAULT_SETTINGS, lockTimeoutSeconds: -1 })).toThrow(
      expect.objectContaining({
        kind: 'invalid-config',
        message: expect.stringContaining('lockTimeoutSeconds'),
      }),
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('an unwritable folder is an io error', () => {
    expect(() => saveSettings(join(dir, 'no', 'such', 'settings.json'), DEFAULT_SETTINGS)).toThrow(
      expect.objectContaining({ kind: 'io' }),
    );
  });
});
