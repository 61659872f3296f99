/**
 * `downtime export`: FHIR R4 input → census at `--as-of` → SQLite image → age-encrypted to the
 * device recipients → signed `.dtx`. Prints the import report at the end; on long runs a
 * progress line on stderr. With `--plan`, one import and one export per plan entry (a ward
 * laptop each), each printed as a single export's would be.
 */
import { AppError } from '../../core/errors.ts';
import { type FleetResult, writeExports } from '../../core/export/fleet.ts';
import { entryLabel, loadPlan, type PlanEntry } from '../../core/export/plan.ts';
import { readRecipients } from '../../core/export/recipients.ts';
import { formatImportReport, readFhir } from '../../core/fhir/import.ts';
import { loadSiteKey } from '../../core/keys/site-key.ts';
import { readDowntimeIds } from '../../core/registrations/downtime-ids.ts';
import {
  type CliIo,
  type Command,
  optionList,
  parseCommandArgs,
  requireOption,
  UsageError,
} from '../cli-kit.ts';

const usage = `Usage: downtime export --fhir PATH… [--as-of ISO] [--wards W,…] --sign site.key
                       --to age1…|FILE … --out X.dtx
                       [--site-id ID --site-name NAME] [--sequence N] [--time-zone TZ] [--demo]
                       [--downtime-ids FILE]
       downtime export --fhir PATH… [--as-of ISO] --plan plan.json --sign site.key [same options]

Reads FHIR R4 (Bulk Data NDJSON files or folders, .ndjson.gz, Bundles in .json), computes the
census at --as-of, and writes a signed export that only the listed devices can open.

  --fhir PATH      an NDJSON file, a Bundle, or a folder of them; repeat it, or list more
                   paths after the options
  --as-of ISO      the census instant (default: now), e.g. 2026-11-28T07:00:00+01:00
  --wards W,…      ward ids or names exported in full detail (default: all wards);
                   patients on other wards are exported as locator rows only
  --sign FILE      the site export key (site.key, from downtime keygen site)
  --to age1…|FILE  a device recipient, or a file of them (one per line, # comments);
                   repeat it for several
  --out FILE       the .dtx to write (written as FILE.part, then renamed)
  --plan FILE      instead of --wards/--to/--out: one export per entry of a JSON plan,
                   {"exports": [{"wards": ["w3b"], "to": "3b.txt" or ["age1…"],
                   "out": "3b.dtx", "downtimeIds": "3b-ids.txt"}]}, paths relative to
                   the plan; the FHIR is read once.
                   A failed entry is named; the others are still written.
  --site-id ID     the site named in the manifest (default: where most current stays are)
  --site-name NAME its display name (default: the site id's name in the data)
  --sequence N     the rollback counter (default: the creation time in epoch seconds)
  --time-zone TZ   the site's IANA time zone, in which date-only stay dates are whole days
                   (default: Europe/Brussels)
  --demo           mark the export as DEMO DATA
  --downtime-ids F the ward's reserved downtime numbers (one per line, # comments), signed
                   into the export for the charge nurse to issue to new arrivals

Exit 0 written (every entry of a plan), 1 failed (one line on stderr says why and what to do), 2 usage.`;

function parseAsOf(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const t = new Date(value);
  if (Number.isNaN(t.getTime()))
    throw new UsageError(`--as-of "${value}" is not an ISO 8601 date and time`);
  return t;
}

function parseSequence(value: string | undefined, createdAt: Date): number {
  // Epoch seconds grow with every run without any state to keep between runs.
  if (value === undefined) return Math.floor(createdAt.getTime() / 1000);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--sequence "${value}" is not a non-negative whole number`);
  }
  return Number(value);
}

/** A progress line at most once a second, and only once the run has taken a second. */
function progressReporter(io: CliIo): (p: { resources: number }) => void {
  const started = Date.now();
  let last = started;
  return ({ resources }) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    io.err(
      `… ${resources.toLocaleString('en')} resources read (${Math.round((now - started) / 1000)} s)`,
    );
  };
}

/** The one export of `--wards/--to/--out`, or the entries of `--plan`; read before any import. */
function exportsAsked(values: {
  plan?: string | undefined;
  wards?: string | undefined;
  to?: string[] | undefined;
  out?: string | undefined;
  'downtime-ids'?: string | undefined;
}): PlanEntry[] {
  if (values.plan !== undefined) {
    const single = [values.wards, values.to, values.out, values['downtime-ids']];
    if (single.some((v) => v !== undefined))
      throw new UsageError(
        '--plan replaces --wards, --to, --out and --downtime-ids: give one or the other',
      );
    return loadPlan(values.plan, readDowntimeIds);
  }
  const out = requireOption(values.out, '--out');
  const to = optionList(values.to);
  if (to.length === 0)
    throw new UsageError('missing --to (an age1… device recipient or a file of them)');
  const wards = values.wards
    ?.split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (wards?.length === 0) throw new UsageError('--wards needs at least one ward id or name');
  const ids = values['downtime-ids'];
  return [
    {
      index: 0,
      ...(wards ? { wards } : {}),
      recipients: readRecipients(to),
      out,
      downtimeIds: ids === undefined ? [] : readDowntimeIds(ids),
    },
  ];
}

function wroteLine(result: Extract<FleetResult, { ok: true }>, outAsGiven: string): string {
  const { manifest, entry } = result;
  return `Wrote ${outAsGiven}: export ${manifest.exportId}, sequence ${manifest.sequence}, ${manifest.counts['patients'] ?? 0} patients (${manifest.counts['census'] ?? 0} in the census), for ${entry.recipients.length} device(s)${entry.downtimeIds.length > 0 ? `, ${entry.downtimeIds.length} downtime numbers` : ''}.`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'FHIR R4 → signed, encrypted export (.dtx) for the ward laptops',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      fhir: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      wards: { type: 'string' },
      sign: { type: 'string' },
      to: { type: 'string', multiple: true },
      out: { type: 'string' },
      plan: { type: 'string' },
      'downtime-ids': { type: 'string' },
      'site-id': { type: 'string' },
      'site-name': { type: 'string' },
      sequence: { type: 'string' },
      'time-zone': { type: 'string' },
      demo: { type: 'boolean' },
    });
    const fhir = [...optionList(values.fhir), ...positionals];
    if (fhir.length === 0) throw new UsageError('missing --fhir (the FHIR input files or folders)');
    const signPath = requireOption(values.sign, '--sign');
    if (values['site-name'] !== undefined && values['site-id'] === undefined) {
      throw new UsageError('--site-name needs --site-id');
    }
    const createdAt = new Date();
    const asOf = parseAsOf(values['as-of'], createdAt);
    const sequence = parseSequence(values.sequence, createdAt);
    const siteId = values['site-id'];
    // Load keys, recipients and the plan first: a typo there should not cost a long import.
    const siteKey = loadSiteKey(signPath);
    const entries = exportsAsked(values);
    const planned = values.plan !== undefined;
    // As the user wrote it, not resolved: the same words they will look for.
    const outAsGiven = (entry: PlanEntry) => (planned ? entry.out : (values.out ?? entry.out));

    const input = await readFhir(fhir, {
      asOf,
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      onProgress: progressReporter(io),
    });
    const results = await writeExports({
      input,
      entries,
      siteKey,
      sequence,
      createdAt,
      ...(siteId ? { site: { id: siteId, name: values['site-name'] ?? siteId } } : {}),
      demo: values.demo === true,
      onEntry: (result) => {
        const prefix = planned ? `[${result.entry.index + 1}/${entries.length}] ` : '';
        if (result.ok) {
          io.out(formatImportReport(result.report));
          io.out(`${prefix}${wroteLine(result, outAsGiven(result.entry))}`);
        } else if (planned) {
          io.err(`${prefix}${entryLabel(result.entry)} failed: ${result.error.message}`);
        }
      },
    });
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0) return 0;
    if (!planned && failed[0]) throw failed[0].error;
    throw new AppError(
      'io',
      `${failed.length} of ${results.length} plan entries failed (${failed.map((r) => entryLabel(r.entry)).join(', ')}); the other exports were written.`,
    );
  },
};
