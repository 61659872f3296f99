/** The plan: care plan, goals, requests, diet, activity, nursing tasks with due times. */
import { useTranslation } from 'react-i18next';
import { codeWord } from '../../../electron/common/clinical.ts';
import { planItemText } from '../../../electron/common/plan-item.ts';
import type { PlanItem, PlanItemKind } from '../../../electron/core/model.ts';
import { useFormat } from '../../app-context.ts';

/** Nursing tasks first: they are what the night shift acts on. */
const KIND_ORDER: readonly PlanItemKind[] = [
  'nursing-task',
  'flag',
  'careplan-activity',
  'goal',
  'service-request',
  'procedure',
  'diet',
  'activity',
];

const byDue = (a: PlanItem, b: PlanItem): number => {
  if (a.due === null || b.due === null) return a.due === b.due ? 0 : a.due === null ? 1 : -1;
  return a.due.localeCompare(b.due);
};

export function PlanTab({ items }: { readonly items: readonly PlanItem[] }) {
  const { t } = useTranslation();
  const { format, words } = useFormat();
  if (items.length === 0) return <p>{t('plan.none')}</p>;
  return (
    <div className="tab-sections">
      {KIND_ORDER.map((kind) => {
        const group = items.filter((item) => item.kind === kind).sort(byDue);
        if (group.length === 0) return null;
        return (
          <section key={kind}>
            <h2>{kind === 'diet' ? words('label.diet') : t(`plan.${kind}`)}</h2>
            <ul className="plan-list">
              {group.map((item, index) => (
                <li key={index}>
                  <span className={item.doNotPerform ? 'plan-text do-not' : 'plan-text'}>
                    {planItemText(words, item)}
                  </span>
                  {item.due && (
                    <span className="due">{t('plan.due', { when: format.instant(item.due) })}</span>
                  )}
                  {item.status && (
                    <span className="sub">{codeWord(words, 'planStatus', item.status)}</span>
                  )}
                  {item.detail && <span className="sub">{item.detail}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
