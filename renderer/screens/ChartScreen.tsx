/**
 * A patient's chart: the fixed header, then tabs (Summary, Medications, Administrations, Plan,
 * Results, Notes, Contacts) following the WAI-ARIA tabs pattern (arrow keys move between tabs).
 * A locator patient (ward outside the export) shows the header and where they are, nothing more.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app-context.ts';
import type { Chart } from '../../electron/core/model.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { AdministrationsTab } from './chart/AdministrationsTab.tsx';
import { ChartHeader } from './chart/ChartHeader.tsx';
import { ContactsTab } from './chart/ContactsTab.tsx';
import { MedicationsTab } from './chart/MedicationsTab.tsx';
import { NotesTab } from './chart/NotesTab.tsx';
import { PlanTab } from './chart/PlanTab.tsx';
import { ResultsTab } from './chart/ResultsTab.tsx';
import { SummaryTab } from './chart/SummaryTab.tsx';
import type { PrintPatient } from './PrintScreen.tsx';
import { named } from '../../electron/common/placeholder.ts';
import type { WordKey } from '../../electron/common/words/index.ts';

const TABS = [
  'summary',
  'medications',
  'administrations',
  'plan',
  'results',
  'notes',
  'contacts',
] as const;
type Tab = (typeof TABS)[number];

/** Tabs named like the summary's sections on paper take its words; the others are the screen's. */
const TAB_LABELS = {
  summary: { screen: 'tabs.summary' },
  medications: { word: 'summary.medications' },
  administrations: { word: 'summary.administrations' },
  plan: { screen: 'tabs.plan' },
  results: { screen: 'tabs.results' },
  notes: { word: 'summary.notes' },
  contacts: { word: 'summary.contacts' },
} as const satisfies Record<Tab, { word: WordKey } | { screen: `tabs.${string}` }>;

interface Props {
  readonly patientId: string;
  readonly onBack: () => void;
  readonly onLoaded: (patient: PrintPatient) => void;
}

export function ChartScreen({ patientId, onBack, onLoaded }: Props) {
  const { t } = useTranslation();
  const { words } = useFormat();
  const id = useId();
  const [chart, setChart] = useState<Chart | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [tab, setTab] = useState<Tab>('summary');
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const tabLabel = (name: Tab): string => {
    const label: { word: WordKey } | { screen: 'tabs.summary' | 'tabs.plan' | 'tabs.results' } =
      TAB_LABELS[name];
    return 'word' in label ? words(label.word) : t(label.screen);
  };

  useEffect(() => {
    let current = true;
    void call('chart', { patientId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setChart(result.value);
        const { patient } = result.value;
        onLoaded({ patientId: patient.id, name: patient.name, mrn: patient.mrn });
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [patientId, onLoaded]);

  useEffect(() => {
    if (chart) document.getElementById(`${id}-name`)?.focus();
  }, [chart, id]);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = TABS.indexOf(tab);
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = targets[event.key];
    const next = target === undefined ? undefined : TABS[target];
    if (next) {
      event.preventDefault();
      setTab(next);
      tabRefs.current.get(next)?.focus();
    }
  };

  return (
    <div className="chart">
      <button type="button" className="button link back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('chart.back')}
      </button>
      {error && <ErrorNotice error={error} />}
      {!chart && !error && <p role="status">{t('chart.loading')}</p>}
      {chart && <ChartHeader chart={chart} headingId={`${id}-name`} />}
      {chart && chart.locator && (
        <p className="notice notice-info">
          {t('chart.locatorNotice', { ward: named(words, 'ward', chart.stay?.wardName) })}
        </p>
      )}
      {chart && !chart.locator && (
        <>
          <div
            role="tablist"
            aria-label={t('chart.tabsLabel')}
            className="tabs"
            onKeyDown={onTabKey}
          >
            {TABS.map((name) => (
              <button
                key={name}
                ref={(element) => {
                  if (element) tabRefs.current.set(name, element);
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`${id}-panel`}
                tabIndex={tab === name ? 0 : -1}
                className="tab"
                onClick={() => setTab(name)}
              >
                {tabLabel(name)}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={`${id}-tab-${tab}`}
            tabIndex={0}
            className="tab-panel"
            data-tab={tab}
          >
            <TabContent tab={tab} chart={chart} />
          </div>
        </>
      )}
    </div>
  );
}

function TabContent({ tab, chart }: { readonly tab: Tab; readonly chart: Chart }) {
  switch (tab) {
    case 'summary':
      return <SummaryTab chart={chart} />;
    case 'medications':
      return <MedicationsTab chart={chart} />;
    case 'administrations':
      return <AdministrationsTab items={chart.administrations} />;
    case 'plan':
      return <PlanTab items={chart.plan} />;
    case 'results':
      return <ResultsTab observations={chart.observations} />;
    case 'notes':
      return <NotesTab notes={chart.notes} />;
    case 'contacts':
      return <ContactsTab contacts={chart.contacts} />;
    default: {
      const unreachable: never = tab;
      return unreachable;
    }
  }
}
