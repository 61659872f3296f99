/**
 * `downtime export`: FHIR R4 input → census at `--as-of` → SQLite image → age-encrypted to the
 * device recipients → signed `.dtx`. Prints the import report at the end; on long runs a
 * progress line on stderr.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';
import { buildImage, sealExport } from '../../core/export/pipeline.ts';
import { formatImportReport } from '../../core/fhir/import.ts';
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
  --site-id ID     the site named in the manifest (default: where most current stays are)
  --site-name NAME its display name (default: the site id's name in the data)
  --sequence N     the rollback counter (default: the creation time in epoch seconds)
  --time-zone TZ   the site's IANA time zone, in which date-only stay dates are whole days
                   (default: Europe/Brussels)
  --demo           mark the export as DEMO DATA
  --downtime-ids F the ward's reserved downtime numbers (one per line, # comments), signed
                   into the export for the charge nurse to issue to new arrivals

Exit 0 written, 1 failed (one line on stderr says why and what to do), 2 usage.`;

const RECIPIENT = /^age1[0-9a-z]+$/;

/** `--to` values: recipients as given, or files of recipients (one per line, # comments). */
function readRecipients(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    if (RECIPIENT.test(value)) return [value];
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch {
      throw new AppError(
        'io',
        `Cannot read the recipients file ${value}; give an age1… recipient or a readable file of them to --to.`,
      );
    }
    return text
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter((line) => line.length > 0);
  });
}

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

function writeAtomically(path: string, bytes: Uint8Array): void {
  const part = `${path}.part`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : 'error';
    throw new AppError(
      'io',
      `Cannot write ${path} (${code}); check the folder exists and is writable.`,
    );
  }
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
      'site-id': { type: 'string' },
      'site-name': { type: 'string' },
      sequence: { type: 'string' },
      'time-zone': { type: 'string' },
      demo: { type: 'boolean' },
      'downtime-ids': { type: 'string' },
    });
    const fhir = [...optionList(values.fhir), ...positionals];
    if (fhir.length === 0) throw new UsageError('missing --fhir (the FHIR input files or folders)');
    const signPath = requireOption(values.sign, '--sign');
    const out = requireOption(values.out, '--out');
    const to = optionList(values.to);
    if (to.length === 0)
      throw new UsageError('missing --to (an age1… device recipient or a file of them)');
    if (values['site-name'] !== undefined && values['site-id'] === undefined) {
      throw new UsageError('--site-name needs --site-id');
    }
    const createdAt = new Date();
    const asOf = parseAsOf(values['as-of'], createdAt);
    const sequence = parseSequence(values.sequence, createdAt);
    const wards = values.wards
      ?.split(',')
      .map((w) => w.trim())
      .filter((w) => w.length > 0);
    if (wards?.length === 0) throw new UsageError('--wards needs at least one ward id or name');
    const siteId = values['site-id'];
    // Load keys and recipients first: a typo there should not cost a long import.
    const siteKey = loadSiteKey(signPath);
    const recipients = readRecipients(to);
    const downtimeIds =
      values['downtime-ids'] === undefined ? [] : readDowntimeIds(values['downtime-ids']);

    const { image, report } = await buildImage(fhir, {
      asOf,
      ...(wards ? { wards } : {}),
      ...(siteId ? { site: { id: siteId, name: values['site-name'] ?? siteId } } : {}),
      demo: values.demo === true,
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      onProgress: progressReporter(io),
    });
    try {
      const { bytes, manifest } = await sealExport({
        image,
        sequence,
        createdAt,
        recipients,
        siteKey,
        downtimeIds,
      });
      writeAtomically(out, bytes);
      io.out(formatImportReport(report));
      io.out(
        `Wrote ${out}: export ${manifest.exportId}, sequence ${sequence}, ${manifest.counts['patients'] ?? 0} patients (${manifest.counts['census'] ?? 0} in the census), for ${recipients.length} device(s)${downtimeIds.length > 0 ? `, ${downtimeIds.length} downtime numbers` : ''}.`,
      );
      return 0;
    } finally {
      image.fill(0);
    }
  },
};
