/** Administrations of the last 72 hours, newest first. */
import { useTranslation } from 'react-i18next';
import { codeWord } from '../../../electron/common/clinical.ts';
import { formatStoredDose } from '../../../electron/common/dose.ts';
import { formatRoute } from '../../../electron/common/route.ts';
import type { Administration } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';

const newestFirst = (a: Administration, b: Administration): number =>
  (b.at ?? '').localeCompare(a.at ?? '');

export function AdministrationsTab({ items }: { readonly items: readonly Administration[] }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  if (items.length === 0) return <p>{t('admin.none')}</p>;
  return (
    <section>
      <h2>{t('admin.heading')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{words('col.time')}</th>
            <th scope="col">{words('col.drug')}</th>
            <th scope="col">{words('col.dose')}</th>
            <th scope="col">{words('col.route')}</th>
            <th scope="col">{words('col.status')}</th>
            <th scope="col">{words('col.performer')}</th>
            <th scope="col">{t('admin.note')}</th>
          </tr>
        </thead>
        <tbody>
          {[...items].sort(newestFirst).map((item, index) => (
            <tr key={`${item.at ?? ''}-${index}`}>
              <td>{item.at ? format.instant(item.at) : ''}</td>
              <th scope="row">{item.drug}</th>
              <td>{item.dose === null ? '' : formatStoredDose(item.dose, words)}</td>
              <td>{formatRoute(item, words)}</td>
              <td>{codeWord(words, 'adminStatus', item.status)}</td>
              <td>{item.performer}</td>
              <td>{item.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
