/**
 * An order's dose and rhythm as screen and paper say them. An order of one instruction says
 * its dose and its frequency; an order of several dose lines (a loading dose then a
 * maintenance dose, a taper, insulin at each meal) says each line on its own row — dose ·
 * rhythm · the step's window — so each dose stays paired with its own rhythm. Two joined
 * lists ("80 mg / 40 mg", "— / every 2 weeks") no longer say which dose goes with which.
 */
import { formatDose, type DoseFields } from './dose.ts';
import { orderFrequency, type Frequency } from './frequency.ts';
import { formatRoute, type RouteFields } from './route.ts';
import type { TranslateWord } from './words/index.ts';

/** A step's window: ISO instants, null when open or not known (core/schedule/steps.ts). */
interface StepSpanFields {
  readonly start: string | null;
  readonly end: string | null;
}

/** One dose line as it is said: its dose, its route, its timing's words, its step window. */
export interface DoseLineFields extends DoseFields, RouteFields {
  readonly frequencyParts?: Frequency | null;
  readonly frequency: string | null;
  readonly step?: StepSpanFields | null;
}

type OrderFields = DoseLineFields & { readonly doseLines: readonly DoseLineFields[] };

/** "du 2025-10-19 au 2025-10-25", "à partir du 2025-11-02", or null when nothing is known. */
function stepWords(
  step: StepSpanFields | null | undefined,
  t: TranslateWord,
  day: (iso: string) => string,
): string | null {
  if (!step) return null;
  const { start, end } = step;
  if (start !== null && end !== null)
    return t('doseLine.fromTo', { from: day(start), to: day(end) });
  if (start !== null) return t('doseLine.from', { from: day(start) });
  if (end !== null) return t('doseLine.until', { to: day(end) });
  return null;
}

/**
 * Whether the order's dose lines name different routes (an IV loading dose, then by mouth).
 * Then each line says its own route and the order none: the importer's joined "IV, PO" on the
 * order would not say which dose goes by which route.
 */
function routesDiffer(order: OrderFields, t: TranslateWord): boolean {
  return new Set(order.doseLines.map((line) => formatRoute(line, t))).size > 1;
}

/** The order's route as said beside its drug: '' when each of its dose lines says its own. */
export function orderRoute(order: OrderFields, t: TranslateWord): string {
  return routesDiffer(order, t) ? '' : formatRoute(order, t);
}

/** The route of the dose due on `line` (`DueDose.line`), else the order's. */
export function dueRoute(order: OrderFields, line: number | null, t: TranslateWord): string {
  return formatRoute((line === null ? undefined : order.doseLines[line]) ?? order, t);
}

/**
 * Each dose line's row, in the lines' order: "80 mg · rythme non précisé · du 2025-10-19 au
 * 2025-10-25" (with the line's route after its dose when the lines' routes differ: "300 mg ·
 * voie intraveineuse · …"). Empty for an order of one instruction (its own fields say it). A
 * line without a rhythm says so rather than borrowing its neighbour's. `day` says a date as
 * the reader reads dates.
 */
export function doseLineRows(
  order: OrderFields,
  t: TranslateWord,
  day: (iso: string) => string,
): string[] {
  if (order.doseLines.length < 2) return [];
  const ownRoutes = routesDiffer(order, t);
  return order.doseLines.map((line) =>
    [
      formatDose(line, t) || t('doseLine.noDose'),
      ownRoutes ? formatRoute(line, t) : '',
      orderFrequency(t, line) || t('doseLine.noRhythm'),
      stepWords(line.step, t, day),
    ]
      .filter((part): part is string => part !== null && part !== '')
      .join(' · '),
  );
}

/**
 * The order's dose and frequency for a table's two cells or a line of text: an order of one
 * instruction its dose and frequency; an order of several lines every line's row (one per
 * line break, each after a bullet) as the dose, and "per dose line" as the frequency.
 */
export function orderDosing(
  order: OrderFields,
  t: TranslateWord,
  day: (iso: string) => string,
): { readonly dose: string; readonly frequency: string } {
  const rows = doseLineRows(order, t, day);
  if (rows.length === 0) return { dose: formatDose(order, t), frequency: orderFrequency(t, order) };
  // A bullet starts each row: a row wrapped in a narrow cell still reads as one line of the order.
  return { dose: rows.map((row) => `• ${row}`).join('\n'), frequency: t('doseLine.perLine') };
}
