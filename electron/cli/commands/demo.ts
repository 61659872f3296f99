/**
 * `downtime demo`: writes the synthetic demo hospital (cli/demo) as FHIR R4 Bulk NDJSON, the
 * input `downtime export --fhir DIR` takes — for demos, training and load tests without a
 * single real patient.
 */
import { MAX_DEMO_PATIENTS, generateDemoHospital } from '../demo/generate.ts';
import { type Command, parseCommandArgs, requireOption, UsageError } from '../cli-kit.ts';

const DEFAULT_SEED = 1;

const usage = `Usage: downtime demo --patients N [--seed S] [--as-of ISO] --out DIR

Writes a synthetic Belgian hospital as FHIR R4 Bulk Data NDJSON (one file per resource type)
into DIR, ready for \`downtime export --fhir DIR\`: two sites, French- and Dutch-speaking wards,
about 85 % of the patients admitted at --as-of, with orders, allergies, code status, vitals,
labs, care plans, notes and I-PASS handovers. Every person in it is invented: DEMO DATA.

  --patients N   how many patients, 1 to ${MAX_DEMO_PATIENTS.toLocaleString('en-US')}
  --seed S       random seed, a whole number (default ${DEFAULT_SEED}); the same N, seed and
                 --as-of always give the same files
  --as-of ISO    the instant the hospital is pictured at, ISO 8601 such as
                 2026-11-28T08:00:00Z (default: now, to the minute)
  --out DIR      the folder to write; created if missing, same-named files replaced

Exit 0 ok, 1 failed (stderr says why), 2 usage.`;

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

function instant(value: string | undefined): Date {
  if (value === undefined) return new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(
      `--as-of must be an ISO 8601 date-time such as 2026-11-28T08:00:00Z, not "${value}"`,
    );
  }
  return at;
}

const count = (n: number): string => n.toLocaleString('en-US');

export const demoCommand: Command = {
  name: 'demo',
  summary: 'write a synthetic demo hospital as FHIR R4 NDJSON',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      patients: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const patients = wholeNumber(requireOption(values.patients, '--patients'), '--patients', 0);
    if (patients < 1 || patients > MAX_DEMO_PATIENTS) {
      throw new UsageError(`--patients must be from 1 to ${count(MAX_DEMO_PATIENTS)}`);
    }
    const seed = wholeNumber(values.seed, '--seed', DEFAULT_SEED);
    if (seed > 0xffffffff) throw new UsageError('--seed must be at most 4294967295');
    const asOf = instant(values['as-of']);
    const outDir = requireOption(values.out, '--out');

    const summary = await generateDemoHospital({ patients, seed, asOf, outDir });
    const resources = Object.values(summary.resources).reduce((sum, n) => sum + n, 0);
    const seconds = summary.elapsedMs / 1000;
    io.out(
      `Wrote ${count(summary.patients)} demo patients (${count(summary.admitted)} admitted at ${asOf.toISOString()}; ` +
        `${summary.sites} sites, ${count(summary.wards)} wards, ${count(summary.beds)} beds) as ` +
        `${count(resources)} FHIR resources in ${summary.files.length} files to ${outDir} ` +
        `in ${seconds.toFixed(1)} s (${count(Math.round(summary.patients / Math.max(seconds, 0.001)))} patients/s).`,
    );
    return 0;
  },
};
