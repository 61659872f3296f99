/**
 * FHIR dates and instants as epoch milliseconds, for comparisons only: what is stored is always
 * the source string, so partial dates (`2014`, `2014-03`) are kept as given.
 */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The instant a FHIR date/dateTime stands for. A partial date covers a span: `edge = 'start'`
 * takes its first millisecond, `'end'` the first millisecond after it (so `end: "2015"` runs
 * through the whole of 2015, as FHIR reads period ends). Null when unparseable.
 */
export function instantOf(value: string | null, edge: 'start' | 'end' = 'start'): number | null {
  if (value === null) return null;
  const partial = PARTIAL.exec(value);
  if (partial) {
    const year = Number(partial[1]);
    const month = partial[2] === undefined ? null : Number(partial[2]) - 1;
    const day = partial[3] === undefined ? null : Number(partial[3]);
    if (edge === 'start') return Date.UTC(year, month ?? 0, day ?? 1);
    if (month === null) return Date.UTC(year + 1, 0, 1);
    if (day === null) return Date.UTC(year, month + 1, 1);
    return Date.UTC(year, month, day + 1);
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** `Period` start and end strings. */
export function periodOf(value: unknown): { start: string | null; end: string | null } {
  if (typeof value !== 'object' || value === null) return { start: null, end: null };
  const p = value as Record<string, unknown>;
  return {
    start: typeof p['start'] === 'string' ? p['start'] : null,
    end: typeof p['end'] === 'string' ? p['end'] : null,
  };
}

/** Whether `[start, end)` contains `t`; an open end runs forever, a missing start never began. */
export function spans(period: { start: string | null; end: string | null }, t: number): boolean {
  const start = instantOf(period.start, 'start');
  if (start === null || start > t) return false;
  const end = instantOf(period.end, 'end');
  return end === null || end > t;
}
