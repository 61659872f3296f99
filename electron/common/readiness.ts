/**
 * The facts behind each line of the readiness check, as a code and its values, said in the
 * reader's language where shown (instants in the ward's zone by the caller's formatter). The
 * English wording is also the `downtime status` text for IT.
 */
import { z } from 'zod';
import { formatFixed } from './numbers.ts';
import type { TranslateWord } from './words/index.ts';

export const READINESS_FACTS = [
  'no-export',
  'unreadable-time',
  'data-age',
  'signed-by',
  'signature-refused',
  'signature-unverifiable',
  'device-present',
  'device-absent',
  'store-ok',
  'store-problems',
  'disk-unknown',
  'disk-free',
  'printers-unlisted',
  'no-printer',
  'printer-missing',
  'printers',
  'installed',
  'none-recorded',
  'no-refusal',
  'refused',
  'audit-ok',
  'audit-broken',
  'secure-storage-os',
  'secure-storage-none',
  'version',
] as const;

export const ReadinessFactSchema = z.object({
  code: z.enum(READINESS_FACTS),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReadinessFact = z.infer<typeof ReadinessFactSchema>;

export const readinessFact = (
  code: ReadinessFact['code'],
  values: Readonly<Record<string, string | number>> = {},
): ReadinessFact => ({ code, values: { ...values } });

/** Values that are instants, shown in the ward's zone by `instant`. */
const INSTANTS = new Set(['dataAsOf', 'at']);
/** Values that are numbers with one decimal (hours, GiB). */
const DECIMALS = new Set(['hours', 'gib']);

export function describeReadinessFact(
  t: TranslateWord,
  fact: ReadinessFact,
  instant: (iso: string) => string,
): string {
  const values = Object.fromEntries([
    // A fact naming no site (the source names none) says so in the reader's words.
    ['site', t('placeholder.site')],
    ...Object.entries(fact.values).map(([name, value]) => {
      if (INSTANTS.has(name) && typeof value === 'string') return [name, instant(value)];
      if (DECIMALS.has(name) && typeof value === 'number')
        return [name, formatFixed(value, 1, t.language)];
      return [name, value];
    }),
  ]);
  return t(`readiness.${fact.code}`, values);
}
