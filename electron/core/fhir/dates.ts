/**
 * FHIR dates and instants as epoch milliseconds, for comparisons only: what is stored is always
 * the source string, so partial dates (`2014`, `2014-03`) are kept as given.
 *
 * A date without a time (`2026-11-28`, `2026-11`, `2026`) is a span of whole local days in the
 * site's time zone, not of UTC days: a stay that ends "2026-11-28" in Brussels lasts until
 * midnight Brussels time, that day included (as FHIR reads a period end). A dateTime without an
 * offset is read in the same zone (field-check.ts lets it through for that reason).
 */
import { parseFhirInstant } from '../schedule/timing.ts';

/**
 * The instant a FHIR date/dateTime stands for. A partial date covers a span: `edge = 'start'`
 * takes its first millisecond, `'end'` the first millisecond after it (so `end: "2015"` runs
 * through the whole of 2015). Null when unparseable.
 */
export function instantOf(
  value: string | null,
  edge: 'start' | 'end',
  timeZone: string,
): number | null {
  if (value === null) return null;
  const ms = parseFhirInstant(value, timeZone, edge);
  if (ms === null) return null;
  // parseFhirInstant gives a span's last millisecond; an exclusive end is the one after it.
  return edge === 'end' && !value.includes('T') ? ms + 1 : ms;
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

/**
 * Whether `[start, end)` contains `t`: started by T and not ended. An open end runs forever; a
 * missing start never began.
 */
export function spans(
  period: { start: string | null; end: string | null },
  t: number,
  timeZone: string,
): boolean {
  const start = instantOf(period.start, 'start', timeZone);
  if (start === null || start > t) return false;
  const end = instantOf(period.end, 'end', timeZone);
  return end === null || end > t;
}
