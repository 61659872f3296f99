/**
 * The fleet plan (`downtime export --plan FILE`): which wards go in full to which laptops, one
 * sealed export per entry, all from one FHIR import.
 *
 *   {"exports": [{"wards": ["w3b"], "to": "3b-laptops.txt" | ["age1…"], "out": "3b.dtx",
 *                 "downtimeIds": "3b-ids.txt"}]}
 *
 * Relative paths are relative to the plan file. Everything that can be checked without the
 * FHIR input is checked here, before the (long) import: the shape, every recipient, and that no
 * two entries write the same file. Errors name the entry and the field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '../errors.ts';
import { parseX25519Recipient } from '../crypto/age.ts';
import { looksLikeRecipient, readRecipientsFile } from './recipients.ts';

const EntrySchema = z.strictObject({
  wards: z.array(z.string().trim().min(1, 'a ward id or name cannot be empty')).min(1),
  to: z.union(
    [
      z.string().trim().min(1),
      z.array(z.string().trim()).min(1, 'list at least one age1… recipient'),
    ],
    { error: 'give a recipients file or a list of age1… recipients' },
  ),
  out: z.string().trim().min(1),
  downtimeIds: z.string().trim().min(1).optional(),
});

const PlanSchema = z.strictObject({
  exports: z.array(EntrySchema).min(1, 'the plan lists no exports'),
});

export interface PlanEntry {
  /** Where it stands in the plan, as messages name it: `exports[2]`. */
  readonly index: number;
  /** Ward ids or names exported in full; absent (single exports only): every ward. */
  readonly wards?: readonly string[];
  readonly recipients: readonly string[];
  /** Absolute path of the `.dtx` to write. */
  readonly out: string;
  /** The reserved downtime registration numbers signed into this export (often none). */
  readonly downtimeIds: readonly string[];
}

/** How a message names an entry: `exports[2] (3b.dtx)`. */
export const entryLabel = (entry: Pick<PlanEntry, 'index' | 'out'>, outAsGiven?: string): string =>
  `exports[${entry.index}] (${outAsGiven ?? entry.out})`;

function planError(file: string, where: string, message: string): AppError {
  return new AppError('invalid-config', `Plan ${file}: ${where}: ${message}`);
}

/** `exports[1].to[0]` from a zod issue path. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

const NOT_A_RECIPIENT =
  "is not an age1… X25519 recipient — copy it again from the laptop's enrolment screen";

/** The entry's recipients, each checked: listed in the plan, or in a file beside it. */
function entryRecipients(
  file: string,
  index: number,
  to: string | readonly string[],
  base: string,
): string[] {
  const field = `exports[${index}].to`;
  if (typeof to !== 'string' || looksLikeRecipient(to)) {
    const listed = typeof to === 'string' ? [to] : [...to];
    listed.forEach((r, i) => {
      if (!parseX25519Recipient(r))
        throw planError(
          file,
          typeof to === 'string' ? field : `${field}[${i}]`,
          `"${r.slice(0, 12)}…" ${NOT_A_RECIPIENT}.`,
        );
    });
    return listed;
  }
  const path = resolve(base, to);
  let recipients: string[];
  try {
    recipients = readRecipientsFile(path);
  } catch {
    throw planError(file, field, `cannot read the recipients file ${path}.`);
  }
  if (recipients.length === 0) throw planError(file, field, `${path} lists no recipients.`);
  recipients.forEach((r, i) => {
    // Counted without blank and comment lines, so it names the recipient, not a line.
    if (!parseX25519Recipient(r))
      throw planError(
        file,
        field,
        `recipient ${i + 1} in ${path} ("${r.slice(0, 12)}…") ${NOT_A_RECIPIENT}.`,
      );
  });
  return recipients;
}

/**
 * Reads a downtime numbers file (`readDowntimeIds` of core/registrations, passed in by the
 * caller: registrations sit a layer above the export pipeline).
 */
export type DowntimeIdsReader = (file: string) => string[];

function entryDowntimeIds(
  file: string,
  index: number,
  given: string | undefined,
  base: string,
  readIds: DowntimeIdsReader,
): string[] {
  if (given === undefined) return [];
  try {
    return readIds(resolve(base, given));
  } catch (e) {
    throw planError(
      file,
      `exports[${index}].downtimeIds`,
      isAppError(e) ? e.message : 'cannot be read.',
    );
  }
}

/** Parses and checks a plan; `file` is its path (relative paths inside resolve against it). */
export function parsePlan(text: string, file: string, readIds: DowntimeIdsReader): PlanEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw planError(file, 'JSON', `${e instanceof Error ? e.message : 'does not parse'}.`);
  }
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${fieldOf(issue.path) || 'plan'}: ${issue.message}`);
    throw new AppError('invalid-config', `Plan ${file}: ${issues.join('; ')}.`);
  }
  const base = dirname(resolve(file));
  const seen = new Map<string, number>();
  return parsed.data.exports.map((entry, index) => {
    const out = resolve(base, entry.out);
    const earlier = seen.get(out);
    if (earlier !== undefined)
      throw planError(
        file,
        `exports[${index}].out`,
        `${entry.out} is also written by exports[${earlier}].`,
      );
    seen.set(out, index);
    return {
      index,
      wards: entry.wards,
      recipients: entryRecipients(file, index, entry.to, base),
      out,
      downtimeIds: entryDowntimeIds(file, index, entry.downtimeIds, base, readIds),
    };
  });
}

export function loadPlan(file: string, readIds: DowntimeIdsReader): PlanEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('io', `Cannot read the plan file ${file}; check the path given to --plan.`);
  }
  return parsePlan(text, file, readIds);
}
