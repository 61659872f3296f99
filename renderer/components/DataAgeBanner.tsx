/**
 * "Data as of … (3 hours ago)" in green, amber or red on every screen, and DEMO DATA for the
 * demo export: nobody should act on stale or synthetic data without seeing it.
 */
import { useTranslation } from 'react-i18next';
import { useAppContext, useFormat } from '../app-context.ts';
import { ageLevel } from '../../electron/common/data-age.ts';
import { useNow } from '../hooks/useNow.ts';

export function DataAgeBanner() {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const { status, clock } = useAppContext();
  const now = useNow(clock);
  const current = status.current;
  if (!current) {
    return (
      <div className="age-banner age-red" data-level="red" role="status">
        {t('age.none')}
      </div>
    );
  }
  const asOf = Date.parse(current.dataAsOf);
  const ageMs = Number.isNaN(asOf) ? Number.POSITIVE_INFINITY : now - asOf;
  const { staleAmberHours, staleRedHours } = status.settings;
  const level = ageLevel(ageMs, staleAmberHours, staleRedHours);
  return (
    <div className="age-row">
      <div className={`age-banner age-${level}`} data-level={level} role="status">
        <strong>{words(`dataAge.${level}`)}</strong>
        <span>
          {t('age.asOf', {
            when: format.instant(current.dataAsOf),
            ago: Number.isFinite(ageMs) ? format.ago(ageMs) : current.dataAsOf,
          })}
        </span>
      </div>
      {current.demo && (
        <div className="demo-mark" data-testid="demo-mark">
          {words('demo.banner')}
        </div>
      )}
    </div>
  );
}
