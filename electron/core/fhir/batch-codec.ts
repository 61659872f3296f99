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
export interface EncodedBatch extends EncodedValues {
  readonly batch: number;
  readonly outcomes: number[];
  readonly records: ClinicalRecord[];
  readonly lines: string[];
  readonly warnings: [WarningKind, number][];
  /** Fields rejected, with the index of their line in the batch. */
  readonly rejected: [line: number, field: RejectedField][];
}

/**
 * Per line (Row, Record, Void, Failed): its type, its id, then a Row's fields — in three
 * streams by kind. Numbers and string numbers travel as typed arrays: a message's arrays of
 * values are rebuilt by the receiver straight into its old generation, where a batch's
 * garbage, 10,000 batches at 30,000 patients, made V8 mark the importer's 1.3 GB heap every few
 * seconds (26 full collections instead of 5).
 */
export interface EncodedValues {
  /** Strings that repeat, as numbers in the table (-1: null). */
  readonly refs: Int32Array;
  /** Numbers (NaN: null; a FHIR number is never NaN). */
  readonly numbers: Float64Array;
  readonly texts: (string | null)[];
  /** Strings new to the table since the previous batch, in the order they were numbered. */
  readonly strings: string[];
}

/** The sending side: numbers the strings that repeat, and gathers a batch's values. */
export class RowEncoder {
  private readonly numbered = new Map<string, number>();
  private fresh: string[] = [];
  private refs: number[] = [];
  private numbers: number[] = [];
  private texts: (string | null)[] = [];

  /** A string that repeats (a type, a patient, a code …). */
  ref(s: string | null): void {
    if (s === null) {
      this.refs.push(-1);
      return;
    }
    let n = this.numbered.get(s);
    if (n === undefined) {
      n = this.numbered.size;
      this.numbered.set(s, n);
      this.fresh.push(s);
    }
    this.refs.push(n);
  }

  /** A string of its own (an id, a time, a value's words). */
  text(s: string | null): void {
    this.texts.push(s);
  }

  private num(n: number | null): void {
    this.numbers.push(n ?? Number.NaN);
  }

  /** Whether the record can be written as a row (one observation row, no ranges to choose). */
  static fits(record: ClinicalRecord): boolean {
    const item = record.items.length === 1 ? record.items[0] : undefined;
    return (
      item?.item === 'observation' && item.ranges.length === 0 && item.otherRanges.length === 0
    );
  }

  /** A record that `fits`, field by field. */
  write(record: ClinicalRecord): void {
    const o = record.items[0] as ObservationItem;
    this.ref(record.subject);
    this.ref(o.code);
    this.ref(o.name);
    this.ref(o.category);
    this.num(o.value);
    this.text(o.valueText);
    this.ref(o.unit);
    this.ref(o.comparator);
    this.num(o.refLow);
    this.num(o.refHigh);
    this.text(o.refText);
    this.ref(o.flag);
    this.text(o.flagText);
    this.text(o.at);
  }

  /** The batch's values, and the strings numbered since the last batch. */
  take(): EncodedValues {
    const values: EncodedValues = {
      refs: Int32Array.from(this.refs),
      numbers: Float64Array.from(this.numbers),
      texts: this.texts,
      strings: this.fresh,
    };
    this.refs = [];
    this.numbers = [];
    this.texts = [];
    this.fresh = [];
    return values;
  }
}

/** The receiving side of one sender: its string table, and rows read back into records. */
export class RowDecoder {
  private readonly table: string[] = [];
  private refs: Int32Array = new Int32Array(0);
  private numbers: Float64Array = new Float64Array(0);
  private texts: readonly (string | null)[] = [];
  private atRef = 0;
  private atNumber = 0;
  private atText = 0;

  /** Starts on a batch: its new strings join the table. */
  begin(batch: EncodedValues): void {
    for (const s of batch.strings) this.table.push(s);
    this.refs = batch.refs;
    this.numbers = batch.numbers;
    this.texts = batch.texts;
    this.atRef = this.atNumber = this.atText = 0;
  }

  /** The next string that repeats. */
  ref(): string | null {
    const n = this.refs[this.atRef++]!;
    return n === -1 ? null : this.table[n]!;
  }

  /** The next string of its own. */
  text(): string | null {
    return this.texts[this.atText++] ?? null;
  }

  private num(): number | null {
    const n = this.numbers[this.atNumber++]!;
    return Number.isNaN(n) ? null : n;
  }

  /** The next row as the record `mapObservation` made (fields in its order). */
  record(): ClinicalRecord {
    const subject = this.ref();
    const item: ObservationItem = {
      item: 'observation',
      code: this.ref(),
      name: this.ref(),
      category: this.ref() as ObservationItem['category'],
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
