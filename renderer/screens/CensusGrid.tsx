/**
 * The census as an ARIA grid, windowed: only the rows in view (plus a margin) are mounted, so
 * 30,000 rows scroll as smoothly as 30. Row offsets go through the CSSOM (`element.style`),
 * which the strict CSP allows, unlike `style` attributes in markup. Keyboard: the grid holds
 * focus and points at the active row with aria-activedescendant; arrows, Page Up/Down,
 * Home/End move, Enter opens the chart.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { WordKey } from '../../electron/common/words/index.ts';
import type { CensusRow } from '../../electron/core/model.ts';
import { useAppContext, useFormat } from '../app-context.ts';
import {
  AllergyMarker,
  CodeStatusBadge,
  SeverityBadge,
  useSexLabel,
} from '../components/Badges.tsx';
import type { SortKey, SortOrder } from '../lib/census-view.ts';
import { daysSince } from '../lib/format.ts';
import { ageAt, formatAge } from '../../electron/common/age.ts';
import { rowWindow, scrollToReveal } from '../lib/virtual-window.ts';
import { named } from '../../electron/common/placeholder.ts';

/** Must equal `.grid-row { height }` in styles.css. */
export const ROW_HEIGHT_PX = 40;

type Column = {
  readonly id: string;
  /** A clinical label the paper prints too, or one of the census screen's own. */
  readonly label: { readonly word: WordKey } | { readonly screen: 'census.age' | 'census.reason' };
  readonly sort: SortKey | null;
};

const COLUMNS: readonly Column[] = [
  { id: 'bed', label: { word: 'col.bed' }, sort: 'bed' },
  { id: 'name', label: { word: 'col.name' }, sort: 'name' },
  { id: 'age', label: { screen: 'census.age' }, sort: 'age' },
  { id: 'mrn', label: { word: 'col.mrn' }, sort: 'mrn' },
  { id: 'admitted', label: { word: 'label.admitted' }, sort: 'admitted' },
  { id: 'attending', label: { word: 'col.attending' }, sort: null },
  { id: 'reason', label: { screen: 'census.reason' }, sort: null },
  { id: 'allergies', label: { word: 'col.allergies' }, sort: null },
  { id: 'code', label: { word: 'col.codeStatus' }, sort: null },
  { id: 'isolation', label: { word: 'col.isolation' }, sort: null },
  { id: 'severity', label: { word: 'col.severity' }, sort: 'severity' },
];

interface Props {
  readonly rows: readonly CensusRow[];
  readonly label: string;
  readonly order: SortOrder;
  readonly onSort: (order: SortOrder) => void;
  readonly onOpen: (patientId: string) => void;
}

export function CensusGrid({ rows, label, order, onSort, onOpen }: Props) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const columnLabel = (column: Column): string =>
    'word' in column.label ? words(column.label.word) : t(column.label.screen);
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const slab = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [active, setActive] = useState(0);

  const headHeight = (): number => head.current?.offsetHeight ?? ROW_HEIGHT_PX;
  const bodyViewport = Math.max(ROW_HEIGHT_PX, viewport - ROW_HEIGHT_PX);
  const mounted = rowWindow(rows.length, ROW_HEIGHT_PX, scrollTop, bodyViewport);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (body.current) body.current.style.height = `${rows.length * ROW_HEIGHT_PX}px`;
  }, [rows.length]);

  useLayoutEffect(() => {
    if (slab.current) slab.current.style.transform = `translateY(${mounted.offsetPx}px)`;
  }, [mounted.offsetPx]);

  // A new list (ward, filter or sort changed) starts at its top.
  useEffect(() => {
    setActive(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [rows]);

  const moveTo = (index: number): void => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    const element = scroller.current;
    if (!element) return;
    const visible = element.clientHeight - headHeight();
    const target = scrollToReveal(next, ROW_HEIGHT_PX, element.scrollTop, visible);
    if (target !== null) element.scrollTop = target;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor(bodyViewport / ROW_HEIGHT_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      const row = rows[active];
      if (row) {
        event.preventDefault();
        onOpen(row.patientId);
      }
    }
  };

  const sortBy = (key: SortKey): void =>
    onSort({
      key,
      direction: order.key === key && order.direction === 'ascending' ? 'descending' : 'ascending',
    });

  return (
    <div className="grid-wrap">
      <div
        ref={scroller}
        className="grid"
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={COLUMNS.length}
        aria-describedby={`${id}-hint`}
        // Only a mounted row can be pointed at; scrolled away, the grid itself has focus.
        aria-activedescendant={
          active >= mounted.start && active < mounted.end ? `${id}-row-${active}` : undefined
        }
        tabIndex={0}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="grid-head" ref={head}>
          <div role="row" aria-rowindex={1} className="grid-row">
            {COLUMNS.map((column, index) => (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={index + 1}
                aria-sort={
                  column.sort !== null && column.sort === order.key ? order.direction : undefined
                }
                className={`cell col-${column.id}`}
              >
                {column.sort === null ? (
                  columnLabel(column)
                ) : (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => column.sort && sortBy(column.sort)}
                  >
                    {columnLabel(column)}
                    <span aria-hidden="true" className="sort-mark">
                      {column.sort === order.key
                        ? order.direction === 'ascending'
                          ? '▲'
                          : '▼'
                        : ''}
                    </span>
                  </button>
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" ref={body}>
          <div className="grid-slab" ref={slab} role="none">
            {rows.slice(mounted.start, mounted.end).map((row, offset) => {
              const index = mounted.start + offset;
              return (
                <CensusGridRow
                  key={row.patientId}
                  id={`${id}-row-${index}`}
                  row={row}
                  index={index}
                  active={index === active}
                  onOpen={() => {
                    setActive(index);
                    onOpen(row.patientId);
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('census.keyboardHint')}
      </p>
    </div>
  );
}

interface RowProps {
  readonly id: string;
  readonly row: CensusRow;
  readonly index: number;
  readonly active: boolean;
  readonly onOpen: () => void;
}

function CensusGridRow({ id, row, index, active, onOpen }: RowProps) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  const { clock, status } = useAppContext();
  const sexLabel = useSexLabel();
  const now = clock.now();
  const age = ageAt(row.birthDate, new Date(now), status.settings.timeZone);
  const stayDays = daysSince(row.admittedAt, now);
  const cell = (column: number, content: ReactNode, extra = '') => (
    // Text cells carry their full text as a tooltip: narrow columns cut it with an ellipsis.
    <div
      role="gridcell"
      aria-colindex={column}
      className={`cell ${extra}`}
      title={typeof content === 'string' ? content : undefined}
    >
      {content}
    </div>
  );
  const bed = [row.room, row.bed].filter(Boolean).join(' · ');
  const ageSex = [age === null ? null : formatAge(age, words), sexLabel(row.sex) || null]
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`grid-row${active ? ' active' : ''}${row.locator ? ' locator' : ''}`}
      data-mrn={row.mrn}
      onClick={onOpen}
    >
      {cell(1, bed, 'col-bed')}
      {cell(2, named(words, 'name', row.name), 'col-name')}
      {cell(3, ageSex, 'col-age')}
      {cell(4, row.mrn, 'col-mrn mono')}
      {row.locator ? (
        <div role="gridcell" aria-colindex={5} aria-colspan={7} className="cell col-locator">
          {words('locator.patient', { ward: named(words, 'ward', row.wardName) })}
        </div>
      ) : (
        <>
          {cell(
            5,
            row.admittedAt &&
              t('census.stay', {
                date: format.dayMonth(row.admittedAt),
                days: stayDays === null ? '' : format.daysNarrow(stayDays),
              }),
            'col-admitted',
          )}
          {cell(6, row.attending, 'col-attending')}
          {cell(7, row.reason, 'col-reason')}
          {cell(8, <AllergyMarker state={row.allergyState} short />, 'col-allergies')}
          {cell(9, <CodeStatusBadge status={row.codeStatus} short />, 'col-code')}
          {cell(10, row.isolation, 'col-isolation')}
          {cell(11, <SeverityBadge severity={row.severity} />, 'col-severity')}
        </>
      )}
    </div>
  );
}
