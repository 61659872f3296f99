/**
 * `downtime print`: renders a report of an export to a PDF file, for IT's batch pre-printing at
 * shift change. The same renderer as the app's Print screen (core/print/render.ts).
 *
 * The PDF is written to `FILE.part` and renamed when complete, so a failed or interrupted run
 * never leaves a half document that looks like a whole one.
 */
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { LanguageSchema, PaperSchema, ReportKindSchema } from '../../core/api/contract.ts';
import {
  allPatientIds,
  findPatientsByMrn,
  listWards,
  type ReadonlyDb,
} from '../../core/db/queries.ts';
import { AppError } from '../../core/errors.ts';
import {
  MAR_DAY_CHOICES,
  MAR_START_CHOICES,
  type MarDays,
  type MarStart,
} from '../../core/print/mar-window.ts';
import { renderReport, type ReportRequest } from '../../core/print/render.ts';

const HANDOVER_LAYOUTS = ['per-patient', 'board'] as const;
import { type Command, parseCommandArgs, requireOption, UsageError } from '../cli-kit.ts';
import { OPEN_EXPORT_OPTIONS, openExportFromArgs, settingsFromArgs } from '../export-args.ts';

const usage = `Usage: downtime print X.dtx --trust site.pub… --identity device.key --passphrase-file F
                      --report handover|mar|census|summary [--ward ID] [--patient MRN]
                      [--lang fr|nl|de|en] [--paper A4|Letter] [--start now|round|ISO]
                      [--days 1|3|7] [--layout per-patient|board] [--user NAME]
                      [--settings FILE] --out FILE.pdf

Prints a report of the export to a PDF file (the same documents as the app's Print screen).

  --trust PATH          a site.pub file or a folder of *.pub files; repeat it for several
  --identity FILE       this laptop's sealed device identity (downtime keygen device)
  --passphrase-file F   the ward passphrase, on the first line of F
  --report KIND         handover (I-PASS, per ward or patient), mar (24 h worksheet, per ward
                        or patient), census (one ward, or every ward without --ward),
                        summary (the whole chart of one patient)
  --ward ID             the ward id (or its exact name)
  --patient MRN         the patient's MRN
  --lang LANG           fr, nl, de or en (default: the settings' language, else en)
  --paper SIZE          A4 or Letter (default: the settings' paper size, else A4)
  --start WHEN          MAR window start: now (default), round (the start of the current round,
                        from the settings' round start times), or an ISO date and time such
                        as 2026-11-28T07:00:00+01:00
  --days N              MAR length in wall-clock days: 1 (default), 3 or 7 (days as columns)
  --layout L            handover: per-patient (default) or board (one row per bed)
  --user NAME           who printed it, for the footer (default: the login name)
  --settings FILE       the viewer's settings file: time zone and administration times
  --out FILE.pdf        where to write the PDF

Exit 0 written, 1 refused or failed (one line on stderr says why and what to do), 2 usage.`;

export const printCommand: Command = {
  name: 'print',
  summary: 'print a handover, MAR worksheet, census or patient summary to a PDF file',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...OPEN_EXPORT_OPTIONS,
      report: { type: 'string' },
      ward: { type: 'string' },
      patient: { type: 'string' },
      lang: { type: 'string' },
      paper: { type: 'string' },
      start: { type: 'string' },
      days: { type: 'string' },
      layout: { type: 'string' },
      user: { type: 'string' },
      settings: { type: 'string' },
      out: { type: 'string' },
    });
    const report = choice(
      ReportKindSchema.options,
      requireOption(values.report, '--report'),
      '--report',
    );
    const outPath = requireOption(values.out, '--out');
    const settings = settingsFromArgs(values.settings);
    const language =
      values.lang === undefined
        ? (settings.language ?? 'en')
        : choice(LanguageSchema.options, values.lang, '--lang');
    const paper =
      values.paper === undefined
        ? settings.paper
        : choice(PaperSchema.options, values.paper, '--paper');
    const window = {
      ...(values.start === undefined ? {} : startOf(values.start)),
      ...(values.days === undefined ? {} : { days: daysOf(values.days) }),
      ...(values.layout === undefined
        ? {}
        : { handoverLayout: choice(HANDOVER_LAYOUTS, values.layout, '--layout') }),
    };
    const { manifest, db } = await openExportFromArgs(positionals, values);
    try {
      const request: ReportRequest = {
        report,
        ...(values.ward === undefined ? {} : { wardId: wardIdOf(db, values.ward) }),
        ...(values.patient === undefined ? {} : { patientId: patientIdOf(db, values.patient) }),
        ...window,
      };
      const context = {
        manifest,
        language,
        paper,
        printedAt: new Date(),
        printedBy: values.user ?? loginName(),
        timeZone: settings.timeZone,
        adminTimes: settings.adminTimes,
        roundStarts: settings.roundStarts,
        censusBarcodes: settings.censusBarcodes,
        staleAmberHours: settings.staleAmberHours,
      };
      const { pages } = await writeAtomically(outPath, (out) =>
        renderReport(db, request, context, out),
      );
      io.out(`${outPath}: ${pages} page${pages === 1 ? '' : 's'} (${report})`);
      return 0;
    } finally {
      db.close();
    }
  },
};

function choice<T extends string>(options: readonly T[], value: string, flag: string): T {
  const found = options.find((o) => o === value);
  if (found === undefined)
    throw new UsageError(`${flag} must be one of ${options.join(', ')} (got "${value}")`);
  return found;
}

/** `--start`: now, round, or an instant. */
function startOf(value: string): { marStart: MarStart } | { start: Date } {
  const named = MAR_START_CHOICES.find((c) => c === value);
  return named === undefined ? { start: instant(value) } : { marStart: named };
}

function daysOf(value: string): MarDays {
  const days = MAR_DAY_CHOICES.find((d) => String(d) === value);
  if (days === undefined)
    throw new UsageError(`--days must be one of ${MAR_DAY_CHOICES.join(', ')} (got "${value}")`);
  return days;
}

function instant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--start must be now, round, or an ISO date and time such as 2026-11-28T07:00:00+01:00 (got "${value}")`,
    );
  }
  return date;
}

/** The settings file, refused rather than half-used: wrong administration times misprint a MAR. */
function wardIdOf(db: ReadonlyDb, ward: string): string {
  const wards = listWards(db);
  const found =
    wards.find((w) => w.id === ward) ??
    wards.find((w) => w.name.toLocaleLowerCase() === ward.toLocaleLowerCase());
  if (!found) {
    throw new AppError(
      'not-found',
      `There is no ward "${ward}" in this export; \`downtime inspect\` lists its wards.`,
    );
  }
  return found.id;
}

function patientIdOf(db: ReadonlyDb, mrn: string): string {
  const hits = findPatientsByMrn(db, mrn);
  // A shared MRN never prints one of its patients silently (the record id picks one).
  if (hits.length > 1)
    throw new AppError(
      'invalid-argument',
      `The MRN given with --patient is shared by ${hits.length} patients (records ${hits.map((h) => h.patientId).join(', ')}); give --patient with one of these record ids.`,
    );
  const id = hits[0]?.patientId ?? (allPatientIds(db).includes(mrn.trim()) ? mrn.trim() : null);
  if (id === null)
    throw new AppError(
      'not-found',
      'No patient in this export has the MRN given with --patient; check the number.',
    );
  return id;
}

function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'downtime print';
  }
}

/** Writes through `FILE.part`, renamed into place only when `write` succeeds. */
async function writeAtomically<T>(
  path: string,
  write: (out: NodeJS.WritableStream) => Promise<T>,
): Promise<T> {
  const partial = `${path}.part`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (e) {
    throw cannotWrite(path, e);
  }
  const out = createWriteStream('', { fd });
  try {
    const result = await write(out);
    renameSync(partial, path);
    return result;
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    // File-system failures (errno codes) become one clear line; anything else stays itself.
    throw e instanceof Error && 'code' in e && !(e instanceof AppError) ? cannotWrite(path, e) : e;
  }
}

function cannotWrite(path: string, e: unknown): AppError {
  const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'write failed';
  return new AppError(
    'io',
    `Cannot write ${path} (${code}); check that the folder exists, is writable and has space.`,
  );
}
