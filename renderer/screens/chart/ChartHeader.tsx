/**
 * The patient header that never scrolls away: two identifiers (name + birth date, MRN), where
 * the patient is, the allergy band (red when allergies are recorded; never blank), code
 * status, isolation and weight.
 */
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../electron/core/model.ts';
import { useAppContext, useFormat } from '../../app-context.ts';
import { CodeStatusBadge, useSexLabel } from '../../components/Badges.tsx';
import {
  allergyAbsenceNotes,
  allergyLines,
  reactionWords,
} from '../../../electron/common/allergies.ts';
import { allergyBand, codeStatusSources } from '../../../electron/common/clinical.ts';
import { ageAt, formatAge, isChild } from '../../../electron/common/age.ts';
import { dosingWeight } from '../../../electron/common/weight.ts';
import { named } from '../../../electron/common/placeholder.ts';

export function ChartHeader({
  chart,
  headingId,
}: {
  readonly chart: Chart;
  readonly headingId: string;
}) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const { clock, status } = useAppContext();
  const sexLabel = useSexLabel();
  const { patient, stay } = chart;
  const now = new Date(clock.now());
  const age = ageAt(patient.birthDate, now, status.settings.timeZone);
  return (
    <section className="chart-header" aria-label={t('chart.headerLabel')}>
      <div className="identity">
        <h1 id={headingId} tabIndex={-1} className="patient-name">
          {named(words, 'name', patient.name)}
        </h1>
        <span className="born">
          {patient.birthDate
            ? words('patient.born', { date: format.partialDate(patient.birthDate) })
            : words('patient.bornUnknown')}
          {age !== null && ` · ${formatAge(age, words)}`}
          {patient.sex && ` · ${sexLabel(patient.sex)}`}
        </span>
        <span className="mrn">
          {words('col.mrn')} <strong className="mono">{patient.mrn}</strong>
        </span>
        <span className="location">
          {stay
            ? [
                named(words, 'ward', stay.wardName),
                stay.room && words('patient.room', { room: stay.room }),
                stay.bed && words('patient.bed', { bed: stay.bed }),
              ]
                .filter(Boolean)
                .join(' · ')
            : words('summary.notAdmitted')}
        </span>
      </div>
      <AllergyBand chart={chart} />
      {/* Code status is never hidden: a patient not admitted at the export has none recorded
          for this stay, said as "not documented — verify", as the paper says it. */}
      {!chart.locator && (
        <dl className="header-facts">
          <div>
            <dt>{words('label.codeStatus')}</dt>
            <dd>
              <CodeStatusBadge status={stay?.codeStatus ?? 'unknown'} />
              {/* Each hospital defines its own DNR codes: its wording stays beside the category. */}
              {stay?.codeStatusText && <span className="sub">{stay.codeStatusText}</span>}
              {stay?.codeStatusFromText && (
                <span className="sub">{words('codeStatus.fromText')}</span>
              )}
              {stay?.codeStatus === 'conflicting' && (
                <span className="sub code-status-sources">
                  {codeStatusSources(words, stay.codeStatusClaims, format.date)}
                </span>
              )}
            </dd>
          </div>
          {stay && (
            <div>
              <dt>{words('col.isolation')}</dt>
              <dd className={stay.isolation ? 'isolation-on' : undefined}>
                {stay.isolation ?? t('chart.noIsolation')}
              </dd>
            </div>
          )}
          <div>
            <dt>{words('label.weight')}</dt>
            <WeightFact
              chart={chart}
              child={isChild(patient.birthDate, now, status.settings.timeZone)}
            />
          </div>
        </dl>
      )}
    </section>
  );
}

/** The dosing weight with its date; for a child without one, a warning to weigh first. */
function WeightFact({ chart, child }: { readonly chart: Chart; readonly child: boolean }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const weight = dosingWeight(chart.observations, chart.patient.weightKg);
  if (weight === null) {
    return child ? (
      <dd className="schedule-problem">{words('weight.missingChild')}</dd>
    ) : (
      <dd>{t('chart.notRecorded')}</dd>
    );
  }
  const kg = format.number(weight.kg);
  return (
    <dd className="weight">
      {weight.at === null
        ? words('weight.undated', { kg })
        : words('weight.at', { kg, date: format.date(weight.at) })}
    </dd>
  );
}

function AllergyBand({ chart }: { readonly chart: Chart }) {
  const { words } = useFormat();
  const lines = allergyLines(chart.allergies);
  const band = allergyBand(chart.allergyState, lines.length);
  // "No known drug allergy" and the like, in the paper's words and order.
  const notes = allergyAbsenceNotes(words, chart.allergyState, chart.allergyAbsences);
  if (band !== 'list') {
    // "present" with an empty list cannot be shown as safe: it says so, as the paper does.
    const shown = band === 'none-known' ? 'none-known' : 'unknown';
    return (
      <p className={`allergy-band allergy-band-${shown}`} data-allergy-state={shown}>
        {[words(`allergy.${band}`), ...notes].join(' · ')}
      </p>
    );
  }
  return (
    <div className="allergy-band allergy-band-present" data-allergy-state="present" role="note">
      <strong>{words('col.allergies')}</strong>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>
            <strong>{named(words, 'substance', line.substance, line.code)}</strong>
            {reactionWords(words, line).length > 0 && ` (${reactionWords(words, line).join(', ')})`}
            {line.highCriticality && ' ⚠'}
          </li>
        ))}
      </ul>
      {notes.length > 0 && <p className="allergy-absences">{notes.join(' · ')}</p>}
    </div>
  );
}
