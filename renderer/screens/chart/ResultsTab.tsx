/**
 * Results: one row per measured thing with its latest value, unit, normal range and flag, the
 * earlier values, and for vital signs a small trend chart with the normal band shaded.
 */
import { useTranslation } from 'react-i18next';
import { codeWord } from '../../../electron/common/clinical.ts';
import {
  formatObservationNumber,
  formatReferenceRange,
} from '../../../electron/common/observation-value.ts';
import { named } from '../../../electron/common/placeholder.ts';
import { formatUnit } from '../../../electron/common/unit.ts';
import type { Observation } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';
import { groupTrends, isAbnormal, type Trend } from '../../lib/observations.ts';
import { sparkline } from '../../lib/sparkline.ts';

const HISTORY_SHOWN = 6;
const CATEGORIES = ['vital-signs', 'laboratory', 'other'] as const;
const HEADING = {
  'vital-signs': 'summary.vitals',
  laboratory: 'summary.labs',
  other: 'summary.otherObservations',
} as const;

export function ResultsTab({ observations }: { readonly observations: readonly Observation[] }) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const trends = groupTrends(observations);
  if (trends.length === 0) return <p>{t('results.none')}</p>;
  return (
    <div className="tab-sections">
      {CATEGORIES.map((category) => {
        const group = trends.filter((trend) => trend.category === category);
        if (group.length === 0) return null;
        return (
          <section key={category}>
            <h2>{words(HEADING[category])}</h2>
            <TrendTable trends={group} withChart={category === 'vital-signs'} />
          </section>
        );
      })}
    </div>
  );
}

function TrendTable({
  trends,
  withChart,
}: {
  readonly trends: readonly Trend[];
  readonly withChart: boolean;
}) {
  const { t } = useTranslation();
  const { words } = useFormat();
  return (
    <table className="data-table results">
      <thead>
        <tr>
          <th scope="col">{words('col.observation')}</th>
          <th scope="col">{t('results.latest')}</th>
          <th scope="col">{words('col.range')}</th>
          {withChart && <th scope="col">{t('results.trend')}</th>}
          <th scope="col">{t('results.history')}</th>
        </tr>
      </thead>
      <tbody>
        {trends.map((trend) => {
          const [latest, ...earlier] = trend.values;
          const unit = formatUnit(trend.unit, words);
          return (
            <tr key={trend.key} data-observation={trend.name}>
              <th scope="row">
                {named(words, 'observation', trend.name, trend.code)}
                {unit && <span className="sub">{unit}</span>}
              </th>
              <td>{latest && <ObservationValue observation={latest} />}</td>
              <td>{formatReferenceRange(trend, words)}</td>
              {withChart && (
                <td>
                  <TrendChart trend={trend} />
                </td>
              )}
              <td>
                <ul className="history">
                  {earlier.slice(0, HISTORY_SHOWN).map((o, index) => (
                    <li key={index}>
                      <ObservationValue observation={o} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ObservationValue({ observation }: { readonly observation: Observation }) {
  const { format, words } = useFormat();
  const abnormal = isAbnormal(observation.flag);
  return (
    <span className={abnormal ? 'value abnormal' : 'value'}>
      <strong>{formatObservationNumber(observation, words)}</strong>
      {abnormal && (
        <span className="flag">{codeWord(words, 'observationFlag', observation.flag)}</span>
      )}
      {observation.at && <span className="sub">{format.short(observation.at)}</span>}
    </span>
  );
}

const CHART_WIDTH = 120;
const CHART_HEIGHT = 32;

function TrendChart({ trend }: { readonly trend: Trend }) {
  const { t } = useTranslation();
  const { words } = useFormat();
  if (trend.series.length < 2) return null;
  const line = sparkline(trend.series, CHART_WIDTH, CHART_HEIGHT, {
    low: trend.refLow,
    high: trend.refHigh,
  });
  return (
    <svg
      className="sparkline"
      width={CHART_WIDTH}
      height={CHART_HEIGHT}
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      role="img"
      aria-label={t('results.trendOf', {
        name: named(words, 'observation', trend.name, trend.code),
        count: trend.series.length,
      })}
    >
      {line.band && (
        <rect
          className="spark-band"
          x={0}
          y={line.band.y}
          width={CHART_WIDTH}
          height={line.band.height}
        />
      )}
      <polyline className="spark-line" points={line.points} />
      {line.last && <circle className="spark-last" cx={line.last.x} cy={line.last.y} r={2.5} />}
    </svg>
  );
}
