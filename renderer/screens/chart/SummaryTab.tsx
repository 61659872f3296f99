/**
 * Summary: the I-PASS handover (severity, summary, actions, situation awareness), the lines,
 * drains and devices, problems, stay.
 */
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../electron/core/model.ts';
import { useAppContext, useFormat } from '../../app-context.ts';
import { SeverityBadge } from '../../components/Badges.tsx';
import { named } from '../../../electron/common/placeholder.ts';
import { deviceLine, devicePlacement } from '../../../electron/common/device.ts';

export function SummaryTab({ chart }: { readonly chart: Chart }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const { handover, stay, problems } = chart;
  const stayFacts: readonly [string, string | null][] = stay
    ? [
        [words('label.admitted'), stay.admittedAt && format.instant(stay.admittedAt)],
        [
          words('label.expectedDischarge'),
          stay.expectedDischarge && format.date(stay.expectedDischarge),
        ],
        [words('label.attending'), stay.attending],
        [words('label.service'), stay.service],
        [words('label.reason'), stay.reason],
        [words('label.diet'), stay.diet],
        [words('label.mobility'), stay.mobility],
        [words('label.fallRisk'), stay.fallRisk],
        [words('label.codeStatusNote'), stay.codeStatusText],
      ]
    : [];
  return (
    <div className="tab-sections">
      <section>
        <h2>{words('report.handover')}</h2>
        <dl className="facts-list">
          <dt>{words('ipass.severity')}</dt>
          <dd>
            {handover.severity ? (
              <SeverityBadge severity={handover.severity} />
            ) : (
              words('summary.none')
            )}
          </dd>
          <dt>{words('ipass.summary')}</dt>
          <dd className="prose">{handover.summary ?? words('summary.none')}</dd>
          <dt>{words('ipass.actions')}</dt>
          <dd>
            {handover.actions.length === 0 ? (
              words('summary.none')
            ) : (
              <ul className="actions">
                {handover.actions.map((action, index) => (
                  <li key={index}>{action}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{words('ipass.awareness')}</dt>
          <dd className="prose">{handover.situationAwareness ?? words('summary.none')}</dd>
        </dl>
      </section>
      <DevicesSection chart={chart} />
      <section>
        <h2>{words('summary.problems')}</h2>
        {problems.length === 0 ? (
          <p>{words('summary.none')}</p>
        ) : (
          <ul>
            {problems.map((p, index) => (
              <li key={index}>
                {named(words, 'condition', p.text, p.code)}
                {p.onset && ` (${t('summary.since', { date: format.partialDate(p.onset) })})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      {stay && (
        <section>
          <h2>{words('summary.stay')}</h2>
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

/**
 * Lines, drains and devices in use, as the handover prints them: what, where, placed when and
 * day n since (counted to the data's time, like the paper), UNVERIFIED marked; none is said.
 */
function DevicesSection({ chart }: { readonly chart: Chart }) {
  const { format, words } = useFormat();
  const { clock, status } = useAppContext();
  const asOf = new Date(status.current?.dataAsOf ?? clock.now());
  const { timeZone } = status.settings;
  return (
    <section className="devices" data-testid="devices">
      <h2>{words('handover.devices')}</h2>
      {chart.devices.length === 0 ? (
        <p>{words('device.none')}</p>
      ) : (
        <ul>
          {chart.devices.map((device, index) => (
            <li key={index} className={device.unverified ? 'schedule-problem' : undefined}>
              {deviceLine(
                words,
                device,
                devicePlacement(device.placedAt, asOf, timeZone, format.partialDate),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
