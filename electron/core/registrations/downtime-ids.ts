/**
 * A ward's reserved downtime numbers: the list IT gets from the ADT system before an outage,
 * one number per line, carried in the signed manifest of the export (`downtimeIds`). The
 * numbers are not patient data — they name no one until the charge nurse issues one — so the
 * laptop can read them without the passphrase (`downtime registrations`, the issue check).
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

/** What one number may look like: the ADT systems' MRN alphabet, short enough for a barcode. */
const DOWNTIME_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/;
/** The manifest holds at most 64 KiB; this many numbers of 32 characters stay well inside it. */
export const MAX_DOWNTIME_IDS = 1000;

/**
 * Parses the numbers file: one per line, blank lines and `#` comments ignored. A malformed or
 * repeated number is refused with its line, never skipped: a list with a typo is a list IT must
 * fix, not one to half-use.
 */
export function parseDowntimeIds(text: string, file: string): string[] {
  const ids: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line.length === 0) return;
    const where = `${file}, line ${index + 1}`;
    if (!DOWNTIME_ID.test(line)) {
      throw new AppError(
        'invalid-config',
        `${where}: "${line.slice(0, 40)}" is not a downtime number (letters, digits, . _ / -, at most 32 characters); fix the list.`,
      );
    }
    const first = seen.get(line);
    if (first !== undefined) {
      throw new AppError(
        'invalid-config',
        `${where}: ${line} is already on line ${first}; a downtime number may be reserved only once.`,
      );
    }
    seen.set(line, index + 1);
    ids.push(line);
  });
  if (ids.length === 0) {
    throw new AppError(
      'invalid-config',
      `${file} holds no downtime numbers; give one number per line.`,
    );
  }
  if (ids.length > MAX_DOWNTIME_IDS) {
    throw new AppError(
      'invalid-config',
      `${file} holds ${ids.length} downtime numbers; an export carries at most ${MAX_DOWNTIME_IDS} — split the list by ward.`,
    );
  }
  return ids;
}

/** Reads and parses the numbers file given to `downtime export --downtime-ids FILE`. */
export function readDowntimeIds(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError(
      'io',
      `Cannot read the downtime numbers file ${file}; check the path given to --downtime-ids.`,
    );
  }
  return parseDowntimeIds(text, file);
}
