/**
 * `downtime inspect X.dtx --trust … --identity device.key --passphrase-file F [--json]
 * [--patient MRN|ID] [--at ISO] [--charts all]`: verify, decrypt with the device identity, open
 * read-only, and show what is inside — record counts and each ward's census; with `--patient`,
 * that patient's chart; with `--charts all`, every chart, one JSON object per line, so IT can
 * audit exactly what a laptop holds. Charts and due times are computed as of `--at` (default
 * now).
 *
 * `--json` prints `{"manifest": {...}, "counts": {...}, "wards": [{"id", "name", "census":
 * [{"mrn", "name", "bed"}]}]}`, plus `"chart"` with `--patient` (DESIGN.md §5).
 */
import {
  allPatientIds,
  censusByWard,
  findPatientsByMrn,
  getChart,
  listWards,
  type ReadonlyDb,
  recordCounts,
} from '../../core/db/queries.ts';
import { AppError } from '../../core/errors.ts';
import type { Chart } from '../../core/model.ts';
import type { Settings } from '../../core/settings/settings.ts';
import { type Command, parseCommandArgs } from '../cli-kit.ts';
import { OPEN_EXPORT_OPTIONS, openExportFromArgs, settingsFromArgs } from '../export-args.ts';
import { describeManifest, printJson } from './verify.ts';

const usage = `Usage: downtime inspect X.dtx --trust … --identity device.key --passphrase-file F [--json]
                        [--patient MRN|ID] [--charts all] [--at ISO] [--settings FILE]

Verifies X.dtx like "downtime verify", decrypts it with this laptop's device identity, and
shows what it holds: record counts and every ward's census (bed, MRN, name).

  --trust PATH            a site.pub file or a folder of *.pub files; repeat for several
  --identity FILE         the device identity written by "downtime keygen device"
  --passphrase-file F     the ward passphrase, on the first line of F
  --patient MRN|ID        also show that patient's chart (an MRN several patients share
                          is refused with the list of their record ids: give one of those)
  --charts all            print every chart, one JSON object per line, and nothing else
  --at ISO                the instant charts and due times are computed for (default: now),
                          e.g. 2026-11-28T08:00:00+01:00
  --settings FILE         the viewer's settings file: time zone and administration times
  --json                  print {"manifest", "counts", "wards"[, "chart"]} as JSON

Medication times in a chart use the settings' administration times and time zone (the
defaults, Europe/Brussels, without --settings). Exit 0 ok, 1 refused (one line on stderr says why and what to do), 2 usage.`;

interface WardCensus {
  readonly id: string;
  /** Null where the source names none (JSON keeps the null; the text says so). */
  readonly name: string | null;
  readonly census: { mrn: string; name: string | null; bed: string | null }[];
}

function readContents(db: ReadonlyDb) {
  const counts = recordCounts(db);
  const wards: WardCensus[] = listWards(db).map((w) => ({
    id: w.id,
    name: w.name,
    census: censusByWard(db, w.id).map((row) => ({ mrn: row.mrn, name: row.name, bed: row.bed })),
  }));
  return { counts: { ...counts }, wards };
}

/** The chart of the patient an MRN (or a record id) names; refused when several share the MRN. */
function chartFor(db: ReadonlyDb, wanted: string, settings: Settings, at: Date): Chart {
  const clock = { now: at, adminTimes: settings.adminTimes, timeZone: settings.timeZone };
  const hits = findPatientsByMrn(db, wanted);
  if (hits.length > 1) {
    const listed = hits
      .map(
        (h) =>
          `${h.patientId} (${h.name ?? '(no name)'}, born ${dash(h.birthDate)}, ${h.admitted ? (h.wardName ?? '(unassigned)') : 'not admitted'})`,
      )
      .join('; ');
    throw new AppError(
      'invalid-argument',
      `MRN ${wanted.slice(0, 40)} is ambiguous: ${hits.length} patients share it — ${listed}. Give --patient with one of these record ids.`,
    );
  }
  const chart = getChart(db, hits[0]?.patientId ?? wanted.trim(), clock);
  if (!chart) {
    throw new AppError(
      'not-found',
      `No patient with MRN or record id ${wanted.slice(0, 40)} in this export — check the number.`,
    );
  }
  return chart;
}

/** `--at`: an ISO instant, or now. */
function parseAt(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    throw new AppError(
      'invalid-argument',
      `--at "${value.slice(0, 40)}" is not an ISO instant; give one such as 2026-11-28T08:00:00+01:00.`,
    );
  }
  return at;
}

const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : String(v);

function describeCodeStatus(chart: Chart): string {
  const stay = chart.stay;
  if (!stay) return 'unknown';
  const text = stay.codeStatusText ? ` (${stay.codeStatusText})` : '';
  const verify = stay.codeStatusFromText ? ' — from a diagnosis text, verify' : '';
  const claims = stay.codeStatusClaims.map(
    (c) =>
      `${c.value} by ${c.source} ${dash(c.at)}${c.text ? ` "${c.text}"` : ''}${c.unverified ? ' (unverified)' : ''}`,
  );
  return `${stay.codeStatus}${text}${verify}${claims.length > 0 ? ` — ${claims.join('; ')}` : ''}`;
}

function describeAllergies(chart: Chart): string {
  const listed = chart.allergies.map(
    (a) =>
      `${a.substance ?? '(substance not named)'}${a.reaction ? ` (${a.reaction})` : ''}${a.verification && a.verification !== 'confirmed' ? ` [${a.verification}]` : ''}`,
  );
  const absences = chart.allergyAbsences.map((a) => a.category);
  const state =
    chart.allergyState === 'none-known'
      ? 'no known allergies'
      : chart.allergyState === 'unknown'
        ? 'not assessed'
        : '';
  return [state, ...listed, absences.length > 0 ? `none known for: ${absences.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

function describeChart(chart: Chart): string[] {
  const p = chart.patient;
  const lines = [
    '',
    `${p.name ?? '(no name)'}  MRN ${p.mrn}  born ${dash(p.birthDate)}  ${dash(p.sex)}`,
    chart.stay
      ? `  ${chart.stay.wardName ?? '(unassigned)'}, room ${dash(chart.stay.room)}, bed ${dash(chart.stay.bed)} — admitted ${dash(chart.stay.admittedAt)}, attending ${dash(chart.stay.attending)}`
      : '  not admitted at the time of the export',
    `  code status: ${describeCodeStatus(chart)}`,
    `  allergies: ${describeAllergies(chart)}`,
  ];
  if (chart.problems.length > 0)
    lines.push(
      `  problems: ${chart.problems.map((x) => x.text ?? '(condition not named)').join('; ')}`,
    );
  if (chart.devices.length > 0)
    lines.push(
      `  lines/drains/devices: ${chart.devices
        .map(
          (d) =>
            `${d.kind ?? d.name ?? '(device not named)'}${d.site ? ` (${d.site})` : ''}${d.placedAt ? ` since ${d.placedAt}` : ''}${d.unverified ? ' [unverified]' : ''}`,
        )
        .join('; ')}`,
    );
  lines.push(`  medications (${chart.medications.length}):`);
  for (const m of chart.medications) {
    const dose = m.doseText ?? [m.dose, m.doseUnit].filter((x) => x !== null).join(' ');
    const flags = [
      m.prn ? `PRN${m.prnReason ? ` for ${m.prnReason}` : ''}` : '',
      m.highAlert ? 'HIGH ALERT' : '',
      m.doNotPerform ? 'DO NOT GIVE' : '',
      m.state === 'active' ? '' : m.state,
      m.notInterpretable ?? '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `    ${m.drug ?? '(unnamed)'} ${dash(dose)} ${dash(m.route)} ${dash(m.frequency)}${flags ? ` [${flags}]` : ''}${
        m.nextDue.length > 0 ? ` — next ${m.nextDue[0]?.at}` : ''
      }`,
    );
  }
  lines.push(
    `  observations ${chart.observations.length}, administrations ${chart.administrations.length}, notes ${chart.notes.length}, plan items ${chart.plan.length}`,
  );
  if (chart.handover.summary) lines.push(`  handover: ${chart.handover.summary}`);
  return lines;
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'decrypt an export with a device identity and show its counts, census and charts',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...OPEN_EXPORT_OPTIONS,
      patient: { type: 'string' },
      charts: { type: 'string' },
      at: { type: 'string' },
      settings: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.charts !== undefined && values.charts !== 'all') {
      throw new AppError(
        'invalid-argument',
        `--charts takes "all" (every chart, one JSON object per line), not "${values.charts.slice(0, 20)}".`,
      );
    }
    const at = parseAt(values.at);
    if (values.patient !== undefined && values.patient.trim() === '') {
      throw new AppError(
        'invalid-argument',
        'The --patient MRN is empty — give the MRN to look up.',
      );
    }
    const { exportPath, manifest, signer, db } = await openExportFromArgs(positionals, values);
    try {
      const settings = settingsFromArgs(values.settings);
      if (values.charts === 'all') {
        const clock = { now: at, adminTimes: settings.adminTimes, timeZone: settings.timeZone };
        for (const id of allPatientIds(db)) {
          const chart = getChart(db, id, clock);
          if (chart) io.out(JSON.stringify(chart));
        }
        return 0;
      }
      const { counts, wards } = readContents(db);
      const chart =
        values.patient === undefined ? undefined : chartFor(db, values.patient, settings, at);
      if (values.json) {
        printJson(io, { manifest, counts, wards, ...(chart ? { chart } : {}) });
        return 0;
      }
      const lines = [
        `${exportPath}: verified and decrypted`,
        ...describeManifest(manifest, signer),
        '',
      ];
      lines.push(
        `records:     ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
      for (const ward of wards) {
        lines.push(
          '',
          `${ward.name ?? '(unassigned)'} (${ward.id}) — ${ward.census.length} patient${ward.census.length === 1 ? '' : 's'}`,
        );
        for (const row of ward.census)
          lines.push(
            `  ${dash(row.bed).padEnd(8)} ${row.mrn.padEnd(12)} ${row.name ?? '(no name)'}`,
          );
      }
      if (chart) lines.push(...describeChart(chart));
      io.out(lines.join('\n'));
      return 0;
    } finally {
      db.close();
    }
  },
};
