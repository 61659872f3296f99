/**
 * The one search box (a combobox): results while typing, debounced to 30 ms, with answers to
 * older queries discarded so a slow answer never overwrites a newer one. Arrow keys pick a
 * result, Enter opens the chart.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../electron/core/model.ts';
import { call } from '../api.ts';
import { useFormat } from '../app-context.ts';
import { useSexLabel } from '../components/Badges.tsx';
import { named } from '../../electron/common/placeholder.ts';

const DEBOUNCE_MS = 30;
const LIMIT = 20;

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly onOpen: (patientId: string) => void;
  /** Changes when a chart was opened elsewhere (a scan): the box empties and closes. */
  readonly clearSignal: number;
}

export function SearchBox({ inputRef, onOpen, clearSignal }: Props) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const sexLabel = useSexLabel();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const trimmed = query.trim();
    const ticket = ++latest.current;
    if (trimmed === '') {
      setHits(null);
      return;
    }
    const timer = window.setTimeout(() => {
      void call('search', { query: trimmed, limit: LIMIT }).then((result) => {
        if (ticket !== latest.current) return;
        setHits(result.ok ? result.value : []);
        setActive(0);
        setOpen(true);
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (clearSignal === 0) return;
    setQuery('');
    setOpen(false);
  }, [clearSignal]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    setOpen(false);
    setQuery('');
    setHits(null);
    onOpen(hit.patientId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = hits?.length ?? 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => Math.min(count - 1, i + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => Math.max(0, i - 1));
        break;
      case 'Enter':
        event.preventDefault();
        if (open) choose(hits?.[active]);
        break;
      case 'Escape':
        setOpen(false);
        break;
      default:
        break;
    }
  };

  const listId = `${id}-list`;
  const expanded = open && hits !== null;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits.length > 0 ? `${id}-hit-${active}` : undefined}
        value={query}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <p className="visually-hidden" role="status">
        {hits === null ? '' : t('search.count', { count: hits.length })}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        className={expanded ? 'search-results' : 'search-results hidden'}
      >
        {expanded && hits.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled className="search-none">
            {t('search.none')}
          </li>
        )}
        {expanded &&
          hits.map((hit, index) => (
            <li
              key={hit.patientId}
              id={`${id}-hit-${index}`}
              role="option"
              aria-selected={index === active}
              className="search-hit"
              data-mrn={hit.mrn}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              <span className="hit-name">{named(words, 'name', hit.name)}</span>
              <span className="hit-facts">
                {hit.birthDate && t('search.born', { date: format.partialDate(hit.birthDate) })}
                {hit.sex && ` · ${sexLabel(hit.sex)}`}
                {` · ${words('col.mrn')} ${hit.mrn}`}
              </span>
              <span className="hit-where">
                {hit.admitted
                  ? [named(words, 'ward', hit.wardName), hit.bed].filter(Boolean).join(' · ')
                  : t('search.notAdmitted')}
                {hit.locator && ` · ${words('locator.only')}`}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}
