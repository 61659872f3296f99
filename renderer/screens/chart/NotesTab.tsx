/** Clinical notes, newest first, text kept as written (line breaks included). */
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';
import { named } from '../../../electron/common/placeholder.ts';

export function NotesTab({ notes }: { readonly notes: readonly Note[] }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  if (notes.length === 0) return <p>{t('notes.none')}</p>;
  const sorted = [...notes].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return (
    <div className="tab-sections">
      {sorted.map((note, index) => (
        <article key={index} className="note">
          <h2>{named(words, 'note', note.title ?? note.kind)}</h2>
          <p className="byline">
            {note.author && note.at
              ? t('notes.byline', { author: note.author, when: format.instant(note.at) })
              : (note.author ?? (note.at && format.instant(note.at)))}
          </p>
          <p className="prose">{note.text}</p>
        </article>
      ))}
    </div>
  );
}
