/**
 * What the ward needs from the pharmacy for the next 24 hours or 3 days: per drug as ordered
 * (its name carries strength and form), the number of doses the schedule gives and their total
 * quantity per unit. The doses are the schedule's, so held, draft and stopped orders count for
 * nothing. What cannot be counted is listed apart, never folded into a total: PRN orders with
 * their maximum as written, doses written as text ("1-2 tablets"), and active orders with no
 * computable times.
 */
import { type DoseFields, dueDose, formatDose, formatMaxDose } from '../../common/dose.ts';
import { dueRoute, orderDosing, orderRoute } from '../../common/dose-lines.ts';
import { drugLabel } from '../../common/order-state.ts';
import { describeScheduleProblem } from '../../common/schedule-problem.ts';
import type { Chart, ChartMedication } from '../model.ts';
import { heading, noticeSection, table, type Column } from './blocks.ts';
import type { ReportDocument } from './document.ts';
import { formatDateTime, parseInstant, storedDay } from './format.ts';
import type { Block, Section } from './layout.ts';
import type { Translate } from './messages.ts';

export interface PharmacyWindow {
  readonly start: Date;
  readonly end: Date;
}

/** One line of the order list: a drug in one unit, summed over the ward. */
export interface PharmacyLine {
  readonly drug: string;
  readonly route: string;
  readonly unit: string;
  readonly doses: number;
  readonly total: number;
  readonly patients: number;
}

export interface PharmacyApart {
  readonly drug: string;
  readonly dose: string;
  readonly route: string;
  readonly detail: string;
  readonly patient: string;
}

export interface PharmacyNeeds {
  readonly lines: PharmacyLine[];
  readonly prn: PharmacyApart[];
  readonly uncounted: PharmacyApart[];
}

/**
 * Adds up a ward's charts. Each chart holds the 24 h of due times from its `now`; for 3 days
 * the caller passes three charts per patient read at start, +24 h and +48 h (`readings`).
 */
export function pharmacyNeeds(
  patients: Iterable<{ readonly label: string; readonly readings: readonly Chart[] }>,
  window: PharmacyWindow,
  t: Translate,
  timeZone: string,
): PharmacyNeeds {
  const lines = new Map<string, Tally>();
  const prn: PharmacyApart[] = [];
  const uncounted: PharmacyApart[] = [];
  for (const { label, readings } of patients) {
    const seen = new Set<string>();
    for (const chart of readings) {
      for (const order of chart.medications) {
        const dosing = orderDosing(order, t, (iso) => storedDay(iso, timeZone));
        const apart = (detail: string): PharmacyApart => ({
          drug: drugLabel(t, order),
          dose: dosing.dose,
          route: orderRoute(order, t),
          detail,
          patient: label,
        });
        const firstSight = !seen.has(order.id);
        seen.add(order.id);
        if (order.prn) {
          if (firstSight)
            prn.push(
              apart([formatMaxDose(order.maxDose, t), dosing.frequency].filter(Boolean).join('; ')),
            );
          continue;
        }
        // Each dose with its own line's amount: a taper's 7,5 mg step counts 7,5 mg.
        const due = order.nextDue
          .filter((d) => {
            const at = parseInstant(d.at);
            return at !== null && at >= window.start && at < window.end;
          })
          .map((d) => ({ ...dueDose(order, d.line), route: dueRoute(order, d.line, t) }));
        if (due.length === 0) {
          if (firstSight && order.scheduleProblem !== null)
            uncounted.push(apart(describeScheduleProblem(t, order.scheduleProblem)));
          continue;
        }
        const countable = due.filter((d) => d.dose !== null);
        // A dose written as text ("1–2 comprimés") cannot be added up: the order is listed apart
        // with the dose as written, never a partial count.
        if (countable.length < due.length) {
          if (firstSight) uncounted.push(apart(''));
          continue;
        }
        for (const d of countable) addDoses(lines, order, d, label, t);
      }
    }
  }
  const sorted = [...lines.values()]
    .map(({ who, ...line }) => ({ ...line, patients: who.size }))
    .sort((a, b) => a.drug.localeCompare(b.drug) || a.unit.localeCompare(b.unit));
  return { lines: sorted, prn, uncounted };
}

/** A line being added up. */
type Tally = { -readonly [K in keyof PharmacyLine]: PharmacyLine[K] } & { who: Set<string> };

function addDoses(
  lines: Map<string, Tally>,
  order: ChartMedication,
  dose: DoseFields & { readonly route: string },
  patient: string,
  t: Translate,
): void {
  const drug = drugLabel(t, order);
  const unit = dose.doseUnit ?? '';
  // The due line's route: an IV loading dose and the tablets after it are counted apart.
  const { route } = dose;
  const key = `${order.drug ?? ''}\u0000${unit}\u0000${route}`;
  const line: Tally = lines.get(key) ?? {
    drug,
    route,
    unit,
    doses: 0,
    total: 0,
    patients: 0,
    who: new Set<string>(),
  };
  line.doses += 1;
  // Summed in thousandths so 0.1 + 0.2 prints as 0.3, not 0.30000000000000004.
  line.total = Math.round((line.total + (dose.dose ?? 0)) * 1000) / 1000;
  line.who.add(patient);
  lines.set(key, line);
}

export function pharmacyReport(
  input: { scope: string; window: PharmacyWindow; needs: PharmacyNeeds },
  t: Translate,
  timeZone: string,
): ReportDocument {
  const window = t('scope.window', {
    start: formatDateTime(input.window.start, timeZone, t.language),
    end: formatDateTime(input.window.end, timeZone, t.language),
  });
  const { lines, prn, uncounted } = input.needs;
  return {
    title: t('report.pharmacy'),
    scope: `${input.scope} — ${window}`,
    *sections(m, width) {
      if (lines.length === 0 && prn.length === 0 && uncounted.length === 0) {
        yield noticeSection(m, t('report.empty'), width);
        return;
      }
      const needColumns: Column[] = [
        { label: t('col.drug'), weight: 3, bold: true },
        { label: t('col.route'), weight: 0.9 },
        { label: t('col.doses'), weight: 0.8 },
        { label: t('col.total'), weight: 1.2, bold: true },
        { label: t('col.patients'), weight: 0.8 },
        { label: t('col.supplied'), weight: 1, kind: 'writeIn' },
      ];
      const needs = table(
        m,
        needColumns,
        lines.map((l) => [
          l.drug,
          l.route,
          String(l.doses),
          formatDose({ dose: l.total, doseUnit: l.unit || null, doseText: null }, t),
          String(l.patients),
        ]),
        width,
        { minRowHeight: 16 },
      );
      yield section(heading(m, t('pharmacy.scheduled'), width), [needs.head, ...needs.rows]);
      const apartColumns = (detail: string): Column[] => [
        { label: t('col.drug'), weight: 2.2, bold: true },
        { label: t('col.dose'), weight: 0.9 },
        { label: t('col.route'), weight: 0.7 },
        { label: detail, weight: 1.8 },
        { label: t('col.patient'), weight: 2.6 },
      ];
      const rows = (list: PharmacyApart[]) =>
        list.map((a) => [a.drug, a.dose, a.route, a.detail, a.patient]);
      if (prn.length > 0) {
        const laid = table(m, apartColumns(t('col.limits')), rows(prn), width);
        yield section(heading(m, t('pharmacy.prn'), width), [laid.head, ...laid.rows]);
      }
      if (uncounted.length > 0) {
        const laid = table(m, apartColumns(t('col.problem')), rows(uncounted), width);
        yield section(heading(m, `⚠ ${t('pharmacy.uncounted')}`, width), [laid.head, ...laid.rows]);
      }
    },
  };
}

const section = (header: Block, body: Block[]): Section => ({
  header,
  continued: () => header,
  body,
});
