/**
 * Resources read on another thread come back to the importer's thread as one flat array of
 * values per batch, not as record objects where it matters: copying 250,000 records between
 * threads as objects took 1.5 s to rebuild on the receiving side (as long as parsing their
 * JSON), flat values a fraction of that. An observation of one row and at most one reference
 * range — nearly every one, seven resources in ten — is written as its fields in a fixed
 * order, the strings that repeat (patient, code, name, unit, type …) as numbers in a table the
 * sender grows and sends as it goes; any other record (other types, a ward fact, components,
 * several ranges) travels as its object.
 */
import type { ClinicalRecord, ObservationItem } from './records.ts';
import type { RejectedField, WarningKind } from './report.ts';
import { NO_OTHER_RANGES, NO_RANGES } from './map-observation.ts';

/** What one line sent became. */
export const LineOutcome = {
  /** A record, written field by field. */
  Row: 0,
  /** A record, as an object (`records`). */
  Record: 1,
  /** Void (entered in error, cancelled, nothing to show). */
  Void: 2,
  /** Its mapper failed: counted `malformed-resource`, no record. */
  Failed: 3,
  /** Not JSON: counted `malformed-line`. */
  Malformed: 4,
  /**
   * Not a type read elsewhere after all (a line naming `resourceType` twice: JSON keeps the
   * last): its line comes back to be read on the importer's thread, in the order of that moment.
   */
  Returned: 5,
} as const;

/** One batch's results, in the order its lines were sent. */
export interface EncodedBatch {
  readonly batch: number;
  readonly outcomes: number[];
  /** Per line (Row, Record, Void, Failed): its type (as a number), its id, then a Row's fields. */
  readonly values: unknown[];
  /** Strings new to the table since the previous batch, in the order they were numbered. */
  readonly strings: string[];
  readonly records: ClinicalRecord[];
  readonly lines: string[];
  readonly warnings: [WarningKind, number][];
  /** Fields rejected, with the index of their line in the batch. */
  readonly rejected: [line: number, field: RejectedField][];
}

const CATEGORIES = ['vital-signs', 'laboratory', 'other'] as const;

/** The sending side: numbers the strings that repeat. */
export class RowEncoder {
  private readonly numbers = new Map<string, number>();
  private fresh: string[] = [];

  /** The number of a string that repeats (-1 for null). */
  ref(s: string | null): number {
    if (s === null) return -1;
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(s, n);
      this.fresh.push(s);
    }
    return n;
  }

  /** Whether the record can be written as a row (one observation row, no ranges to choose). */
  static fits(record: ClinicalRecord): boolean {
    const item = record.items.length === 1 ? record.items[0] : undefined;
    return (
      item?.item === 'observation' && item.ranges.length === 0 && item.otherRanges.length === 0
    );
  }

  /** Appends a record that `fits` to `values`. */
  write(record: ClinicalRecord, values: unknown[]): void {
    const o = record.items[0] as ObservationItem;
    values.push(
      this.ref(record.subject),
      this.ref(o.code),
      this.ref(o.name),
      CATEGORIES.indexOf(o.category),
      o.value,
      o.valueText,
      this.ref(o.unit),
      this.ref(o.comparator),
      o.refLow,
      o.refHigh,
      o.refText,
      this.ref(o.flag),
      o.flagText,
      o.at,
    );
  }

  /** The strings numbered since the last call. */
  takeStrings(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** The receiving side of one sender: its string table, and rows read back into records. */
export class RowDecoder {
  private readonly table: string[] = [];
  private values: readonly unknown[] = [];
  private at = 0;

  /** Starts on a batch: its new strings join the table. */
  begin(batch: EncodedBatch): void {
    for (const s of batch.strings) this.table.push(s);
    this.values = batch.values;
    this.at = 0;
  }

  /** The next value, a string written as its number (`RowEncoder.ref`). */
  ref(): string | null {
    const n = this.values[this.at++] as number;
    return n === -1 ? null : this.table[n]!;
  }

  /** The next value, a string written as itself. */
  text(): string | null {
    return this.values[this.at++] as string | null;
  }

  private num(): number | null {
    return this.values[this.at++] as number | null;
  }

  /** The next row as the record `mapObservation` made (fields in its order). */
  record(): ClinicalRecord {
    const subject = this.ref();
    const item: ObservationItem = {
      item: 'observation',
      code: this.ref(),
      name: this.ref(),
      category: CATEGORIES[this.values[this.at++] as number]!,
      value: this.num(),
      valueText: this.text(),
      unit: this.ref(),
      comparator: this.ref() as ObservationItem['comparator'],
      refLow: this.num(),
      refHigh: this.num(),
      refText: this.text(),
      otherRanges: NO_OTHER_RANGES,
      ranges: NO_RANGES,
      flag: this.ref(),
      flagText: this.text(),
      at: this.text(),
    };
    return { subject, items: [item] };
  }
}
