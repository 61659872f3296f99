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

// FHIR R4 datatype regexes (https://hl7.org/fhir/R4/datatypes.html), with two relaxations real
// exports need and that cannot be misread: seconds may be left out, and a dateTime without an
// offset is read in the site's time zone (dates.ts).
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const DATE_TIME = new RegExp(
  `^${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])` +
    `(T([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]+)?)?` +
    `(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?$`,
);
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\.[0-9]+)?)?$/;
/** FHIR `code`: no leading, trailing or double whitespace; and never template text. */
const CODE = /^[^\s]+( [^\s]+)*$/;
const TEMPLATE = /\$\{|\{\{/;

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

function expectedType(key: string, parentKey: string | null, parent: Json): Expect {
  if (DATE_NAMES.has(key)) {
    // `Period.start/end`, `Timing.event` …; a `start`/`end` that is a number is not a date here.
    return typeof parent[key] === 'number' ? null : 'date';
  }
  if (key.endsWith('DateTime') || key.endsWith('Instant') || key.endsWith('Date')) return 'date';
  if (key === 'valueTime' || key === 'timeOfDay') return 'time';
  if (NUMBER_SUFFIX.test(key)) return 'number';
  if (parentKey === 'repeat' && REPEAT_NUMBERS.has(key)) return 'number';
  // Quantity.value: a Quantity has a unit, code or comparator beside its value (an Identifier's
  // or a ContactPoint's `value` is a string and has neither).
  if (key === 'value' && ('unit' in parent || 'comparator' in parent || 'code' in parent))
    return 'number';
  if (CODE_NAMES.has(key)) return 'code';
  // Coding.code (a Coding has a system or a display beside it).
  if (
    key === 'code' &&
    typeof parent[key] !== 'object' &&
    ('system' in parent || 'display' in parent)
  )
    return 'code';
  return null;
}

function isValid(kind: Exclude<Expect, null>, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && DATE_TIME.test(value) && realCalendarDay(value);
    case 'time':
      return typeof value === 'string' && TIME.test(value);
    case 'code':
      return typeof value === 'string' && CODE.test(value) && !TEMPLATE.test(value);
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** "2026-02-30" passes the regex but is no day. */
function realCalendarDay(value: string): boolean {
  if (value.length < 10) return true;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const FAULT: Readonly<Record<Exclude<Expect, null>, FieldFault>> = {
  date: 'malformed-date',
  time: 'malformed-time',
  number: 'malformed-number',
  code: 'malformed-code',
};

/** Subtrees that are prose or binary, never primitives the importer reads. */
const SKIP: ReadonlySet<string> = new Set(['text', 'div', 'data', 'contained']);

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
  const reject = (kind: FieldFault, field: string) =>
    tally.reject({ kind, resourceType, id, field });
  walk(resource, null, '', reject);
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

function walk(
  node: Json,
  parentKey: string | null,
  path: string,
  reject: (kind: FieldFault, field: string) => void,
): void {
  for (const key of Object.keys(node)) {
    if (SKIP.has(key) || key === 'resourceType') continue;
    const value = node[key];
    const here = path ? `${path}.${key}` : key;
    const expected = expectedType(key, parentKey, node);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          if (!Array.isArray(item)) walk(item as Json, key, `${here}[${i}]`, reject);
        } else if (expected !== null && !isValid(expected, item)) {
          reject(FAULT[expected], `${here}[${i}]`);
          value.splice(i, 1);
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      walk(value as Json, key, here, reject);
    } else if (expected !== null && value !== null && !isValid(expected, value)) {
      reject(FAULT[expected], here);
      delete node[key];
    }
  }
}
