/** Family and other contacts to call. */
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';

export function ContactsTab({ contacts }: { readonly contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  const { words } = useFormat();
  if (contacts.length === 0) return <p>{t('contacts.none')}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{words('col.name')}</th>
          <th scope="col">{words('col.relationship')}</th>
          <th scope="col">{words('col.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact, index) => (
          <tr key={index}>
            <th scope="row">{contact.name}</th>
            <td>{contact.relationship}</td>
            <td className="mono">{contact.phone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
