/**
 * The laptop's settings: one JSON file, validated field by field with zod, edited in the app by
 * IT. A laptop that boots on the worst night of the year must still come up, so a bad file never
 * stops it: each bad field falls back to its safe default and is reported by name (as is every
 * key we do not know, which is usually a typo that would otherwise be silently ignored).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LanguageSchema, PaperSchema } from '../model.ts';
import { AppError } from '../errors.ts';
import { AdminTimesSchema, DEFAULT_ADMIN_TIMES, WallTimeSchema } from '../schedule/admin-times.ts';
import { writeFileAtomic } from '../store/atomic-file.ts';
import {
  DEFAULT_WRISTBANDS,
  LABEL_SHEET_PRESETS,
  LabelSheetSchema,
  sheetProblem,
  WristbandsSchema,
} from '../print/media.ts';

/** Longest path the settings accept (Windows' long-path limit is 32,767; no real folder is near 4,096). */
const MAX_PATH_LENGTH = 4096;
const PathSchema = z.string().trim().min(1).max(MAX_PATH_LENGTH).nullable();

const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, 'expected an IANA time zone such as "Europe/Brussels"');

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One schema per field, so a bad field is judged (and replaced) on its own. */
const FIELDS = {
  /** The watched folder exports arrive in; null: no inbox (install with `downtime install`). */
  inboxDir: PathSchema,
  /** Folder of pinned site public keys; null: the trust store bundled with the app. */
  trustDir: PathSchema,
  /** Where installed exports live; null: the app's data folder. */
  storeDir: PathSchema,
  /** How many older exports the store keeps besides the current one. */
  keep: z.number().int().min(0).max(50),
  /** Inactivity before the viewer locks and drops decrypted data. */
  lockTimeoutSeconds: z
    .number()
    .int()
    .min(30)
    .max(24 * 3600),
  /** Data older than this is shown amber, older than `staleRedHours` red. */
  staleAmberHours: z
    .number()
    .positive()
    .max(24 * 365),
  staleRedHours: z
    .number()
    .positive()
    .max(24 * 365),
  /** Null: follow the operating system's language. */
  language: LanguageSchema.nullable(),
  paper: PaperSchema,
  /** Null: the system's default printer. */
  defaultPrinter: z.string().min(1).max(256).nullable(),
  /** The ward's clock: schedules and printed times are in this zone. */
  timeZone: TimeZoneSchema,
  adminTimes: AdminTimesSchema,
  /**
   * Clinical: when the ward's rounds start (the shift changes). A MAR printed "from the start of
   * the round" begins at the latest of these, so a round the outage interrupted stays on paper.
   */
  roundStarts: z.array(WallTimeSchema).min(1).max(12),
  /** The printed census: an MRN barcode on each row (about 16 rows a page) or not (about 25). */
  censusBarcodes: z.boolean(),
  /** The ward's sticker sheets for patient labels (presets: print/media.ts). */
  labelSheet: LabelSheetSchema.refine((sheet) => sheetProblem(sheet) === null, {
    message: 'the labels do not fit on an A4 sheet',
  }),
  /** The ward's wristband media, adult and child. */
  wristbands: WristbandsSchema,
} as const;

/**
 * The fields that decide what the laptop trusts and where it reads: IT's alone, set only by a
 * signed settings file (it-settings.ts), never by the ward passphrase.
 */
export const IT_SETTING_KEYS = ['inboxDir', 'trustDir', 'storeDir', 'keep'] as const;
export type ItSettingKey = (typeof IT_SETTING_KEYS)[number];
export const isItSettingKey = (key: string): key is ItSettingKey =>
  (IT_SETTING_KEYS as readonly string[]).includes(key);
export const IT_FIELD_SCHEMAS = {
  inboxDir: FIELDS.inboxDir,
  trustDir: FIELDS.trustDir,
  storeDir: FIELDS.storeDir,
  keep: FIELDS.keep,
} as const satisfies Record<ItSettingKey, z.ZodType>;

export const SettingsSchema = z
  .object(FIELDS)
  .strict()
  .refine((s) => s.staleAmberHours < s.staleRedHours, {
    path: ['staleRedHours'],
    message: 'must be greater than staleAmberHours',
  });
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  inboxDir: null,
  trustDir: null,
  storeDir: null,
  keep: 3,
  lockTimeoutSeconds: 300,
  staleAmberHours: 2,
  staleRedHours: 8,
  language: null,
  paper: 'A4',
  defaultPrinter: null,
  timeZone: 'Europe/Brussels',
  adminTimes: DEFAULT_ADMIN_TIMES,
  roundStarts: ['07:00', '15:00', '22:00'],
  censusBarcodes: false,
  labelSheet: LABEL_SHEET_PRESETS['3x7'],
  wristbands: DEFAULT_WRISTBANDS,
};

type FieldName = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

const describeIssue = (
  field: string,
  issue: z.core.$ZodIssue | undefined,
  fallback = 'the default',
): string => {
  const where = [field, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return `settings: "${where}" ${issue?.message ?? 'is invalid'}; using ${fallback} instead`;
};

/**
 * Reads the settings file. A missing file is a first run: defaults, no problems. Anything else
 * wrong gives the defaults for what is wrong and one problem sentence per field; never throws.
 */
export interface LoadedSettings {
  readonly settings: Settings;
  readonly problems: string[];
  /** The keys the file names (so the laptop can report IT fields it ignores there). */
  readonly keysInFile: string[];
}

export function loadSettings(path: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: DEFAULT_SETTINGS, problems: [], keysInFile: [] };
    return {
      settings: DEFAULT_SETTINGS,
      problems: [`settings: ${path} cannot be read; using the defaults for everything`],
      keysInFile: [],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [`settings: ${path} is not a JSON object; using the defaults for everything`],
      keysInFile: [],
    };
  }
  return { ...settingsFromObject(json as Record<string, unknown>), keysInFile: Object.keys(json) };
}

function settingsFromObject(input: Record<string, unknown>): {
  settings: Settings;
  problems: string[];
} {
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(FIELDS, key))
      problems.push(`settings: "${key}" is not a known setting (a typo?); it is ignored`);
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of FIELD_NAMES) {
    if (!Object.hasOwn(input, field)) continue;
    const parsed = FIELDS[field].safeParse(
      field === 'adminTimes' ? overDefaultAdminTimes(input[field]) : input[field],
    );
    if (parsed.success) settings[field] = parsed.data;
    else problems.push(describeIssue(field, parsed.error.issues[0]));
  }
  const whole = SettingsSchema.safeParse(settings);
  if (whole.success) return { settings: whole.data, problems };
  // Only the cross-field rule can fail here: the thresholds go back to their defaults together.
  problems.push(describeIssue('', whole.error.issues[0], 'the defaults for both thresholds'));
  return {
    settings: {
      ...(settings as Settings),
      staleAmberHours: DEFAULT_SETTINGS.staleAmberHours,
      staleRedHours: DEFAULT_SETTINGS.staleRedHours,
    },
    problems,
  };
}

/**
 * A site usually changes a few administration times (say BID at 09:00 and 21:00), not the whole
 * table: the tables given are laid over the defaults, row by row.
 */
function overDefaultAdminTimes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const given = value as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...given };
  for (const table of ['perDay', 'everyHours', 'when'] as const) {
    const rows = given[table];
    if (rows === undefined) merged[table] = DEFAULT_ADMIN_TIMES[table];
    else if (typeof rows === 'object' && rows !== null && !Array.isArray(rows))
      merged[table] = { ...DEFAULT_ADMIN_TIMES[table], ...rows };
  }
  return merged;
}

/**
 * Validates and writes the file atomically; invalid settings are never written. `clinicalOnly`
 * leaves the IT fields out (the laptop's settings.json holds only what the ward may change).
 */
export function saveSettings(
  path: string,
  settings: Settings,
  options: { readonly clinicalOnly?: boolean } = {},
): void {
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid-config',
      `The setting "${issue?.path.join('.') ?? ''}" ${issue?.message ?? 'is invalid'}; correct it and save again.`,
    );
  }
  try {
    const written = options.clinicalOnly
      ? Object.fromEntries(Object.entries(parsed.data).filter(([key]) => !isItSettingKey(key)))
      : parsed.data;
    writeFileAtomic(path, `${JSON.stringify(written, null, 2)}\n`);
  } catch (e) {
    throw new AppError(
      'io',
      `The settings could not be saved to ${path}; check the disk and the folder permissions.`,
      {
        cause: e,
      },
    );
  }
}
