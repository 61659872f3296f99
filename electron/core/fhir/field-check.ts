/**
 * Field-by-field rejection of malformed primitives, before any mapper reads a resource: a date,
 * time, number or code that breaks FHIR R4's rules for its type is removed from the resource and
 * counted as a warning naming the resource type, id and field (never the value: it may be
 * patient data). What the mappers see is then either well-formed or absent, so nothing
 * malformed — template text such as `${DATE, T, D, -4}` included — reaches the export.
 *
 * The field's type is known from its name, as FHIR's JSON names it: choice types end with the
 * type (`onsetDateTime`, `valueQuantity`, `valueInteger`), and the handful of plain names below
 * are the date-typed elements of the resources the importer reads.
 */
import type { Json } from './json.ts';
import type { FieldFault, ReportTally } from './report.ts';

// FHIR R4 datatypes (https://hl7.org/fhir/R4/datatypes.html), checked by hand: this runs on
// every date and code of every resource, and a scan of the characters is several times faster
// than the specification's regular expressions. Two relaxations real exports need and that
// cannot be misread: seconds may be left out, and a dateTime without an offset is read in the
// site's time zone (dates.ts).

const isDigit = (c: number) => c >= 48 && c <= 57;

/** `n` digits at `at` as a number, or -1. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/** `HH:MM[:SS[.fff]]` at `at`; the index after it, or -1. */
function timeAt(s: string, at: number): number {
  const h = digits(s, at, 2);
  const m = s.charCodeAt(at + 2) === 58 ? digits(s, at + 3, 2) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  let i = at + 5;
  if (s.charCodeAt(i) === 58) {
    const sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 60) return -1;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      const start = ++i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === start) return -1;
    }
  }
  return i;
}

/** A FHIR date, dateTime or instant: `YYYY[-MM[-DD[Thh:mm[:ss[.f]][Z|±hh:mm]]]]`, a real day. */
function isDateTime(s: string): boolean {
  const y = digits(s, 0, 4);
  if (y < 1) return false;
  if (s.length === 4) return true;
  const month = s.charCodeAt(4) === 45 ? digits(s, 5, 2) : -1;
  if (month < 1 || month > 12) return false;
  if (s.length === 7) return true;
  const day = s.charCodeAt(7) === 45 ? digits(s, 8, 2) : -1;
  if (day < 1 || day > daysIn(y, month)) return false;
  if (s.length === 10) return true;
  if (s.charCodeAt(10) !== 84) return false;
  const i = timeAt(s, 11);
  if (i < 0) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) === 90) return i + 1 === s.length;
  const sign = s.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || s.length !== i + 6 || s.charCodeAt(i + 3) !== 58)
    return false;
  const oh = digits(s, i + 1, 2);
  const om = digits(s, i + 4, 2);
  return oh >= 0 && om >= 0 && om <= 59 && (oh < 14 || (oh === 14 && om === 0));
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isTime(s: string): boolean {
  return timeAt(s, 0) === s.length;
}

/**
 * A FHIR `code`: `[^\s]+( [^\s]+)*` — no leading, trailing or double whitespace, no tab or
 * line break — and never template text (`${…}`, `{{…}}`).
 */
function isCode(s: string): boolean {
  if (s.length === 0) return false;
  let previousSpace = true; // a leading space is refused like a double one
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (c <= 13 && c >= 9) {
      return false;
    } else {
      if (c === 123 && (s.charCodeAt(i - 1) === 36 || s.charCodeAt(i + 1) === 123)) return false;
      previousSpace = false;
    }
  }
  return !previousSpace;
}

/** Plain element names whose type is date, dateTime or instant. */
const DATE_NAMES: ReadonlySet<string> = new Set([
  'start',
  'end',
  'date',
  'issued',
  'birthDate',
  'recordedDate',
  'authoredOn',
  'dateTime',
  'dueDate',
  'lastUpdated',
  'created',
  'assertedDate',
  'lastOccurrence',
  'event',
  'whenHandedOver',
  'whenPrepared',
]);
/** Plain element names whose type is code (the statuses and kinds the mappers branch on). */
const CODE_NAMES: ReadonlySet<string> = new Set([
  'status',
  'lifecycleStatus',
  'docStatus',
  'intent',
  'priority',
  'gender',
  'criticality',
  'severity',
  'comparator',
  'periodUnit',
  'durationUnit',
  'dayOfWeek',
  'when',
  'contentType',
  'kind',
]);
/** `Timing.repeat` numbers. */
const REPEAT_NUMBERS: ReadonlySet<string> = new Set([
  'count',
  'countMax',
  'duration',
  'durationMax',
  'frequency',
  'frequencyMax',
  'period',
  'periodMax',
  'offset',
]);

const NUMBER_SUFFIX = /(Integer|Decimal|PositiveInt|UnsignedInt)$/;

type Expect = 'date' | 'time' | 'number' | 'code' | null;

/**
 * What a key's name alone says of its type. `value` and `code` need their siblings, and the
 * `Timing.repeat` numbers their parent, so they are classes of their own.
 */
type NameClass =
  Exclude<Expect, null> | 'plain-date' | 'repeat-number' | 'value' | 'coding-code' | null;

function classifyName(key: string): NameClass {
  if (DATE_NAMES.has(key)) return 'plain-date';
  if (key.endsWith('DateTime') || key.endsWith('Instant') || key.endsWith('Date')) return 'date';
  if (key === 'valueTime' || key === 'timeOfDay') return 'time';
  if (NUMBER_SUFFIX.test(key)) return 'number';
  if (REPEAT_NUMBERS.has(key)) return 'repeat-number';
  if (key === 'value') return 'value';
  if (CODE_NAMES.has(key)) return 'code';
  if (key === 'code') return 'coding-code';
  return null;
}

/** Key names repeat across every resource: classify each name once. */
const NAME_CLASSES = new Map<string, NameClass>();

function expectedType(key: string, parentKey: string | null, parent: Json): Expect {
  let nameClass = NAME_CLASSES.get(key);
  if (nameClass === undefined) {
    nameClass = classifyName(key);
    if (NAME_CLASSES.size < 10_000) NAME_CLASSES.set(key, nameClass);
  }
  switch (nameClass) {
    case null:
      return null;
    case 'plain-date':
      // `Period.start/end`, `Timing.event` …; a `start`/`end` that is a number is not a date here.
      return typeof parent[key] === 'number' ? null : 'date';
    case 'date':
    case 'time':
    case 'number':
    case 'code':
      return nameClass;
    case 'repeat-number':
      return parentKey === 'repeat' ? 'number' : null;
    case 'value':
      // Quantity.value: a Quantity has a unit, code or comparator beside its value (an
      // Identifier's or a ContactPoint's `value` is a string and has neither).
      return 'unit' in parent || 'comparator' in parent || 'code' in parent ? 'number' : null;
    case 'coding-code':
      // Coding.code (a Coding has a system or a display beside it).
      return 'system' in parent || 'display' in parent ? 'code' : null;
    default: {
      const _exhaustive: never = nameClass;
      return _exhaustive;
    }
  }
}

function isValid(kind: Exclude<Expect, null>, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && isDateTime(value);
    case 'time':
      return typeof value === 'string' && isTime(value);
    case 'code':
      return typeof value === 'string' && isCode(value);
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

const FAULT: Readonly<Record<Exclude<Expect, null>, FieldFault>> = {
  date: 'malformed-date',
  time: 'malformed-time',
  number: 'malformed-number',
  code: 'malformed-code',
};

/** Objects that are prose or other resources, never primitives the importer reads here. */
const SKIP: ReadonlySet<string> = new Set(['text', 'contained']);

/** Where a rejected primitive sat: its holder (an object or a list) and its key or index. */
type Reject = (kind: FieldFault, holder: object, at: string | number) => void;

/**
 * Removes every malformed primitive from `resource` (in place) and reports each; contained
 * resources are checked as resources of their own.
 */
export function rejectMalformedFields(
  resource: Json,
  resourceType: string,
  tally: ReportTally,
): void {
  const id = typeof resource['id'] === 'string' ? resource['id'] : null;
  // The field's path is worked out only when one is rejected: most resources have none, and
  // keeping a path while walking cost more than the checks themselves.
  const reject: Reject = (kind, holder, at) =>
    tally.reject({ kind, resourceType, id, field: pathOf(resource, holder, at) ?? String(at) });
  walk(resource, null, reject);
  const contained = resource['contained'];
  if (Array.isArray(contained)) {
    for (const c of contained) {
      if (typeof c === 'object' && c !== null && !Array.isArray(c)) {
        const inner = c as Json;
        const type = typeof inner['resourceType'] === 'string' ? inner['resourceType'] : 'Resource';
        rejectMalformedFields(inner, `${resourceType}.contained.${type}`, tally);
      }
    }
  }
}

/** The FHIRPath-like name of `holder[at]` inside `root` (`a.b[2].c`), found by a search. */
function pathOf(root: unknown, holder: object, at: string | number, prefix = ''): string | null {
  const here = (step: string | number) =>
    typeof step === 'number' ? `${prefix}[${step}]` : prefix ? `${prefix}.${step}` : step;
  if (root === holder) return here(at);
  if (typeof root !== 'object' || root === null) return null;
  if (Array.isArray(root)) {
    for (let i = 0; i < root.length; i++) {
      const found = pathOf(root[i], holder, at, here(i));
      if (found !== null) return found;
    }
    return null;
  }
  for (const key in root as Json) {
    if (SKIP.has(key)) continue;
    const found = pathOf((root as Json)[key], holder, at, here(key));
    if (found !== null) return found;
  }
  return null;
}

function walk(node: Json, parentKey: string | null, reject: Reject): void {
  for (const key in node) {
    const value = node[key];
    if (typeof value === 'object') {
      if (value === null || SKIP.has(key)) continue;
      if (Array.isArray(value)) walkList(value, key, node, parentKey, reject);
      else walk(value as Json, key, reject);
    } else if (value !== undefined) {
      const expected = expectedType(key, parentKey, node);
      if (expected !== null && !isValid(expected, value)) {
        reject(FAULT[expected], node, key);
        delete node[key];
      }
    }
  }
}

function walkList(
  list: unknown[],
  key: string,
  owner: Json,
  ownerKey: string | null,
  reject: Reject,
): void {
  let expected: Expect | undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const item: unknown = list[i];
    if (typeof item === 'object' && item !== null) {
      if (!Array.isArray(item)) walk(item as Json, key, reject);
    } else {
      expected ??= expectedType(key, ownerKey, owner);
      if (expected !== null && !isValid(expected, item)) {
        reject(FAULT[expected], list, i);
        list.splice(i, 1);
      }
    }
  }
}
