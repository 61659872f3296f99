/**
 * What an import run read, wrote and had to work around. A report is printed on consoles and
 * kept in logs, so it never carries patient data: counts, and for each rejected field the
 * resource type, id and field name (never its value), so IT can find and fix the source.
 */

export const WARNING_KINDS = [
  /** A reference that points at nothing in the input. */
  'unresolved-reference',
  /** A stay-kind encounter with no usable period and not in progress. */
  'missing-period',
  /** A code from a system the rule did not expect (the fact is kept as text, or ignored). */
  'unknown-code-system',
  /** An NDJSON line or a JSON file that does not parse. */
  'malformed-line',
  /** A resource missing a field the rule needs, or holding one of the wrong type. */
  'malformed-resource',
  /** A clinical resource without a subject patient. */
  'missing-subject',
  /** A patient with more than one current stay: the latest start wins. */
  'multiple-current-stays',
  /** The same resource twice: the later copy wins. */
  'duplicate-resource',
  /** A resource carrying a modifierExtension the importer cannot interpret: kept, unverified. */
  'unknown-modifier',
  /** A document whose attachment is not text (PDF, image): listed by its title only. */
  'attachment-not-text',
  /** A document with no text, no readable attachment and no title: nothing to show. */
  'empty-document',
  /** An MRN that two or more live patients share: a scan of it lists every one. */
  'duplicate-mrn',
  /** A date, dateTime or instant that is not one (template text, 2026-02-30 …): field removed. */
  'malformed-date',
  /** A time of day that is not one: field removed. */
  'malformed-time',
  /** A number given as text, or not finite: field removed. */
  'malformed-number',
  /** A code with whitespace or template text in it: field removed. */
  'malformed-code',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

const FIELD_FAULTS = [
  'malformed-date',
  'malformed-time',
  'malformed-number',
  'malformed-code',
] as const satisfies readonly WarningKind[];
export type FieldFault = (typeof FIELD_FAULTS)[number];

export interface RejectedField {
  readonly kind: FieldFault;
  readonly resourceType: string;
  readonly id: string | null;
  /** FHIRPath-like location, e.g. `period.start`, `dosageInstruction[0].timing.event[1]`. */
  readonly field: string;
}

export interface ImportReport {
  /** Resources read, per resource type (skipped types included). */
  readonly resourcesRead: Readonly<Record<string, number>>;
  /** Resource types read but not used (non-clinical or unknown). */
  readonly skippedTypes: readonly string[];
  /** Rows written, per table. */
  readonly rowsWritten: Readonly<Record<string, number>>;
  readonly warnings: Readonly<Record<WarningKind, number>>;
  /** The first REJECTED_LISTED rejected fields, in input order (all are counted in `warnings`). */
  readonly rejectedFields: readonly RejectedField[];
  readonly patients: number;
  readonly census: number;
  readonly asOf: string;
}

const PROGRESS_EVERY = 10_000;
/** Rejected fields listed by name; past that many the counts say how bad the source is. */
export const REJECTED_LISTED = 200;

/** The mutable tally an import keeps while it runs. */
export class ReportTally {
  readonly resourcesRead = new Map<string, number>();
  private total = 0;
  private readonly onProgress: ((p: { resources: number }) => void) | undefined;

  constructor(onProgress?: (p: { resources: number }) => void) {
    this.onProgress = onProgress;
  }

  readonly skipped = new Set<string>();
  readonly rowsWritten = new Map<string, number>();
  readonly warnings = new Map<WarningKind, number>();

  read(type: string, used: boolean): void {
    this.resourcesRead.set(type, (this.resourcesRead.get(type) ?? 0) + 1);
    if (!used) this.skipped.add(type);
    if (++this.total % PROGRESS_EVERY === 0) this.onProgress?.({ resources: this.total });
  }

  warn(kind: WarningKind, count = 1): void {
    this.warnings.set(kind, (this.warnings.get(kind) ?? 0) + count);
  }

  private readonly rejected: RejectedField[] = [];

  /** A malformed field removed from a resource: counted, and listed while the list is short. */
  reject(field: RejectedField): void {
    this.warn(field.kind);
    if (this.rejected.length < REJECTED_LISTED) this.rejected.push(field);
  }

  wrote(table: string, count = 1): void {
    this.rowsWritten.set(table, (this.rowsWritten.get(table) ?? 0) + count);
  }

  /** A copy of everything counted so far (keep it in step with the fields above), for one of several writes of the same input. */
  copy(): ReportTally {
    const copy = new ReportTally();
    copy.total = this.total;
    for (const [k, n] of this.resourcesRead) copy.resourcesRead.set(k, n);
    for (const t of this.skipped) copy.skipped.add(t);
    for (const [k, n] of this.rowsWritten) copy.rowsWritten.set(k, n);
    for (const [k, n] of this.warnings) copy.warnings.set(k, n);
    copy.rejected.push(...this.rejected);
    return copy;
  }

  finish(summary: { patients: number; census: number; asOf: string }): ImportReport {
    const warnings = Object.fromEntries(
      WARNING_KINDS.map((k) => [k, this.warnings.get(k) ?? 0]),
    ) as Record<WarningKind, number>;
    return {
      resourcesRead: sortedRecord(this.resourcesRead),
      skippedTypes: [...this.skipped].sort(),
      rowsWritten: sortedRecord(this.rowsWritten),
      warnings,
      rejectedFields: [...this.rejected],
      ...summary,
    };
  }
}

function sortedRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/** The report as a few aligned lines for a console. */
export function formatImportReport(report: ImportReport): string {
  const skipped = new Set(report.skippedTypes);
  const read = Object.entries(report.resourcesRead);
  const total = read.reduce((sum, [, n]) => sum + n, 0);
  const warnings = Object.entries(report.warnings).filter(([, n]) => n > 0);
  const lines = [
    `Import as of ${report.asOf}: ${report.patients} patients, ${report.census} in the census.`,
    `Resources read: ${total}`,
    ...read.map(
      ([type, n]) =>
        `  ${type.padEnd(28)} ${String(n).padStart(8)}${skipped.has(type) ? '  (skipped)' : ''}`,
    ),
    'Rows written:',
    ...Object.entries(report.rowsWritten).map(
      ([table, n]) => `  ${table.padEnd(28)} ${String(n).padStart(8)}`,
    ),
    warnings.length === 0 ? 'Warnings: none' : 'Warnings:',
    ...warnings.map(([kind, n]) => `  ${kind.padEnd(28)} ${String(n).padStart(8)}`),
  ];
  if (report.rejectedFields.length > 0) {
    const total = FIELD_FAULTS.reduce((sum, k) => sum + report.warnings[k], 0);
    lines.push(
      `Fields rejected (${total}${total > report.rejectedFields.length ? `, first ${report.rejectedFields.length} listed` : ''}):`,
      ...report.rejectedFields.map(
        (f) => `  ${f.kind.padEnd(18)} ${f.resourceType}/${f.id ?? '(no id)'} ${f.field}`,
      ),
    );
  }
  return lines.join('\n');
}
