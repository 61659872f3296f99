/**
 * The standard administration times on the settings form: one labelled text field per row of
 * each table ("08:00, 20:00"). A row's problem shows next to it once IT leaves the field, or for
 * every row once a save was refused here; the form sends nothing while a row is wrong.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWordKey, type TranslateWord } from '../../electron/common/words/index.ts';
import { useFormat } from '../app-context.ts';
import {
  ADMIN_TABLES,
  rowProblem,
  type AdminTable,
  type AdminTimesText,
  type TimesProblem,
} from '../lib/admin-times-text.ts';

type T = ReturnType<typeof useTranslation>['t'];

/** The id of a row's field, so the form can put the cursor on the first wrong one. */
export const adminRowId = (prefix: string, table: AdminTable, key: string): string =>
  `${prefix}-${table}-${key}`;

export function AdminTimesFields({
  idPrefix,
  text,
  showAll,
  onChange,
}: {
  readonly idPrefix: string;
  readonly text: AdminTimesText;
  /** Show every row's problem (after a refused save), not only the rows already left. */
  readonly showAll: boolean;
  readonly onChange: (table: AdminTable, key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const hintId = `${idPrefix}-times-hint`;
  return (
    <div className="admin-times">
      <h2>{t('settings.adminTimes')}</h2>
      <p id={hintId} className="hint">
        {t('settings.timesHint')}
      </p>
      {ADMIN_TABLES.map((table) => (
        <fieldset key={table}>
          <legend>{legendOf(t, table)}</legend>
          <div className={table === 'when' ? 'times-grid' : 'times-list'}>
            {Object.entries(text[table]).map(([key, value]) => {
              const id = adminRowId(idPrefix, table, key);
              const problem = rowProblem(table, key, value);
              const shown = problem !== null && (showAll || left.has(id));
              return (
                <div className="field" key={key}>
                  <label htmlFor={id}>{rowLabel(t, words, table, key)}</label>
                  <input
                    id={id}
                    type="text"
                    className="mono"
                    autoComplete="off"
                    spellCheck={false}
                    value={value}
                    aria-invalid={shown}
                    aria-describedby={shown ? `${id}-error ${hintId}` : hintId}
                    onChange={(e) => onChange(table, key, e.target.value)}
                    onBlur={() => setLeft((current) => new Set(current).add(id))}
                  />
                  {shown && (
                    <p id={`${id}-error`} className="hint hint-error">
                      {problemText(t, problem)}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function legendOf(t: T, table: AdminTable): string {
  switch (table) {
    case 'perDay':
      return t('settings.perDayLegend');
    case 'everyHours':
      return t('settings.everyHoursLegend');
    case 'when':
      return t('settings.whenLegend');
    default: {
      const _: never = table;
      return _;
    }
  }
}

/**
 * "2 × a day", "Every 6 h", "before breakfast": an event row in the words the MAR says it with,
 * never its FHIR code (HS is on ISMP's error-prone list); a code without words stays as given.
 */
function rowLabel(t: T, words: TranslateWord, table: AdminTable, key: string): string {
  switch (table) {
    case 'perDay':
      return t('settings.perDay', { count: Number(key) });
    case 'everyHours':
      return t('settings.everyHours', { hours: Number(key) });
    case 'when': {
      const word = `when.${key}`;
      return isWordKey(word) ? words(word) : key;
    }
    default: {
      const _: never = table;
      return _;
    }
  }
}

/** What is wrong with a list of times, next to its field (here and for the round starts). */
export function problemText(t: T, problem: TimesProblem): string {
  switch (problem.kind) {
    case 'format':
      return t('settings.timesFormat');
    case 'empty':
      return t('settings.timesEmpty');
    case 'count':
      return t('settings.timesCount', { expected: problem.expected, given: problem.given });
    case 'tooMany':
      return t('settings.timesTooMany', { max: problem.max });
    default: {
      const _: never = problem;
      return _;
    }
  }
}
