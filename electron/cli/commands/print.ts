/**
 * `downtime print`: renders a report of an export to a PDF file or straight to a printer, for
 * IT's batch pre-printing at shift change. The same renderer as the app's Print screen
 * (core/print/render.ts), the same spooler path as the app's fallback (core/print/spool.ts).
 *
 * The PDF is written to `FILE.part` and renamed when complete, so a failed or interrupted run
 * never leaves a half document that looks like a whole one. To a printer, the PDF is rendered
 * in memory and piped to `lp` on standard input: no plaintext copy on disk.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { Writable } from 'node:stream';
import {
  LanguageSchema,
  PaperSchema,
  ReportKindSchema,
  type ReportKind,
  type ReportRequest,
} from '../../core/api/contract.ts';
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
import { renderReport, type ReportSettings } from '../../core/print/render.ts';
import { OBS_LAYOUT_CHOICES } from '../../core/print/obs-chart.ts';
import { MAX_COPIES, sendToSpooler } from '../../core/print/spool.ts';
import { issueRegistration, readRegistrations } from '../../core/registrations/registrations.ts';
import { openStore } from '../../core/store/store.ts';
import type { Manifest } from '../../core/model.ts';

const HANDOVER_LAYOUTS = ['per-patient', 'board'] as const;
import { type Command, parseCommandArgs, requireOption, UsageError } from '../cli-kit.ts';
import { OPEN_EXPORT_OPTIONS, openExportFromArgs, settingsFromArgs } from '../export-args.ts';

const usage = `Usage: downtime print X.dtx --trust site.pub… --identity device.key --passphrase-file F
                      --report KIND [--ward ID] [--patient MRN]
                      [--lang fr|nl|de|en] [--paper A4|Letter] [--start now|round|ISO]
                      [--end ISO] [--days 1|3|7] [--layout per-patient|board|news2|pews]
                      [--hours 24|72] [--count N] [--band adult|child] [--user NAME]
                      [--settings FILE] (--out FILE.pdf | --printer NAME [--copies N])
       downtime print X.dtx … --report registration --ward ID --store DIR [--number N] …
       downtime print X.dtx … --all-wards --report mar,handover,census --printer NAME

Prints a report of the export to a PDF file or to a printer (the same documents as the app's
Print screen). --all-wards prints each report for every ward in the export's scope (the
census once, for all wards): the scheduled paper backup.

  --trust PATH          a site.pub file or a folder of *.pub files; repeat it for several
  --identity FILE       this laptop's sealed device identity (downtime keygen device)
  --passphrase-file F   the ward passphrase, on the first line of F
  --report KIND         handover (I-PASS, per ward or patient), mar (24 h worksheet, per ward
                        or patient), census (one ward, or every ward without --ward),
                        summary (the whole chart of one patient), labels (sticker sheets),
                        wristband, obs-chart (blank NEWS2 chart) — per ward or patient;
                        round (doses due in a window), pharmacy (units for 24 h or 3 days)
                        — per ward; registration (a new arrival's packet: labels, wristband,
                        blank MAR and observation chart) — issues the next downtime number
                        of the export to --ward, once, recorded and audited in --store.
                        With --all-wards, a comma-separated list.
  --ward ID             the ward id (or its exact name)
  --patient MRN         the patient's MRN
  --lang LANG           fr, nl, de or en (default: the settings' language, else en)
  --paper SIZE          A4 or Letter (default: the settings' paper size, else A4)
  --start WHEN          window start of the MAR, the round and the pharmacy list: now
                        (default), round (the start of the current round, from the settings'
                        round start times), or an ISO date and time such as
                        2026-11-28T07:00:00+01:00
  --end ISO             round window end (default: two hours after the start)
  --days N              MAR length in wall-clock days: 1 (default), 3 or 7 (days as columns)
  --layout L            handover: per-patient (default) or board (one row per bed);
                        obs-chart: auto (default: PEWS for the age group under 16, else
                        NEWS2), news2 or pews
  --hours 24|72         pharmacy list window (default 24)
  --count N             labels per patient (default: one full sheet)
  --band adult|child    wristband size (default: by the patient's age)
  --store DIR           registration: the laptop's export store, which keeps every number
                        issued (the same file as the app's, see downtime registrations)
  --number N            registration: print the packet of a number already issued again,
                        instead of issuing the next one
  --user NAME           who printed it (the footer) or issued the number (default: the
                        login name)
  --settings FILE       the viewer's settings file: time zone and administration times
  --out FILE.pdf        where to write the PDF
  --printer NAME        send it to this CUPS printer instead (lp, on standard input); prints
                        the job id
  --copies N            copies on the printer (default 1)
  --all-wards           every ward in scope (needs --printer)

Exit 0 written, 1 refused or failed (one line on stderr says why and what to do), 2 usage.`;

export const printCommand: Command = {
  name: 'print',
  summary: 'print a report (handover, MAR, census, labels, round …) to a PDF file or a printer',
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
      end: { type: 'string' },
      hours: { type: 'string' },
      count: { type: 'string' },
      band: { type: 'string' },
      user: { type: 'string' },
      settings: { type: 'string' },
      store: { type: 'string' },
      number: { type: 'string' },
      out: { type: 'string' },
      printer: { type: 'string' },
      copies: { type: 'string' },
      'all-wards': { type: 'boolean' },
    });
    const allWards = values['all-wards'] === true;
    const reports = requireOption(values.report, '--report')
      .split(',')
      .map((r) => choice(PRINTABLE, r.trim(), '--report'));
    if (reports.length > 1 && !allWards)
      throw new UsageError('several reports at once only with --all-wards');
    const target = outputOf(values.out, values.printer, values.copies);
    if (allWards) {
      if (target.kind !== 'printer') throw new UsageError('--all-wards prints to --printer NAME');
      if (values.ward !== undefined || values.patient !== undefined)
        throw new UsageError('--all-wards takes no --ward or --patient');
    }
    const registration = reports[0] === 'registration';
    if (!registration && (values.store !== undefined || values.number !== undefined))
      throw new UsageError('--store and --number go with --report registration');
    if (registration && allWards)
      throw new UsageError('--all-wards prints ward reports; a registration is one new arrival');
    const settings = settingsFromArgs(values.settings);
    const language =
      values.lang === undefined
        ? (settings.language ?? 'en')
        : choice(LanguageSchema.options, values.lang, '--lang');
    const paper =
      values.paper === undefined
        ? settings.paper
        : choice(PaperSchema.options, values.paper, '--paper');
    const options = {
      language,
      paper,
      ...(values.start === undefined ? {} : startOf(values.start)),
      ...(values.end === undefined ? {} : { end: instant(values.end, '--end') }),
      ...(values.days === undefined ? {} : { days: daysOf(values.days) }),
      ...layoutOf(reports, values.layout),
      ...(values.hours === undefined
        ? {}
        : { hours: Number(choice(['24', '72'] as const, values.hours, '--hours')) as 24 | 72 }),
      ...(values.count === undefined ? {} : { count: wholeNumber(values.count, '--count', 500) }),
      ...(values.band === undefined
        ? {}
        : { band: choice(['adult', 'child'] as const, values.band, '--band') }),
    };
    const { manifest, db } = await openExportFromArgs(positionals, values);
    try {
      const user = values.user ?? loginName();
      const packet = registration
        ? registrationPacket(db, manifest, {
            storeDir: requireOption(values.store, '--store'),
            ward: requireOption(values.ward, '--ward'),
            number: values.number,
            user,
          })
        : null;
      if (packet?.issued) {
        io.out(
          `Issued downtime number ${packet.number} to ${packet.wardName} (recorded and audited in ${packet.storeDir})`,
        );
      }
      const context: ReportSettings = {
        manifest,
        printedAt: new Date(),
        printedBy: user,
        timeZone: settings.timeZone,
        adminTimes: settings.adminTimes,
        roundStarts: settings.roundStarts,
        censusBarcodes: settings.censusBarcodes,
        staleAmberHours: settings.staleAmberHours,
        staleRedHours: settings.staleRedHours,
        labelSheet: settings.labelSheet,
        wristbands: settings.wristbands,
        ...(packet === null ? {} : { issuedNumbers: packet.issuedNumbers }),
      };
      const requests: ReportRequest[] = allWards
        ? everyWard(db, reports).map((r) => ({ ...r, ...options }))
        : [
            {
              report: reports[0] as ReportKind,
              ...(values.ward === undefined ? {} : { wardId: wardIdOf(db, values.ward) }),
              ...(values.patient === undefined
                ? {}
                : { patientId: patientIdOf(db, values.patient) }),
              ...(packet === null ? {} : { number: packet.number }),
              ...options,
            },
          ];
      for (const request of requests) {
        const what = `${request.report}${request.wardId ? ` ${request.wardId}` : ''}`;
        if (target.kind === 'file') {
          const { pages } = await writeAtomically(target.path, (out) =>
            renderReport(db, request, context, out),
          );
          io.out(`${target.path}: ${pages} page${pages === 1 ? '' : 's'} (${request.report})`);
        } else {
          const { pdf, pages } = await renderToMemory(db, request, context);
          const { jobId } = await sendToSpooler(pdf, target, execFile);
          io.out(
            `${target.printer}: ${pages} page${pages === 1 ? '' : 's'} × ${target.copies} (${what}), job ${jobId ?? 'id not given by the spooler'}`,
          );
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};

const PRINTABLE = ReportKindSchema.options;

/**
 * A registration packet's number: the next reserved number of the export, issued through the
 * same registrations file, lock and audit line as the app's (never twice on this laptop), or,
 * with `--number`, one this laptop already issued, printed again.
 */
function registrationPacket(
  db: ReadonlyDb,
  manifest: Manifest,
  request: { storeDir: string; ward: string; number: string | undefined; user: string },
): {
  number: string;
  issuedNumbers: string[];
  issued: boolean;
  wardName: string;
  storeDir: string;
} {
  const { storeDir } = request;
  const ward = listWards(db).find((w) => w.id === wardIdOf(db, request.ward));
  const wardName = ward?.name ?? request.ward;
  const store = openStore(storeDir, { readOnly: true });
  if (request.number !== undefined) {
    const issuedNumbers = readRegistrations(storeDir).map((r) => r.number);
    if (!issuedNumbers.includes(request.number)) {
      throw new AppError(
        'not-found',
        `Downtime number ${request.number} was not issued on this laptop (${storeDir}); \`downtime registrations --store DIR\` lists those that were.`,
      );
    }
    return { number: request.number, issuedNumbers, issued: false, wardName, storeDir };
  }
  const issued = issueRegistration({
    storeDir,
    auditFile: store.auditFile,
    reserved: manifest.downtimeIds ?? [],
    exportId: manifest.exportId,
    wardId: ward?.id ?? null,
    wardName: ward?.name ?? null,
    user: request.user,
    device: hostname(),
  });
  return {
    number: issued.number,
    issuedNumbers: [issued.number],
    issued: true,
    wardName,
    storeDir,
  };
}

type Target = { kind: 'file'; path: string } | { kind: 'printer'; printer: string; copies: number };

function outputOf(
  out: string | undefined,
  printer: string | undefined,
  copies: string | undefined,
): Target {
  if (out !== undefined && printer !== undefined)
    throw new UsageError('give --out FILE.pdf or --printer NAME, not both');
  if (printer !== undefined) {
    return {
      kind: 'printer',
      printer,
      copies: copies === undefined ? 1 : wholeNumber(copies, '--copies', MAX_COPIES),
    };
  }
  if (copies !== undefined) throw new UsageError('--copies goes with --printer');
  return { kind: 'file', path: requireOption(out, '--out') };
}

/**
 * The pre-print job: each report for every ward in the export's scope, wards in the export's
 * order; the census once, for all wards (it lists the locator wards too).
 */
type WardJob = Pick<ReportRequest, 'report' | 'wardId'>;

function everyWard(db: ReadonlyDb, reports: readonly ReportKind[]): WardJob[] {
  const wards = listWards(db).filter((w) => w.inScope);
  return reports.flatMap((report): WardJob[] => {
    if (report === 'census') return [{ report }];
    if (report === 'summary')
      throw new UsageError('--all-wards prints ward reports; summary is per patient');
    return wards.map((w) => ({ report, wardId: w.id }));
  });
}

async function renderToMemory(
  db: ReadonlyDb,
  request: ReportRequest,
  context: ReportSettings,
): Promise<{ pdf: Buffer; pages: number }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const { pages } = await renderReport(db, request, context, sink);
  return { pdf: Buffer.concat(chunks), pages };
}

function wholeNumber(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw new UsageError(`${flag} must be a whole number from 1 to ${max} (got "${value}")`);
  return n;
}

function choice<T extends string>(options: readonly T[], value: string, flag: string): T {
  const found = options.find((o) => o === value);
  if (found === undefined)
    throw new UsageError(`${flag} must be one of ${options.join(', ')} (got "${value}")`);
  return found;
}

/**
 * `--start`: now or round (the MAR's named starts), else an instant — the MAR's, the round's or
 * the pharmacy list's window start. One parser for every report.
 */
function startOf(value: string): { marStart: MarStart } | { start: string } {
  const named = MAR_START_CHOICES.find((c) => c === value);
  if (named !== undefined) return { marStart: named };
  if (Number.isNaN(new Date(value).getTime())) {
    throw new UsageError(
      `--start must be now, round, or an ISO date and time such as 2026-11-28T07:00:00+01:00 (got "${value}")`,
    );
  }
  return { start: value };
}

/** `--layout`: the handover's (per-patient | board) or the observation chart's (news2 | pews). */
function layoutOf(
  reports: readonly ReportKind[],
  layout: string | undefined,
): Pick<ReportRequest, 'handoverLayout' | 'obsLayout'> {
  if (layout === undefined) return {};
  if (reports.length === 1 && reports[0] === 'obs-chart')
    return { obsLayout: choice(OBS_LAYOUT_CHOICES, layout, '--layout') };
  return { handoverLayout: choice(HANDOVER_LAYOUTS, layout, '--layout') };
}

function daysOf(value: string): MarDays {
  const days = MAR_DAY_CHOICES.find((d) => String(d) === value);
  if (days === undefined)
    throw new UsageError(`--days must be one of ${MAR_DAY_CHOICES.join(', ')} (got "${value}")`);
  return days;
}

/** An ISO instant given on the command line, checked here so a typo is a usage error. */
function instant(value: string, flag: string): string {
  if (Number.isNaN(new Date(value).getTime())) {
    throw new UsageError(
      `${flag} must be an ISO date and time such as 2026-11-28T07:00:00+01:00 (got "${value}")`,
    );
  }
  return value;
}

/** The settings file, refused rather than half-used: wrong administration times misprint a MAR. */
function wardIdOf(db: ReadonlyDb, ward: string): string {
  const wards = listWards(db);
  const found =
    wards.find((w) => w.id === ward) ??
    wards.find((w) => w.name?.toLocaleLowerCase() === ward.toLocaleLowerCase());
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
