/**
 * The census: ward picker with counts, a filter, and the ward's patients by bed in a
 * virtualised grid (see CensusGrid). Patients of wards outside the export's scope are locator
 * rows: where the patient is, nothing more.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CensusRow, Ward } from '../../electron/core/model.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { useFormat } from '../app-context.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useFocusOnMount } from '../hooks/useFocusOnMount.ts';
import { filterCensus, sortCensus, type SortOrder } from '../lib/census-view.ts';
import { CensusGrid } from './CensusGrid.tsx';
import { named } from '../../electron/common/placeholder.ts';

interface Props {
  readonly wards: readonly Ward[];
  readonly wardId: string;
  readonly onWardChange: (wardId: string) => void;
  readonly onOpen: (patientId: string) => void;
}

export function CensusScreen({ wards, wardId, onWardChange, onOpen }: Props) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const [rows, setRows] = useState<readonly CensusRow[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<SortOrder>({ key: 'bed', direction: 'ascending' });

  useEffect(() => {
    if (wardId === '') return;
    let current = true;
    setRows(null);
    setError(null);
    void call('census', { wardId }).then((result) => {
      if (!current) return;
      if (result.ok) setRows(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [wardId]);

  const shown = useMemo(
    () => (rows ? sortCensus(filterCensus(rows, filter), order) : []),
    [rows, filter, order],
  );
  const ward = wards.find((w) => w.id === wardId);

  return (
    <section className="census" aria-labelledby={`${id}-h`}>
      <div className="census-controls">
        <h1 id={`${id}-h`} ref={heading} tabIndex={-1}>
          {words('report.census')}
        </h1>
        <div className="field inline">
          <label htmlFor={`${id}-ward`}>{words('label.ward')}</label>
          <select id={`${id}-ward`} value={wardId} onChange={(e) => onWardChange(e.target.value)}>
            {wards.map((w) => (
              <option key={w.id} value={w.id}>
                {t(w.inScope ? 'census.wardOption' : 'census.wardOptionLocator', {
                  name: named(words, 'ward', w.name),
                  count: format.number(w.censusCount),
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-filter`}>{t('census.filter')}</label>
          <input
            id={`${id}-filter`}
            type="text"
            value={filter}
            autoComplete="off"
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <p className="census-count" role="status">
          {rows &&
            t('census.shown', {
              shown: format.number(shown.length),
              total: format.number(rows.length),
            })}
        </p>
      </div>
      {error && <ErrorNotice error={error} />}
      {!rows && !error && <p role="status">{t('census.loading')}</p>}
      {rows && (
        <CensusGrid
          rows={shown}
          label={t('census.tableLabel', { ward: ward ? named(words, 'ward', ward.name) : wardId })}
          order={order}
          onSort={setOrder}
          onOpen={onOpen}
        />
      )}
      {rows && shown.length === 0 && <p>{t('census.empty')}</p>}
    </section>
  );
}
