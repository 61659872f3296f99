/**
 * Device recipients for an export: `age1…` strings as given, or files of them (one per line,
 * `#` comments) as IT keeps them per ward. Read before any import, so a typo costs nothing.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

const RECIPIENT = /^age1[0-9a-z]+$/;

export const looksLikeRecipient = (value: string): boolean => RECIPIENT.test(value);

/** The recipients in a file: one per line, blank lines and `#` comments ignored. */
export function readRecipientsFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError(
      'io',
      `Cannot read the recipients file ${path}; give an age1… recipient or a readable file of them.`,
    );
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0);
}

/** Each value a recipient, or a file of them. */
export function readRecipients(values: readonly string[]): string[] {
  return values.flatMap((value) =>
    looksLikeRecipient(value) ? [value] : readRecipientsFile(value),
  );
}
