/**
 * The one entry point for printing from an open export: picks the data with the named queries
 * and hands it to the report builders, lazily, one patient at a time (see document.ts for why
 * every report is laid out twice). Used by the engine worker (app) and `downtime print` (CLI).
 */
import {
  allergySubstancesOfWard,
  bedsOfWard,
  censusByWard,
  getChart,
  listWards,
  type ReadonlyDb,
} from '../db/queries.ts';
import { AppError } from '../errors.ts';
import type { Chart, ReportRequest, Ward } from '../model.ts';
import type { AdminTimes } from '../schedule/admin-times.ts';
import { censusReport, type CensusWard } from './census.ts';
import { pageSetup, type PrintContext } from './context.ts';
import { writePdf, type ReportDocument } from './document.ts';
import { loadFonts } from './fonts.ts';
import { handoverReport } from './handover.ts';
import { marReport, marSheetFromChart } from './mar.ts';
import { wallClockDays, windowStart } from './mar-window.ts';
import type { Translate } from './messages.ts';
import { summaryReport } from './summary.ts';
import { writeFixedPdf, type FixedReport } from './fixed-document.ts';
import type { LabelSheet, Wristbands } from './media.ts';
import { type ParsedReportRequest, withInstants } from './report-request.ts';
import { buildSupplyReport } from './supplies.ts';
import { named, siteAndWard } from '../../common/placeholder.ts';

export interface ReportContext extends PrintContext {
  /** The site's standard administration times (settings): what the MAR's dose times come from. */
  readonly adminTimes: AdminTimes;
  /** The ward's round start times (settings, "07:00"): where a MAR started at the round begins. */
  readonly roundStarts: readonly string[];
  /** A scannable MRN barcode on each census row (settings); without, ~25 rows fit a page. */
  readonly censusBarcodes: boolean;
  /** Where the bundled fonts are, when not found beside this module (see fonts.ts). */
  readonly fontsDir?: string;
  /** The ward's sticker sheets and wristband media (settings). */
  readonly labelSheet?: LabelSheet;
  readonly wristbands?: Wristbands;
  /** Downtime numbers issued on this laptop: registration packets are printed for those. */
  readonly issuedNumbers?: readonly string[];
}

/** What a report needs besides its request (which names its language and paper). */
export type ReportSettings = Omit<ReportContext, 'language' | 'paper'>;

/** The instant the export's data describes (what "last 24 h" and "stopped recently" count from). */
function dataAsOf(ctx: ReportContext): Date {
  const asOf = new Date(ctx.manifest.dataAsOf);
  return Number.isNaN(asOf.getTime()) ? ctx.printedAt : asOf;
}

/**
 * Renders `request` as a PDF onto `out` (ended when done) and resolves with the page count.
 * `onProgress` is called after each page with the pages done and the total.
 */
export async function renderReport(
  db: ReadonlyDb,
  request: ReportRequest,
  settings: ReportSettings,
  out: NodeJS.WritableStream,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  const ctx: ReportContext = { ...settings, language: request.language, paper: request.paper };
  const { setup, t } = pageSetup(ctx);
  const report = buildReport(db, withInstants(request), ctx, t);
  const fonts = loadFonts(ctx.fontsDir);
  return 'pages' in report
    ? writeFixedPdf(report, setup, fonts, out, onProgress)
    : writePdf(report, setup, fonts, out, onProgress);
}

function buildReport(
  db: ReadonlyDb,
  request: ParsedReportRequest,
  ctx: ReportContext,
  t: Translate,
): ReportDocument | FixedReport {
  const clock = { adminTimes: ctx.adminTimes, timeZone: ctx.timeZone };
  switch (request.report) {
    case 'handover': {
      const scope = careScope(db, request, 'handover', ctx, t);
      const now = ctx.printedAt;
      return handoverReport(
        {
          scope: scope.label,
          charts: lazy(() => charts(db, scope.patientIds(), { ...clock, now })),
          asOf: dataAsOf(ctx),
          timeZone: ctx.timeZone,
          layout: request.handoverLayout ?? 'per-patient',
        },
        t,
      );
    }
    case 'mar': {
      const scope = careScope(db, request, 'mar', ctx, t);
      const start = windowStart(request, ctx.printedAt, ctx.roundStarts, ctx.timeZone);
      const window = wallClockDays(start, request.days ?? 1, ctx.timeZone);
      const asOf = dataAsOf(ctx);
      const sheets = lazy(function* () {
        for (const chart of charts(db, scope.patientIds(), { ...clock, now: start }))
          yield marSheetFromChart(chart, window, clock, asOf);
      });
      return marReport({ scope: scope.label, window, sheets }, t, ctx.timeZone);
    }
    case 'census': {
      const board = (ward: Ward): CensusWard => ({
        ward,
        rows: censusByWard(db, ward.id),
        beds: bedsOfWard(db, ward.id),
        allergies: allergySubstancesOfWard(db, ward.id),
      });
      if (request.wardId === undefined) {
        const wards = listWards(db);
        return censusReport(
          {
            scope: `${named(t, 'site', ctx.manifest.site.name)} — ${t('scope.allWards')}`,
            wards: lazy(() => wards.map(board)),
            barcodes: ctx.censusBarcodes,
          },
          t,
        );
      }
      const ward = wardById(db, request.wardId);
      return censusReport(
        {
          scope: siteAndWard(t, ward.siteName, ward.name),
          wards: lazy(() => [board(ward)]),
          barcodes: ctx.censusBarcodes,
        },
        t,
      );
    }
    case 'summary': {
      if (request.patientId === undefined) {
        throw new AppError(
          'invalid-argument',
          'The patient summary needs a patient: choose one, or give --patient MRN.',
        );
      }
      return summaryReport(
        chartOf(db, request.patientId, { ...clock, now: ctx.printedAt }),
        t,
        ctx.timeZone,
        dataAsOf(ctx),
      );
    }
    case 'labels':
    case 'wristband':
    case 'round':
    case 'pharmacy':
    case 'obs-chart':
    case 'registration':
      return buildSupplyReport(
        db,
        { ...request, report: request.report },
        { ...ctx, siteName: ctx.manifest.site.name },
        t,
      );
    default: {
      const unknown: never = request.report;
      throw new AppError(
        'invalid-argument',
        `Unknown report "${String(unknown)}"; choose handover, mar, census or summary.`,
      );
    }
  }
}

/** Who a handover or MAR covers: one patient, or the care-data patients of one ward. */
function careScope(
  db: ReadonlyDb,
  request: ParsedReportRequest,
  report: 'handover' | 'mar',
  ctx: ReportContext,
  t: Translate,
): { label: string; patientIds: () => string[] } {
  const { patientId, wardId } = request;
  if (patientId !== undefined) {
    const chart = chartOf(db, patientId, {
      adminTimes: ctx.adminTimes,
      timeZone: ctx.timeZone,
      now: ctx.printedAt,
    });
    const label = chart.stay
      ? siteAndWard(t, chart.stay.siteName, chart.stay.wardName)
      : `${named(t, 'site', ctx.manifest.site.name)} — ${t('summary.notAdmitted')}`;
    return { label, patientIds: () => [patientId] };
  }
  if (wardId === undefined) {
    throw new AppError(
      'invalid-argument',
      `The ${report === 'mar' ? 'MAR worksheet' : 'handover'} needs a ward or a patient: choose one, or give --ward ID or --patient MRN.`,
    );
  }
  const ward = wardById(db, wardId);
  if (!ward.inScope) {
    throw new AppError(
      'invalid-argument',
      `Ward "${ward.name ?? ward.id}" is in this export for locating patients only, without care data; print its census instead.`,
    );
  }
  return {
    label: siteAndWard(t, ward.siteName, ward.name),
    patientIds: () =>
      censusByWard(db, ward.id)
        .filter((row) => !row.locator)
        .map((row) => row.patientId),
  };
}

function wardById(db: ReadonlyDb, wardId: string): Ward {
  const ward = listWards(db).find((w) => w.id === wardId);
  if (!ward)
    throw new AppError(
      'not-found',
      `There is no ward "${wardId}" in this export; choose one of the wards it lists.`,
    );
  return ward;
}

type ChartClock = Parameters<typeof getChart>[2];

/**
 * One patient's chart for a care document. A locator row (a patient of a ward outside the
 * export's scope) has no care data: printing it would show empty medications and plans as if
 * there were none, so it is refused.
 */
function chartOf(db: ReadonlyDb, patientId: string, clock: ChartClock): Chart {
  const chart = getChart(db, patientId, clock);
  if (!chart)
    throw new AppError(
      'not-found',
      'This patient is not in the open export; check the MRN or choose the patient again.',
    );
  if (chart.locator)
    throw new AppError(
      'invalid-argument',
      "This patient's ward is in the export for locating patients only, without care data; print the census instead.",
    );
  return chart;
}

/** Charts read one at a time, so a ward's worth never sits in memory at once. */
function* charts(
  db: ReadonlyDb,
  patientIds: readonly string[],
  clock: ChartClock,
): Generator<Chart> {
  for (const id of patientIds) {
    const chart = getChart(db, id, clock);
    if (chart) yield chart;
  }
}

/** Items a report keeps between its two layout passes: a ward's worth of charts. */
const KEPT_BETWEEN_PASSES = 200;

/**
 * An iterable for the two layout passes. A short report's items (a ward's charts) are kept from
 * the first pass for the second — reading every chart twice was a quarter of a handover's time;
 * a long one (thousands of patients) is read afresh each pass, so memory stays flat.
 */
function lazy<T>(make: () => Iterable<T>): Iterable<T> {
  let kept: T[] | null = null;
  return {
    *[Symbol.iterator]() {
      if (kept) {
        yield* kept;
        return;
      }
      let buffer: T[] | null = [];
      for (const item of make()) {
        if (buffer && buffer.length < KEPT_BETWEEN_PASSES) buffer.push(item);
        else buffer = null;
        yield item;
      }
      kept = buffer;
    },
  };
}
