/**
 * A concept coded but not named in words ("X-17", a SNOMED number) is never stored as a name:
 * the name is NULL, the source's code is kept apart, and screen and paper say the placeholder
 * with the code in the reader's words — "(observation non nommée) (code X-17)" (issue 11).
 */
import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenLanguage } from '../../../electron/common/language.ts';
import { named } from '../../../electron/common/placeholder.ts';
import { drugLabel } from '../../../electron/common/order-state.ts';
import { planItemText } from '../../../electron/common/plan-item.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { renderReport } from '../../../electron/core/print/render.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { manifest, pageTexts } from '../print/fixtures.ts';
import { AS_OF, asReadonly, importSmallHospital, type Resource } from './small-hospital.ts';

const SUBJECT = { reference: 'Patient/p-helene' };
const LOCAL = 'urn:demo:local';
const codedOnly = (code: string) => ({ coding: [{ system: LOCAL, code }] });
const RECENT = '2026-11-27T09:00:00+01:00';

const CODED_ONLY: Resource[] = [
  {
    resourceType: 'Observation',
    id: 'o-x17',
    status: 'final',
    code: codedOnly('X-17'),
    subject: SUBJECT,
    effectiveDateTime: RECENT,
    valueQuantity: { value: 4.2, unit: 'mmol/L' },
  },
  {
    // A coded value without words is still the result: kept (as its code), not dropped.
    resourceType: 'Observation',
    id: 'o-coded-value',
    status: 'final',
    code: { text: 'Culture' },
    subject: SUBJECT,
    effectiveDateTime: RECENT,
    valueCodeableConcept: codedOnly('NEG-3'),
  },
  {
    resourceType: 'Condition',
    id: 'c-k99',
    subject: SUBJECT,
    code: codedOnly('K99'),
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'a-s12',
    patient: SUBJECT,
    code: codedOnly('S-12'),
    reaction: [{ manifestation: [codedOnly('M-1'), { text: 'Urticaire' }] }],
  },
  {
    resourceType: 'ServiceRequest',
    id: 'sr-r44',
    status: 'active',
    intent: 'order',
    subject: SUBJECT,
    code: codedOnly('R-44'),
  },
  {
    resourceType: 'Procedure',
    id: 'pr-p9',
    status: 'completed',
    subject: SUBJECT,
    code: codedOnly('P-9'),
    performedDateTime: RECENT,
  },
  {
    resourceType: 'CarePlan',
    id: 'cp-a5',
    status: 'active',
    intent: 'plan',
    subject: SUBJECT,
    title: 'Soins',
    activity: [{ detail: { status: 'in-progress', code: codedOnly('A-5') } }],
  },
  {
    resourceType: 'Flag',
    id: 'f-f2',
    status: 'active',
    subject: SUBJECT,
    code: codedOnly('F-2'),
  },
  {
    resourceType: 'MedicationRequest',
    id: 'mr-d3',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: codedOnly('D-3'),
    subject: SUBJECT,
    dosageInstruction: [{ text: '1 comprimé le matin' }],
  },
  {
    resourceType: 'MedicationRequest',
    id: 'mr-route',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'Paracétamol 1 g' },
    subject: SUBJECT,
    dosageInstruction: [
      {
        text: '1 g 4×/jour',
        route: codedOnly('RT-7'),
        timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: 1, unit: 'g' } }],
      },
    ],
  },
  {
    resourceType: 'MedicationRequest',
    id: 'mr-prn',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'Morphine 2 mg' },
    subject: SUBJECT,
    dosageInstruction: [
      {
        asNeededCodeableConcept: codedOnly('PRN-4'),
        route: { coding: [{ system: LOCAL, code: 'RT-9', display: 'SC' }] },
        timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' } },
        doseAndRate: [{ doseQuantity: { value: 2, unit: 'mg' } }],
      },
    ],
  },
];

let db: Database.Database;
let readonly: ReadonlyDb;
let close: () => void;
beforeAll(async () => {
  const imported = await importSmallHospital(CODED_ONLY);
  db = imported.db;
  close = imported.close;
  readonly = asReadonly(imported.db);
});
afterAll(() => {
  readonly.close();
  close();
});

const rows = (sql: string) => db.prepare(sql).all();

describe('a concept with a code and no words: name NULL, code kept apart', () => {
  it('observation', () => {
    expect(rows("SELECT code, name, value FROM observations WHERE code = 'X-17'")).toEqual([
      { code: 'X-17', name: null, value: 4.2 },
    ]);
    expect(rows("SELECT count(*) AS n FROM observations WHERE name = 'X-17'")).toEqual([{ n: 0 }]);
  });
  it('condition', () => {
    expect(rows("SELECT text, code FROM problems WHERE code = 'K99'")).toEqual([
      { text: null, code: 'K99' },
    ]);
  });
  it('allergy: the substance NULL with its code; a coded-only reaction keeps its code, the worded one its words', () => {
    expect(
      rows("SELECT substance, code, reaction, reaction_code FROM allergies WHERE code = 'S-12'"),
    ).toEqual([{ substance: null, code: 'S-12', reaction: 'Urticaire', reaction_code: 'M-1' }]);
  });
  it('service request, procedure, care plan activity and flag: kept as plan items, text NULL', () => {
    expect(
      rows('SELECT kind, text, code FROM plan_items WHERE code IS NOT NULL ORDER BY code'),
    ).toEqual([
      { kind: 'careplan-activity', text: null, code: 'A-5' },
      { kind: 'flag', text: null, code: 'F-2' },
      { kind: 'procedure', text: null, code: 'P-9' },
      { kind: 'service-request', text: null, code: 'R-44' },
    ]);
  });
  it('medication order: drug NULL, its code kept', () => {
    expect(rows("SELECT drug, code FROM medication_orders WHERE id = 'mr-d3'")).toEqual([
      { drug: null, code: 'D-3' },
    ]);
  });
  it('a route coded without words: no name, its code kept apart (the dose text stays)', () => {
    expect(
      rows("SELECT route, route_code, instructions FROM medication_orders WHERE id = 'mr-route'"),
    ).toEqual([
      {
        route: null,
        route_code: 'RT-7',
        instructions: expect.stringContaining('1 g 4×/jour') as unknown,
      },
    ]);
  });
  it('a PRN reason coded without words: no name, its code kept; a route with words keeps both', () => {
    expect(
      rows(
        "SELECT prn, prn_reason, prn_reason_code, route, route_code FROM medication_orders WHERE id = 'mr-prn'",
      ),
    ).toEqual([
      { prn: 1, prn_reason: null, prn_reason_code: 'PRN-4', route: 'SC', route_code: 'RT-9' },
    ]);
  });
  it('a coded result without words keeps its code as the value rather than vanishing', () => {
    expect(rows("SELECT name, value_text FROM observations WHERE name = 'Culture'")).toEqual([
      { name: 'Culture', value_text: 'NEG-3' },
    ]);
  });
  it('no name column of any kind holds a bare code', () => {
    for (const [table, column] of [
      ['observations', 'name'],
      ['problems', 'text'],
      ['allergies', 'substance'],
      ['allergies', 'reaction'],
      ['plan_items', 'text'],
      ['medication_orders', 'drug'],
      ['medication_orders', 'route'],
      ['medication_orders', 'prn_reason'],
    ] as const)
      expect(
        rows(`SELECT ${column} AS v FROM ${table}`).filter((r) =>
          /^(X-17|K99|S-12|M-1|R-44|P-9|A-5|F-2|D-3|RT-7|PRN-4)$/.test(
            String((r as { v: unknown }).v),
          ),
        ),
        `${table}.${column}`,
      ).toEqual([]);
  });
});

describe('a patient language coded without words', () => {
  it("keeps its BCP-47 tag, which the display says in the reader's language", async () => {
    const imported = await importSmallHospital([], {
      base: [
        {
          resourceType: 'Patient',
          id: 'p-nl',
          name: [{ family: 'Peeters' }],
          communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'nl' }] } }],
        },
      ],
    });
    try {
      expect(imported.db.prepare('SELECT language FROM patients').pluck().all()).toEqual(['nl']);
    } finally {
      imported.close();
    }
    expect(spokenLanguage('nl', 'fr')).toBe('néerlandais');
    expect(spokenLanguage('nl', 'de')).toBe('Niederländisch');
    expect(spokenLanguage('Nederlands', 'fr')).toBe('Nederlands');
  });
});

describe.each([
  ['fr', '(observation non nommée) (code X-17)', '(élément non nommé) (code R-44)'],
  ['nl', '(observatie niet benoemd) (code X-17)', '(onderdeel niet benoemd) (code R-44)'],
  ['de', '(Beobachtung nicht benannt) (Code X-17)', '(Eintrag nicht benannt) (Code R-44)'],
] as const)('in %s', (language, observation, request) => {
  const t = wordsTranslator(language);

  it('the common words say the placeholder with the code, and the name alone when named', () => {
    expect(named(t, 'observation', null, 'X-17')).toBe(observation);
    expect(named(t, 'observation', 'Kalium', 'X-17')).toBe('Kalium');
    expect(named(t, 'observation', null, null)).toBe(t('placeholder.observation'));
    expect(drugLabel(t, { drug: null, code: 'D-3' })).toBe(
      `${t('order.unnamed')} (${t('placeholder.code', { code: 'D-3' })})`,
    );
    expect(drugLabel(t, { drug: null, code: 'D-3' })).toContain('D-3');
    expect(planItemText(t, { text: null, code: 'R-44', doNotPerform: false })).toBe(request);
    expect(planItemText(t, { text: null, code: 'R-44', doNotPerform: true })).toBe(
      t('doNot.do', { what: request }),
    );
  });

  it('the summary on paper names each coded-only fact by its placeholder and code', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await renderReport(
      readonly,
      { report: 'summary', patientId: 'p-helene', language, paper: 'A4' },
      {
        manifest: { ...manifest, dataAsOf: AS_OF.toISOString() },
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
    const text = (await pageTexts(Buffer.concat(chunks))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(observation);
    expect(text).toContain(named(t, 'condition', null, 'K99'));
    expect(text).toContain(named(t, 'substance', null, 'S-12'));
    // The secondary qualifiers too: the reaction beside its substance, the route, the PRN reason.
    expect(text).toContain(
      `${named(t, 'substance', null, 'S-12')} (Urticaire, ${named(t, 'reaction', null, 'M-1')})`,
    );
    // A narrow column may break a long word ("toedienin gsweg"): compared without white space.
    const solid = text.replace(/\s/gu, '');
    expect(solid).toContain(named(t, 'route', null, 'RT-7').replace(/\s/gu, ''));
    expect(text).toContain(`Urticaire, ${named(t, 'reaction', null, 'M-1')}`);
    expect(text).toContain(named(t, 'reason', null, 'PRN-4'));
    expect(text).not.toContain(named(t, 'route', null, 'RT-9')); // 'SC' says it
  });
});
