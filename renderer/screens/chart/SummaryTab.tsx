/** Summary: the I-PASS handover (severity, summary, actions, situation awareness), problems, stay. */
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';
import { SeverityBadge } from '../../components/Badges.tsx';
import { named } from '../../../electron/common/placeholder.ts';

export function SummaryTab({ chart }: { readonly chart: Chart }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const { handover, stay, problems } = chart;
  const stayFacts: readonly [string, string | null][] = stay
    ? [
        [t('summary.admitted'), stay.admittedAt && format.instant(stay.admittedAt)],
        [
          t('summary.expectedDischarge'),
          stay.expectedDischarge && format.date(stay.expectedDischarge),
        ],
        [t('summary.attending'), stay.attending],
        [t('summary.service'), stay.service],
        [t('summary.reason'), stay.reason],
        [t('summary.diet'), stay.diet],
        [t('summary.mobility'), stay.mobility],
        [t('summary.fallRisk'), stay.fallRisk],
        [t('summary.codeStatusText'), stay.codeStatusText],
      ]
    : [];
  return (
    <div className="tab-sections">
      <section>
        <h2>{t('summary.handover')}</h2>
        <dl className="facts-list">
          <dt>{t('summary.severity')}</dt>
          <dd>
            {handover.severity ? <SeverityBadge severity={handover.severity} /> : t('chart.none')}
          </dd>
          <dt>{t('summary.summary')}</dt>
          <dd className="prose">{handover.summary ?? t('chart.none')}</dd>
          <dt>{t('summary.actions')}</dt>
          <dd>
            {handover.actions.length === 0 ? (
              t('chart.none')
            ) : (
              <ul className="actions">
                {handover.actions.map((action, index) => (
                  <li key={index}>{action}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('summary.awareness')}</dt>
          <dd className="prose">{handover.situationAwareness ?? t('chart.none')}</dd>
        </dl>
      </section>
      <section>
        <h2>{t('summary.problems')}</h2>
        {problems.length === 0 ? (
          <p>{t('chart.none')}</p>
        ) : (
          <ul>
            {problems.map((p, index) => (
              <li key={index}>
                {named(words, 'condition', p.text)}
                {p.onset && ` (${t('summary.since', { date: format.partialDate(p.onset) })})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      {stay && (
        <section>
          <h2>{t('summary.stay')}</h2>
          <dl className="facts-list">
            {stayFacts
              .filter(([, value]) => value !== null && value !== '')
              .map(([label, value]) => (
                <div key={label} className="fact">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        </section>
      )}
    </div>
  );
}
