/**
 * Medication orders: scheduled ones with their doses due in the next 24 h and the last given,
 * then PRN orders with reason and limits, then the orders not to give (held, not validated,
 * status unknown, recently stopped, not interpretable, do not give) with why — never as doses.
 * High-alert drugs are marked; an order whose times could not be computed is flagged, never hidden.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  lastDayOfDoses,
  prnTooSoon,
  tooSoonAfterLastDose,
} from '../../../electron/common/administered.ts';
import {
  dueDose,
  formatDose,
  formatMaxDose,
  formatStoredDose,
} from '../../../electron/common/dose.ts';
import { doseLineRows, orderDosing, orderRoute } from '../../../electron/common/dose-lines.ts';
import { infusionFacts } from '../../../electron/common/infusion-rate.ts';
import {
  drugLabel,
  isToGive,
  noDueWord,
  notToGiveText,
  prnReason,
} from '../../../electron/common/order-state.ts';
import { describeScheduleProblem } from '../../../electron/common/schedule-problem.ts';
import {
  childDosingWeight,
  dosingWeight,
  perKgNote,
  type PerKgWeight,
} from '../../../electron/common/weight.ts';
import type { Administration, Chart, ChartMedication } from '../../../electron/core/model.ts';
import { useAppContext, useFormat } from '../../app-context.ts';

export function MedicationsTab({ chart }: { readonly chart: Chart }) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const { clock, status } = useAppContext();
  const { medications, administrations } = chart;
  const dosing = childDosingWeight(
    chart.patient,
    chart.observations,
    new Date(clock.now()),
    status.settings.timeZone,
  );
  // The weight the MAR's band prints, which a rate per kilogram is turned into mL/h with.
  const weightKg = dosingWeight(chart.observations, chart.patient.weightKg)?.kg ?? null;
  const toGive = medications.filter(isToGive);
  const scheduled = toGive.filter((m) => !m.prn);
  const prn = toGive.filter((m) => m.prn);
  const notToGive = medications.filter((m) => !isToGive(m));
  const notToGiveId = useId();
  if (medications.length === 0) return <p>{t('meds.none')}</p>;
  return (
    <div className="tab-sections">
      <section>
        <h2>{t('meds.scheduled')}</h2>
        {scheduled.length === 0 ? (
          <p>{words('summary.none')}</p>
        ) : (
          <ScheduledTable meds={scheduled} dosing={dosing} weightKg={weightKg} />
        )}
      </section>
      <section>
        <h2>{words('mar.prn')}</h2>
        {prn.length === 0 ? (
          <p>{words('summary.none')}</p>
        ) : (
          <PrnTable meds={prn} administrations={administrations} dosing={dosing} />
        )}
      </section>
      {notToGive.length > 0 && (
        <section aria-labelledby={notToGiveId}>
          <h2 id={notToGiveId}>{t('meds.notToGive')}</h2>
          <NotToGiveTable meds={notToGive} />
        </section>
      )}
    </div>
  );
}

function DrugCell({ med }: { readonly med: ChartMedication }) {
  const { words } = useFormat();
  return (
    <th scope="row" className="drug">
      {drugLabel(words, med)}
      {med.highAlert && <span className="badge high-alert">{words('drug.highAlert')}</span>}
      {med.instructions && <span className="instructions">{med.instructions}</span>}
    </th>
  );
}

/** The order's dose; an order of several dose lines each on its own row, dose with rhythm. */
function OrderDose({ med }: { readonly med: ChartMedication }) {
  const { format, words } = useFormat();
  const rows = doseLineRows(med, words, format.date);
  if (rows.length === 0) return <>{formatDose(med, words)}</>;
  return (
    <ul className="due-times dose-lines">
      {rows.map((row, index) => (
        <li key={index}>{row}</li>
      ))}
    </ul>
  );
}

/** The order's frequency, or "per dose line" when each line says its own (`OrderDose`). */
function OrderFrequency({ med }: { readonly med: ChartMedication }) {
  const { format, words } = useFormat();
  return <>{orderDosing(med, words, format.date).frequency}</>;
}

/** mg/kg beside a child's dose in a mass unit, or why it is not computed (common/weight.ts). */
function PerKgNote({
  med,
  dosing,
}: {
  readonly med: ChartMedication;
  readonly dosing: PerKgWeight | null;
}) {
  const { format, words } = useFormat();
  const note = perKgNote(med, dosing, words, format.date);
  if (note === null) return null;
  return (
    <span className={note.kind === 'figures' ? 'sub per-kg' : 'sub schedule-problem'}>
      {note.text}
    </span>
  );
}

/** The next-due cell of an order with no time there: why, in the words the summary prints. */
function NothingDue({ med }: { readonly med: ChartMedication }) {
  const { words } = useFormat();
  const word = noDueWord(med);
  if (word !== null) return <>{words(word)}</>;
  if (!med.scheduleProblem) return null;
  return (
    <span className="schedule-problem">
      {words('order.unscheduled', {
        reason: describeScheduleProblem(words, med.scheduleProblem),
      })}
    </span>
  );
}

function ScheduledTable({
  meds,
  dosing,
  weightKg,
}: {
  readonly meds: readonly ChartMedication[];
  readonly dosing: PerKgWeight | null;
  readonly weightKg: number | null;
}) {
  const { format, words } = useFormat();
  return (
    <table className="data-table">
      <OrderColumns last={[words('col.nextDue'), words('col.lastGiven')]} />
      <tbody>
        {meds.map((med) => (
          <tr key={med.id} className={med.highAlert ? 'high-alert-row' : undefined}>
            <DrugCell med={med} />
            <td>
              <OrderDose med={med} />
              <PerKgNote med={med} dosing={dosing} />
              {infusionFacts(med, words, weightKg).map((fact) => (
                <span key={fact} className="sub" data-fact>
                  {fact}
                </span>
              ))}
            </td>
            <td>{orderRoute(med, words)}</td>
            <td>
              <OrderFrequency med={med} />
            </td>
            <td>
              {med.nextDue.length > 0 ? (
                <ul className="due-times">
                  {med.nextDue.map((due) => (
                    <li key={`${due.at}-${due.line ?? ''}`}>
                      {format.dayTime(due.at)}
                      {due.line !== null && ` — ${formatDose(dueDose(med, due.line), words)}`}
                    </li>
                  ))}
                </ul>
              ) : (
                <NothingDue med={med} />
              )}
            </td>
            <td>
              <LastGiven med={med} tooSoon={tooSoonAfterLastDose(med, nextDueOf(med))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function nextDueOf(med: ChartMedication): Date | undefined {
  const first = med.nextDue[0];
  return first === undefined ? undefined : new Date(first.at);
}

/** The last dose given, and the interval check when the next time comes too soon after it. */
function LastGiven({
  med,
  tooSoon,
}: {
  readonly med: ChartMedication;
  readonly tooSoon: Date | null;
}) {
  const { format, words } = useFormat();
  return (
    <>
      {med.lastGiven ? format.instant(med.lastGiven) : words('prn.neverInExport')}
      {tooSoon && (
        <span className="schedule-problem interval-check">
          {words('interval.tooSoon', { time: format.time(tooSoon.toISOString()) })}
        </span>
      )}
    </>
  );
}

function PrnTable({
  meds,
  administrations,
  dosing,
}: {
  readonly meds: readonly ChartMedication[];
  readonly administrations: readonly Administration[];
  readonly dosing: PerKgWeight | null;
}) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const { clock, status } = useAppContext();
  // The export knows nothing after its data time: "the last 24 h" are the 24 h before it.
  const asOf = status.current?.dataAsOf;
  return (
    <table className="data-table">
      <OrderColumns last={[t('meds.lastDay'), words('col.lastGiven')]} />
      <tbody>
        {meds.map((med) => (
          <tr key={med.id} className={med.highAlert ? 'high-alert-row' : undefined}>
            <DrugCell med={med} />
            <td>
              <OrderDose med={med} />
              <PerKgNote med={med} dosing={dosing} />
            </td>
            <td>{orderRoute(med, words)}</td>
            <td>
              <OrderFrequency med={med} />
              {prnReason(words, med) !== null && (
                <span className="sub" data-fact>
                  {words('prn.reason', { reason: prnReason(words, med) ?? '' })}
                </span>
              )}
              {med.maxDose && (
                <span className="sub" data-fact>
                  {words('maxDose.is', { limit: formatMaxDose(med.maxDose, words) })}
                </span>
              )}
            </td>
            <td>
              {asOf && <PrnLastDay med={med} administrations={administrations} asOf={asOf} />}
            </td>
            <td>
              <LastGiven med={med} tooSoon={prnTooSoon(med, new Date(clock.now()))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The doses given in the 24 h before the data and their total against the maximum. */
function PrnLastDay({
  med,
  administrations,
  asOf,
}: {
  readonly med: ChartMedication;
  readonly administrations: readonly Administration[];
  readonly asOf: string;
}) {
  const { format, words } = useFormat();
  const day = lastDayOfDoses(med, administrations, new Date(asOf));
  const time = format.instant(asOf);
  const quantity = (q: { value: number; unit: string }) =>
    formatDose({ dose: q.value, doseUnit: q.unit, doseText: null }, words);
  if (day.total.kind === 'none-given') return <>{words('prn.noneGiven', { time })}</>;
  return (
    <div className="prn-last-day">
      <span className="sub">{words('prn.given', { time })}</span>
      <ul className="due-times">
        {day.given.map((a, i) => (
          <li key={`${a.at ?? ''}-${i}`}>
            {format.dayTime(a.at ?? '')} {a.dose ? formatStoredDose(a.dose, words) : ''}
          </li>
        ))}
      </ul>
      <strong className={day.atOrOverMax ? 'schedule-problem' : undefined}>
        {day.total.kind === 'uncountable'
          ? words('prn.uncountable')
          : day.max
            ? words('prn.total', { total: quantity(day.total.total), max: quantity(day.max) })
            : words('prn.totalNoMax', { total: quantity(day.total.total) })}
      </strong>
      {day.atOrOverMax && <span className="schedule-problem">{words('prn.maxReached')}</span>}
    </div>
  );
}

function NotToGiveTable({ meds }: { readonly meds: readonly ChartMedication[] }) {
  const { words } = useFormat();
  return (
    <table className="data-table">
      <OrderColumns last={[words('col.status')]} />
      <tbody>
        {meds.map((med) => (
          <tr key={med.id} className="not-to-give-row">
            <DrugCell med={med} />
            <td>
              <OrderDose med={med} />
            </td>
            <td>{orderRoute(med, words)}</td>
            <td>
              <OrderFrequency med={med} />
            </td>
            <td>
              <span className="schedule-problem">{notToGiveText(words, med)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The columns every medication table starts with, then the table's own. */
function OrderColumns({ last }: { readonly last: readonly string[] }) {
  const { words } = useFormat();
  return (
    <thead>
      <tr>
        <th scope="col">{words('col.drug')}</th>
        <th scope="col">{words('col.dose')}</th>
        <th scope="col">{words('col.route')}</th>
        <th scope="col">{words('col.frequency')}</th>
        {last.map((title) => (
          <th key={title} scope="col">
            {title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
