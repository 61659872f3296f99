/**
 * The facts behind each line of the readiness check, as a code and its values, said in the
 * reader's language where shown (instants in the ward's zone by the caller's formatter). The
 * English wording is also the `downtime status` text for IT.
 */
import { z } from 'zod';
import { errorKindSentence } from './error-kinds.ts';
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
  'it-settings-signed',
  'it-settings-defaults',
  'it-settings-older',
  'it-settings-same-instant',
  'it-settings-future',
  'it-settings-unusable',
  'it-settings-missing',
  'it-settings-mark-damaged',
  'it-settings-mark-missing',
  'it-settings-mark-restored',
  'rollback-copy-ok',
  'rollback-copy-missing',
  'rollback-copy-edited',
  'version',
] as const;

/** What can be wrong with the export store, said as `storeIssue.*` words. */
export const STORE_ISSUES = [
  'unrecorded',
  'other-format',
  'disagreeing',
  'missing',
  'resized',
  'rollback-deleted',
  'rollback-damaged',
  'rollback-unwritable',
] as const;
export interface StoreIssue {
  readonly code: (typeof STORE_ISSUES)[number];
  /** The file (or folder) it is about. */
  readonly file: string;
}

/** The store check's fact: its first issue in words, and how many more (all in `downtime status`). */
export function storeProblemsFact(issues: readonly StoreIssue[]): ReadinessFact {
  const [first] = issues;
  return readinessFact('store-problems', {
    issue: first?.code ?? 'unrecorded',
    file: first?.file ?? '',
    more: Math.max(0, issues.length - 1),
  });
}

const isStoreIssue = (code: unknown): code is StoreIssue['code'] =>
  STORE_ISSUES.some((issue) => issue === code);

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
const INSTANTS = new Set(['dataAsOf', 'at', 'issuedAt', 'inUseAt', 'floor']);
/** Values that are numbers with one decimal (hours, GiB). */
const DECIMALS = new Set(['hours', 'gib']);
/** Values that are an error kind (a refused signature or export), said as its sentence. */
const ERROR_KIND_VALUES = new Set(['kind']);

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
      if (ERROR_KIND_VALUES.has(name) && typeof value === 'string')
        return [name, errorKindSentence(t, value, value)];
      if (name === 'issue' && isStoreIssue(value)) {
        const more = typeof fact.values['more'] === 'number' ? fact.values['more'] : 0;
        const issue = t(`storeIssue.${value}`, { file: String(fact.values['file'] ?? '') });
        return [name, more > 0 ? t('readiness.store-more', { issue, n: more }) : issue];
      }
      return [name, value];
    }),
  ]);
  return t(`readiness.${fact.code}`, values);
}
