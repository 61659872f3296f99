/**
 * The ward-supply reports of a paper ward (issue 14) from an open export: labels, wristbands,
 * the medication round, the pharmacy list, observation charts and the registration packet. The
 * dispatcher (render.ts) hands them the request; each reads what it needs with the named
 * queries, and the schedule (the chart's due times) is the only source of what is due.
 */
import type { ReadonlyDb } from '../db/queries.ts';
import { censusByWard, getChart, listWards } from '../db/queries.ts';
import { AppError } from '../errors.ts';
import type { Chart, Ward } from '../model.ts';
import type { AdminTimes } from '../schedule/admin-times.ts';
import type { ReportDocument } from './document.ts';
import type { FixedReport } from './fixed-document.ts';
import { labelsReport, type LabelPerson } from './labels.ts';
import {
  DEFAULT_WRISTBANDS,
  LABEL_SHEET_PRESETS,
  type LabelSheet,
  type Wristbands,
} from './media.ts';
import { windowStart } from './mar-window.ts';
import type { Translate } from './messages.ts';
import type { ParsedReportRequest } from './report-request.ts';
import { obsChartReport, obsLayoutFor } from './obs-chart.ts';
import { identityFromChart, placeLine } from './patient-header.ts';
import { pharmacyNeeds, pharmacyReport } from './pharmacy.ts';
import { registrationReport } from './registration.ts';
import { MAX_ROUND_HOURS, roundPatient, roundReport } from './round.ts';
import { wristbandReport, type WristbandPerson } from './wristband.ts';
import { named, siteAndWard } from '../../common/placeholder.ts';
import { fullAgeInYears } from '../../common/age.ts';

export const SUPPLY_REPORTS = [
  'labels',
  'wristband',
  'round',
  'pharmacy',
  'obs-chart',
  'registration',
] as const;
export type SupplyReport = (typeof SUPPLY_REPORTS)[number];

/** A ward-supply request: the parsed report request, for one of the supply reports. */
export type SupplyRequest = ParsedReportRequest & { readonly report: SupplyReport };

export interface SupplyContext {
  readonly adminTimes: AdminTimes;
  readonly timeZone: string;
  readonly printedAt: Date;
  /** The ward's round start times (settings): where `--start round` begins. */
  readonly roundStarts: readonly string[];
  readonly siteName: string | null;
  /** The ward's sticker sheets and wristband media (settings); default: 3 × 7, 25 × 280/180 mm. */
  readonly labelSheet?: LabelSheet;
  readonly wristbands?: Wristbands;
  /** Downtime numbers this laptop issued (registration packets are for those only). */
  readonly issuedNumbers?: readonly string[];
}

/** The default round: the two hours from its start (e.g. the 08:00 round, 07:00–09:00). */
const DEFAULT_ROUND_HOURS = 2;
const HOUR = 3_600_000;

export function buildSupplyReport(
  db: ReadonlyDb,
  request: SupplyRequest,
  ctx: SupplyContext,
  t: Translate,
): ReportDocument | FixedReport {
  const sheet = ctx.labelSheet ?? LABEL_SHEET_PRESETS['3x7'];
  const bands = ctx.wristbands ?? DEFAULT_WRISTBANDS;
  switch (request.report) {
    case 'labels': {
      const { scope, charts } = people(db, request, ctx, t, 'labels');
      return labelsReport(
        {
          people: charts.map((c) => labelPerson(t, c)),
          sheet,
          scope,
          ...(request.count === undefined ? {} : { count: request.count }),
        },
        t,
      );
    }
    case 'wristband': {
      const { charts } = people(db, request, ctx, t, 'wristband');
      return wristbandReport(
        {
          people: charts.map((c) => wristbandPerson(t, c, ctx.printedAt)),
          bands,
          ...(request.band === undefined ? {} : { size: request.band }),
        },
        t,
      );
    }
    case 'obs-chart': {
      const { scope, charts } = people(db, request, ctx, t, 'obs-chart');
      return obsChartReport(
        {
          scope,
          subjects: charts.map((c) => ({
            subject: { kind: 'patient', identity: identityFromChart(c) },
            observations: c.observations,
            layout: obsLayoutFor(c.patient.birthDate, request.obsLayout ?? 'auto', ctx.printedAt),
          })),
        },
        t,
        ctx.timeZone,
      );
    }
    case 'round': {
      const ward = careWard(db, request, 'round');
      const start = validDate(startOf(request, ctx), 'start');
      const end = validDate(
        request.end ?? new Date(start.getTime() + DEFAULT_ROUND_HOURS * HOUR),
        'end',
      );
      if (end <= start || end.getTime() - start.getTime() > MAX_ROUND_HOURS * HOUR) {
        throw new AppError(
          'invalid-argument',
          `The round must end after it starts and last at most ${MAX_ROUND_HOURS} hours; give another window.`,
        );
      }
      const window = { start, end };
      const ids = wardPatients(db, ward);
      return roundReport(
        {
          scope: siteAndWard(t, ward.siteName, ward.name),
          window,
          patients: {
            *[Symbol.iterator]() {
              for (const id of ids) {
                const chart = getChart(db, id, { ...clock(ctx), now: start });
                if (chart) yield roundPatient(chart, window);
              }
            },
          },
        },
        t,
        ctx.timeZone,
      );
    }
    case 'pharmacy': {
      const ward = careWard(db, request, 'pharmacy');
      const start = validDate(startOf(request, ctx), 'start');
      const hours = request.hours ?? 24;
      const window = { start, end: new Date(start.getTime() + hours * HOUR) };
      // Each chart holds 24 h of due times from its `now`: one reading per day of the window.
      const days = Array.from(
        { length: hours / 24 },
        (_, i) => new Date(start.getTime() + i * 24 * HOUR),
      );
      const patients = wardPatients(db, ward).flatMap((id) => {
        const readings = days
          .map((now) => getChart(db, id, { ...clock(ctx), now }))
          .filter((c): c is Chart => c !== null);
        const first = readings[0];
        if (!first) return [];
        return [
          {
            label: `${placeLine(t, identityFromChart(first))} — ${named(t, 'name', first.patient.name)}`,
            readings,
          },
        ];
      });
      return pharmacyReport(
        {
          scope: siteAndWard(t, ward.siteName, ward.name),
          window,
          needs: pharmacyNeeds(patients, window, t, ctx.timeZone),
        },
        t,
        ctx.timeZone,
      );
    }
    case 'registration': {
      const number = request.number;
      if (number === undefined || !(ctx.issuedNumbers ?? []).includes(number)) {
        throw new AppError(
          'invalid-argument',
          'A registration packet is printed for a downtime number issued on this laptop; issue the next number first.',
        );
      }
      const ward = request.wardId === undefined ? null : wardById(db, request.wardId);
      const scope = ward
        ? siteAndWard(t, ward.siteName, ward.name)
        : named(t, 'site', ctx.siteName);
      return registrationReport(
        {
          number,
          scope,
          place: ward ? named(t, 'ward', ward.name) : named(t, 'site', ctx.siteName),
          sheet,
          bands,
        },
        t,
        ctx.timeZone,
      );
    }
    default: {
      const unknown: never = request.report;
      throw new AppError('invalid-argument', `Unknown report "${String(unknown)}".`);
    }
  }
}

const startOf = (request: SupplyRequest, ctx: SupplyContext): Date =>
  windowStart(request, ctx.printedAt, ctx.roundStarts, ctx.timeZone);

const clock = (ctx: SupplyContext) => ({ adminTimes: ctx.adminTimes, timeZone: ctx.timeZone });

function validDate(date: Date, which: 'start' | 'end'): Date {
  if (Number.isNaN(date.getTime())) {
    throw new AppError(
      'invalid-argument',
      `The ${which} time is not a valid date; give it as an ISO date and time.`,
    );
  }
  return date;
}

/** One patient (`--patient`) or every admitted patient of a ward (`--ward`), with care data. */
function people(
  db: ReadonlyDb,
  request: SupplyRequest,
  ctx: SupplyContext,
  t: Translate,
  report: SupplyReport,
): { scope: string; charts: Chart[] } {
  const chartClock = { ...clock(ctx), now: ctx.printedAt };
  if (request.patientId !== undefined) {
    const chart = getChart(db, request.patientId, chartClock);
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
    const scope = chart.stay
      ? siteAndWard(t, chart.stay.siteName, chart.stay.wardName)
      : `${named(t, 'site', ctx.siteName)} — ${t('summary.notAdmitted')}`;
    return { scope, charts: [chart] };
  }
  const ward = careWard(db, request, report);
  const charts = wardPatients(db, ward)
    .map((id) => getChart(db, id, chartClock))
    .filter((c): c is Chart => c !== null);
  return { scope: siteAndWard(t, ward.siteName, ward.name), charts };
}

function careWard(db: ReadonlyDb, request: SupplyRequest, report: SupplyReport): Ward {
  if (request.wardId === undefined) {
    throw new AppError(
      'invalid-argument',
      report === 'round' || report === 'pharmacy'
        ? `The ${report} list is for a ward: choose one, or give --ward ID.`
        : `The ${report} report needs a ward or a patient: choose one, or give --ward ID or --patient MRN.`,
    );
  }
  const ward = wardById(db, request.wardId);
  if (!ward.inScope) {
    throw new AppError(
      'invalid-argument',
      `Ward "${ward.name ?? ward.id}" is in this export for locating patients only, without care data; print its census instead.`,
    );
  }
  return ward;
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

const wardPatients = (db: ReadonlyDb, ward: Ward): string[] =>
  censusByWard(db, ward.id)
    .filter((row) => !row.locator)
    .map((row) => row.patientId);

function labelPerson(t: Translate, chart: Chart): LabelPerson {
  const identity = identityFromChart(chart);
  return {
    name: chart.patient.name,
    birthDate: chart.patient.birthDate,
    sex: chart.patient.sex,
    id: chart.patient.mrn,
    idKind: 'mrn',
    place: chart.stay
      ? `${named(t, 'ward', chart.stay.wardName)} — ${placeLine(t, identity)}`
      : placeLine(t, identity),
  };
}

function wristbandPerson(t: Translate, chart: Chart, at: Date): WristbandPerson {
  return {
    ...labelPerson(t, chart),
    allergyState: chart.allergyState,
    ageYears: fullAgeInYears(chart.patient.birthDate, at),
  };
}
