import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/core/api/contract.ts';
import { CodeStatusSchema } from '../../../electron/core/model.ts';
import { handoverReport } from '../../../electron/core/print/handover.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import {
  chart,
  context,
  manifest,
  pageTexts,
  renderToBuffer,
  handoverDefaults,
  medication,
} from './fixtures.ts';

const scope = 'CHU Test — Médecine interne 3B';
const ward = Array.from({ length: 12 }, (_, i) => chart(i + 1));

describe('I-PASS handover', () => {
  it('prints every patient of the ward with MRN, allergies and code status', async () => {
    const patients = [
      ...ward.slice(0, 10),
      chart(11, { allergyState: 'none-known', allergies: [] }),
      chart(12, {
        allergyState: 'unknown',
        allergies: [],
        stay: { ...ward[0]!.stay!, codeStatus: 'unknown' },
      }),
      chart(13, { stay: { ...ward[0]!.stay!, codeStatus: 'dnr' } }),
      chart(14, { allergies: [] }),
    ];
    const { pdf } = await renderToBuffer((t) =>
      handoverReport({ ...handoverDefaults, scope, charts: patients }, t),
    );
    const text = (await pageTexts(pdf)).join('\n');
    for (const c of patients.slice(0, 10)) {
      expect(text).toContain(c.patient.name);
      expect(text).toContain(`MRN ${c.patient.mrn}`);
      expect(text).toContain(`Allergies: ${c.allergies[0]!.substance} (anaphylaxis)`);
    }
    expect(text).toContain('No known allergies');
    expect(text).toContain('Allergies not recorded — ask before giving anything');
    expect(text).toContain(
      'Allergies recorded, substances not listed — ask before giving anything',
    );
    expect(text).toContain('Code status: NOT DOCUMENTED — verify before acting');
    expect(text).toContain('Code status: DNR — do not resuscitate');
    expect(text.match(/Code status: Full code/g)).toHaveLength(12);
  });

  it('gives each patient the I-PASS parts: severity, summary, actions, awareness, synthesis', async () => {
    const { pdf } = await renderToBuffer((t) =>
      handoverReport({ ...handoverDefaults, scope, charts: [chart(1)] }, t),
    );
    const [page] = await pageTexts(pdf);
    expect(page).toMatch(/Illness severity\nWATCHER/);
    expect(page).toContain('Summary for patient 1: improving on IV antibiotics');
    expect(page).toContain('Check CRP for 1');
    expect(page).toContain('If SpO2 < 92 %: oxygen and call the resident.');
    expect(page).toContain('Synthesis by receiver');
  });

  it('keeps each patient block on one page and puts the footer with data-as-of and page n/N on every page', async () => {
    const { pdf, pages } = await renderToBuffer((t) =>
      handoverReport({ ...handoverDefaults, scope, charts: ward }, t),
    );
    const texts = await pageTexts(pdf);
    expect(texts).toHaveLength(pages);
    expect(pages).toBeGreaterThan(1);
    texts.forEach((text, i) => {
      expect(text).toContain(
        `Downtime copy — data as of 2026-03-28 11:00 — printed 2026-03-28 12:30 by Nurse Ratched — page ${i + 1}/${pages}`,
      );
      expect(text).toContain('Handover (I-PASS)');
      expect(text).toContain(scope);
    });
    // A patient's header and the end of their block ("Synthesis by receiver") share a page.
    for (const c of ward) {
      const name = c.patient.name ?? '';
      const page = texts.find((text) => text.includes(name));
      const block = page?.slice(page.indexOf(name));
      expect(block).toContain('Synthesis by receiver');
    }
  });

  it('keeps accented names, œ and clinical symbols intact', async () => {
    const names = ['LEFÈVRE-DUPONT, Hélène', 'ŒUVRARD, Zoë', "D'HONDT, Anaïs", 'MÜLLER, Jürgen'];
    const charts = names.map((name, i) =>
      chart(i + 1, {
        patient: { ...chart(i + 1).patient, name },
        allergies: [
          { ...chart(1).allergies[0]!, substance: 'Pénicilline', reaction: 'œdème de Quincke' },
        ],
        handover: { ...chart(1).handover, situationAwareness: 'Si T° ≥ 38,5 °C → hémocultures ✓' },
      }),
    );
    const { pdf } = await renderToBuffer(
      (t) => handoverReport({ ...handoverDefaults, scope, charts }, t),
      {
        ...context,
        language: 'fr',
      },
    );
    const text = (await pageTexts(pdf)).join('\n');
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Allergies : Pénicilline (œdème de Quincke)');
    expect(text).toContain('Si T° ≥ 38,5 °C → hémocultures ✓');
    expect(text).toContain('Médecine interne 3B');
  });

  it.each<[Language, string]>([
    [
      'fr',
      'Copie de secours — données au 2026-03-28 11:00 — imprimé le 2026-03-28 12:30 par Nurse Ratched — page',
    ],
    [
      'nl',
      'Noodkopie — gegevens van 2026-03-28 11:00 — afgedrukt op 2026-03-28 12:30 door Nurse Ratched — pagina',
    ],
    [
      'de',
      'Ausfallkopie — Datenstand 2026-03-28 11:00 — gedruckt am 2026-03-28 12:30 von Nurse Ratched — Seite',
    ],
  ])(
    'in %s: translated words, ISO dates in the site time zone, page n/N',
    async (language, footer) => {
      const { pdf, pages } = await renderToBuffer(
        (t) => handoverReport({ ...handoverDefaults, scope, charts: ward.slice(0, 4) }, t),
        {
          ...context,
          language,
        },
      );
      const texts = await pageTexts(pdf);
      texts.forEach((text, i) => expect(text).toContain(`${footer} ${i + 1}/${pages}`));
      expect(texts[0]).not.toContain('Illness severity');
    },
  );

  it('marks every page of a demo export', async () => {
    const { pdf } = await renderToBuffer(
      (t) => handoverReport({ ...handoverDefaults, scope, charts: ward }, t),
      {
        ...context,
        manifest: { ...manifest, demo: true },
      },
    );
    for (const text of await pageTexts(pdf)) {
      expect(text).toContain('DEMO DATA — not real patients');
      expect(text).toMatch(/^DEMO DATA$/m);
    }
  });

  it('does not mark a real export as demo', async () => {
    const { pdf } = await renderToBuffer((t) =>
      handoverReport({ ...handoverDefaults, scope, charts: ward.slice(0, 1) }, t),
    );
    expect((await pageTexts(pdf)).join('\n')).not.toContain('DEMO');
  });

  it('prints one page saying so for a ward without patients', async () => {
    const { pdf, pages } = await renderToBuffer((t) =>
      handoverReport({ ...handoverDefaults, scope, charts: [] }, t),
    );
    expect(pages).toBe(1);
    expect((await pageTexts(pdf))[0]).toContain('No patients to print for this selection.');
  });

  it('reports progress page by page up to the total', async () => {
    const progress: [number, number][] = [];
    const { pages } = await renderToBuffer(
      (t) => handoverReport({ ...handoverDefaults, scope, charts: ward }, t),
      context,
      (done, total) => progress.push([done, total]),
    );
    expect(progress).toEqual(Array.from({ length: pages + 1 }, (_, i) => [i, pages]));
  });
});

describe.each(['fr', 'nl', 'de', 'en'] as const)('I-PASS handover in %s', (language) => {
  const t = translator(language);
  const stay = chart(1).stay!;
  const patients = [
    chart(1, {
      stay: {
        ...stay,
        severity: 'unstable',
        codeStatus: 'dnr',
        admittedAt: '2026-03-28T08:00:00Z',
      },
      handover: { ...chart(1).handover, severity: 'unstable' },
      medications: [
        medication({
          id: 'a',
          drug: 'Morphine',
          dose: 2.5,
          doseUnit: 'mg',
          route: 'SC',
          highAlert: true,
          timing: JSON.stringify({ repeat: { frequency: 1, period: 4, periodUnit: 'h' } }),
        }),
        medication({
          id: 'b',
          drug: 'Furosémide',
          dose: 40,
          doseUnit: 'mg',
          status: 'on-hold',
          state: 'held',
        }),
      ],
      plan: [
        {
          kind: 'service-request',
          text: 'RX thorax',
          code: null,
          status: 'active',
          due: null,
          detail: null,
          doNotPerform: false,
        },
      ],
    }),
    chart(2),
    chart(3, {
      handover: { ...chart(3).handover, severity: 'stable' },
      stay: { ...stay, severity: 'stable' },
    }),
  ];

  it('opens with the ward at a glance: severities, admissions of the last 24 h, not for resuscitation', async () => {
    const { pdf } = await renderToBuffer(
      (tr) => handoverReport({ ...handoverDefaults, scope, charts: patients }, tr),
      { ...context, language },
    );
    const [first] = await pageTexts(pdf);
    const text = (first ?? '').replace(/\s+/g, ' ');
    const squeezed = (s: string) => s.replace(/\s+/g, '');
    expect(squeezed(text)).toContain(squeezed(t('handover.wardSummary', { count: 3 })));
    expect(text).toContain(`${t('handover.noResuscitation')}`);
    // Unstable 1, watcher 1, stable 1, not assessed 0, admitted in 24 h 1, DNR 1.
    expect(text).toMatch(/ 1 1 1 0 1 1 /);
    expect(text).toContain(
      `${t('severity.unstable').toUpperCase()} — ${t('patient.bed', { bed: '3B-1A' })}`,
    );
  });

  it('gives each patient age, day of stay, active medications one line each, pending results and three lines to add actions', async () => {
    const { pdf } = await renderToBuffer(
      (tr) => handoverReport({ ...handoverDefaults, scope, charts: patients }, tr),
      { ...context, language },
    );
    const text = (await pageTexts(pdf)).join('\n');
    expect(text).toContain(t('age.years.other', { n: 78 }));
    expect(text).toContain(t('handover.admittedDay', { date: '2026-03-25', day: 4 }));
    expect(text).toContain(
      `⚠ ${t('drug.highAlert')} Morphine ${language === 'en' ? '2.5' : '2,5'} mg ${t('route.subcutaneous')} ${t('frequency.every.h', { n: 4 })}`,
    );
    // Held orders are not active medications.
    expect(text).toContain(t('handover.activeMeds', { count: 1 }));
    expect(text).toContain('RX thorax');
    expect(text).toContain(t('severity.unstable').toUpperCase());
  });

  it('prints the dense variant with one row per bed', async () => {
    const { pdf } = await renderToBuffer(
      (tr) => handoverReport({ ...handoverDefaults, layout: 'board', scope, charts: ward }, tr),
      { ...context, language },
    );
    const texts = await pageTexts(pdf);
    const text = texts.join('\n');
    expect(text).toContain(t('handover.boardTitle'));
    const board = text.slice(text.indexOf(`\n${t('handover.board')}\n`));
    for (const c of ward) expect(board.split(`\n${c.stay!.bed!}\n`).length - 1).toBe(1);
    // Twelve beds on at most four pages: the code status column is wide enough for its longest
    // word in four languages ("Therapiebegrenzung"), which costs the board a page in nl and de.
    expect(texts.length).toBeLessThanOrEqual(4);
    // Each column title and the severity word drawn whole, never cut inside ("Reanimatio/n").
    const lines = board.split('\n');
    for (const key of [
      'col.severity',
      'col.codeStatus',
      'col.allergies',
      'handover.boardSummary',
      'ipass.actions',
      'handover.notes',
    ] as const)
      expect(lines).toContain(t(key));
    // Wrapped at a space if it must be ("À / SURVEILLER"), each word whole.
    for (const word of t('severity.watcher').toUpperCase().split(' '))
      expect(
        lines.some((l) => l.split(/\s+/).includes(word)),
        word,
      ).toBe(true);
  });

  it('draws every code status on the board with each word whole ("NICHT DOKUMENTIERT", not "DOKUMENTIER" / "T")', async () => {
    const statuses = CodeStatusSchema.options;
    const charts = statuses.map((codeStatus, i) => {
      const c = chart(i + 1);
      return { ...c, stay: { ...c.stay!, codeStatus } };
    });
    const { pdf } = await renderToBuffer(
      (tr) => handoverReport({ ...handoverDefaults, layout: 'board', scope, charts }, tr),
      { ...context, language },
    );
    const words = (await pageTexts(pdf)).join('\n').split(/\s+/);
    for (const status of statuses)
      for (const word of t(`codeStatus.${status}`).split(/\s+/))
        expect(words, `${status}: ${word}`).toContain(word);
  });
});

describe.each<
  [
    Language,
    {
      title: string;
      short: string;
      none: string;
      day: string;
      partial: string;
      unverified: string;
      siteUnknown: string;
    },
  ]
>([
  [
    'en',
    {
      title: 'Lines, drains and devices',
      short: 'Lines / devices',
      none: 'None recorded — check at the bedside',
      day: 'placed 2026-03-25 (day 4)',
      partial: 'placed 2026-03',
      unverified: 'UNVERIFIED — check at the bedside',
      siteUnknown: 'site not recorded',
    },
  ],
  [
    'fr',
    {
      title: 'Cathéters, drains et dispositifs',
      short: 'Cathéters / dispositifs',
      none: 'Aucun renseigné — contrôler au lit du patient',
      day: 'posé le 2026-03-25 (jour 4)',
      partial: 'posé le 2026-03',
      unverified: 'NON VÉRIFIÉ — contrôler au lit du patient',
      siteUnknown: 'site non renseigné',
    },
  ],
  [
    'nl',
    {
      title: 'Lijnen, drains en hulpmiddelen',
      short: 'Lijnen / hulpmiddelen',
      none: 'Geen geregistreerd — nakijken aan het bed',
      day: 'geplaatst op 2026-03-25 (dag 4)',
      partial: 'geplaatst op 2026-03',
      unverified: 'NIET GECONTROLEERD — nakijken aan het bed',
      siteUnknown: 'plaats niet geregistreerd',
    },
  ],
  [
    'de',
    {
      title: 'Zugänge, Drainagen und Medizinprodukte',
      short: 'Zugänge / Produkte',
      none: 'Keine dokumentiert — am Bett kontrollieren',
      day: 'gelegt am 2026-03-25 (Tag 4)',
      partial: 'gelegt am 2026-03',
      unverified: 'NICHT GEPRÜFT — am Bett kontrollieren',
      siteUnknown: 'Lage nicht dokumentiert',
    },
  ],
])('lines, drains and devices on the handover in %s', (language, words) => {
  const withDevices = chart(1, {
    devices: [
      {
        kind: 'Peripheral venous catheter',
        name: 'Venflon 20G',
        site: 'Left forearm',
        placedAt: '2026-03-25T09:00:00Z',
        note: null,
        unverified: false,
      },
      {
        kind: 'Urinary catheter',
        name: null,
        site: null,
        placedAt: '2026-03',
        note: 'Ch 14',
        unverified: true,
      },
    ],
  });
  const without = chart(2);
  const flat = (texts: string[]) => texts.join('\n').replace(/\s+/g, ' ');

  it.each(['per-patient', 'board'] as const)(
    '%s: kind, name, site, placed day, unverified, or none recorded',
    async (layout) => {
      const { pdf } = await renderToBuffer(
        (t) =>
          handoverReport({ ...handoverDefaults, scope, layout, charts: [withDevices, without] }, t),
        { ...context, language },
      );
      const text = flat(await pageTexts(pdf));
      expect(text).toContain(layout === 'per-patient' ? words.title : words.short);
      expect(text).toContain(
        `Peripheral venous catheter (Venflon 20G) · Left forearm · ${words.day}`,
      );
      expect(text).toContain(
        `${words.unverified} · Urinary catheter · ${words.siteUnknown} · ${words.partial} · Ch 14`,
      );
      expect(text).toContain(words.none);
    },
  );
});
