/**
 * What the source does not name is stored as null, never as an English stand-in ("Unnamed
 * substance", "Unnamed condition", "Unknown site", "Unassigned", an empty name), and the screen
 * and the paper say the placeholder word in the reader's language (issue 11).
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { named, type Unnamed } from '../../../electron/common/placeholder.ts';
import type { Language } from '../../../electron/common/language.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { exportInfo, listWards } from '../../../electron/core/db/queries.ts';
import type { WritableDb } from '../../../electron/core/db/handle.ts';
import { renderReport, type ReportContext } from '../../../electron/core/print/render.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { manifest, pageTexts } from '../print/fixtures.ts';
import { asReadonly, importSmallHospital, type Resource } from './small-hospital.ts';

const SUBJECT = { reference: 'Patient/p-anon' };
const AS_OF = new Date('2026-11-28T07:00:00Z');

/** A patient with no name, admitted nowhere in particular, with unnamed facts. */
const UNNAMED: Resource[] = [
  {
    resourceType: 'Patient',
    id: 'p-anon',
    identifier: [{ system: 'urn:demo:mrn', value: 'ANON-1' }],
    name: [{ use: 'official', family: '', given: [] }],
    birthDate: '1950-01-01',
  },
  {
    resourceType: 'Encounter',
    id: 'e-anon',
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: SUBJECT,
    period: { start: '2026-11-27T10:00:00+01:00' },
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'a-anon',
    patient: SUBJECT,
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    criticality: 'high',
    reaction: [{ manifestation: [{ text: 'Urticaire' }] }],
  },
  {
    resourceType: 'Condition',
    id: 'c-anon',
    subject: SUBJECT,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    onsetDateTime: '2026-11-20',
  },
  {
    resourceType: 'DocumentReference',
    id: 'd-anon',
    status: 'current',
    subject: SUBJECT,
    date: '2026-11-27T12:00:00+01:00',
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: Buffer.from('Patiente calme.').toString('base64'),
        },
      },
    ],
  },
  {
    // A coding with only its system (no code, display or text): the value is kept, its name is
    // not made up (coded-only names: coded-only.test.ts).
    resourceType: 'Observation',
    id: 'o-anon',
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'vital-signs',
          },
        ],
      },
    ],
    code: { coding: [{ system: 'urn:demo:local-obs' }] },
    subject: SUBJECT,
    effectiveDateTime: '2026-11-28T06:30:00+01:00',
    valueQuantity: { value: 37.4, unit: '°C' },
  },
];

let db: WritableDb;
let readonly: ReadonlyDb;
let close: () => void;
beforeAll(async () => {
  // Only these resources: no Organization or Location names a site or a ward.
  const imported = await importSmallHospital(UNNAMED, { base: [], asOf: AS_OF });
  db = imported.db as WritableDb;
  close = imported.close;
  readonly = asReadonly(imported.db);
});
afterAll(() => {
  readonly.close();
  close();
});

const ENGLISH = /unnamed|unknown site|unassigned|^note$|^observation$/i;

describe('the stored rows hold no English placeholder', () => {
  it('an allergy without a substance: substance NULL', () => {
    expect(db.prepare('SELECT substance FROM allergies').all()).toEqual([{ substance: null }]);
  });
  it('a condition without words: problem text NULL', () => {
    expect(db.prepare('SELECT text FROM problems').all()).toEqual([{ text: null }]);
  });
  it('a stay no Location or Organization places: the unknown site and its unit have NULL names', () => {
    expect(db.prepare('SELECT id, name FROM sites').all()).toEqual([
      { id: 'unknown-site', name: null },
    ]);
    expect(db.prepare('SELECT id, name FROM wards').all()).toEqual([
      { id: 'unknown-site:unassigned', name: null },
    ]);
    expect(exportInfo(readonly).siteName).toBeNull();
  });
  it('a patient without a name: family, given and name NULL, never an empty string', () => {
    expect(db.prepare('SELECT family, given, name FROM patients').all()).toEqual([
      { family: null, given: null, name: null },
    ]);
  });
  it('a note without title or type: kind and title NULL', () => {
    expect(db.prepare('SELECT kind, title, text FROM notes').all()).toEqual([
      { kind: null, title: null, text: 'Patiente calme.' },
    ]);
  });
  it('an observation whose code has no words: name NULL, its value kept', () => {
    expect(db.prepare('SELECT code, name, value FROM observations').all()).toEqual([
      { code: null, name: null, value: 37.4 },
    ]);
  });
  it('no text column of any table holds an English placeholder', () => {
    for (const table of [
      'sites',
      'wards',
      'patients',
      'allergies',
      'problems',
      'notes',
      'observations',
    ]) {
      for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
        for (const [column, value] of Object.entries(row))
          // Ids are codes, never shown ('unknown-site:unassigned'); every other text is.
          if (typeof value === 'string' && !/(^|_)id$/.test(column))
            expect(value).not.toMatch(ENGLISH);
    }
  });
});

const WORD: Record<Exclude<Language, 'en'>, Record<Unnamed, string>> = {
  fr: {
    substance: '(substance non nommée)',
    condition: '(affection non nommée)',
    site: '(site inconnu)',
    ward: '(pas d’unité attribuée)',
    name: '(nom non enregistré)',
    note: 'Note',
    device: '(dispositif non nommé)',
    observation: '(observation non nommée)',
    planItem: '(élément non nommé)',
    route: '(voie non nommée)',
    reason: '(motif non nommé)',
    reaction: '(réaction non nommée)',
  },
  nl: {
    substance: '(stof niet benoemd)',
    condition: '(aandoening niet benoemd)',
    site: '(campus onbekend)',
    ward: '(geen afdeling toegewezen)',
    name: '(geen naam geregistreerd)',
    note: 'Notitie',
    device: '(hulpmiddel niet benoemd)',
    observation: '(observatie niet benoemd)',
    planItem: '(onderdeel niet benoemd)',
    route: '(toedieningsweg niet benoemd)',
    reason: '(reden niet benoemd)',
    reaction: '(reactie niet benoemd)',
  },
  de: {
    substance: '(Stoff nicht benannt)',
    condition: '(Erkrankung nicht benannt)',
    site: '(Standort unbekannt)',
    ward: '(keine Station zugewiesen)',
    name: '(kein Name erfasst)',
    note: 'Notiz',
    device: '(Medizinprodukt nicht benannt)',
    observation: '(Beobachtung nicht benannt)',
    planItem: '(Eintrag nicht benannt)',
    route: '(Verabreichungsweg nicht benannt)',
    reason: '(Grund nicht benannt)',
    reaction: '(Reaktion nicht benannt)',
  },
};

describe.each(['fr', 'nl', 'de'] as const)('in %s', (language) => {
  const word = WORD[language];

  it('the screen says each placeholder word through the common function', () => {
    const t = wordsTranslator(language);
    for (const what of Object.keys(word) as Unnamed[]) {
      expect(named(t, what, null)).toBe(t(`placeholder.${what}`));
      expect(named(t, what, '')).toBe(t(`placeholder.${what}`));
      expect(named(t, what, 'Pénicilline')).toBe('Pénicilline');
    }
  });

  async function summaryText(): Promise<string> {
    const ctx: ReportContext = {
      manifest: {
        ...manifest,
        dataAsOf: AS_OF.toISOString(),
        site: { id: 'unknown-site', name: null },
      },
      language,
      paper: 'A4',
      printedAt: AS_OF,
      printedBy: 'Inf. Test',
      timeZone: 'Europe/Brussels',
      adminTimes: DEFAULT_ADMIN_TIMES,
      roundStarts: ['07:00', '15:00', '22:00'],
      censusBarcodes: false,
      staleAmberHours: 2,
      staleRedHours: 24,
    };
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await renderReport(
      readonly,
      { report: 'summary', patientId: 'p-anon', language, paper: 'A4' },
      ctx,
      sink,
    );
    return (await pageTexts(Buffer.concat(chunks))).join('\n').replace(/\s+/g, ' ');
  }

  it('the summary on paper says the words for the name, site, unit, substance, condition, note and observation', async () => {
    const text = await summaryText();
    for (const what of [
      'name',
      'site',
      'ward',
      'substance',
      'condition',
      'note',
      'observation',
    ] as const)
      expect(text, what).toContain(word[what]);
    expect(text).not.toMatch(/unnamed|unknown site|unassigned/i);
  });

  it('the census on paper says the unit and the patient without a name in words', async () => {
    const [ward] = listWards(readonly);
    expect(ward?.name).toBeNull();
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await renderReport(
      readonly,
      { report: 'census', wardId: ward!.id, language, paper: 'A4' },
      {
        manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), site: { id: 'x', name: null } },
        printedAt: AS_OF,
        printedBy: 'Inf. Test',
        timeZone: 'Europe/Brussels',
        adminTimes: DEFAULT_ADMIN_TIMES,
        roundStarts: ['07:00', '15:00', '22:00'],
        censusBarcodes: false,
        staleAmberHours: 2,
        staleRedHours: 24,
      },
      sink,
    );
    // Table cells wrap: compare with the line breaks read as spaces.
    const text = (await pageTexts(Buffer.concat(chunks))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(word.ward);
    expect(text).toContain(word.name);
    expect(text).toContain(word.substance);
  });
});
