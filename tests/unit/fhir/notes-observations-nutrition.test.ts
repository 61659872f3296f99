/**
 * Notes, plans, observations and nutrition say what the source says (issue 11): HTML and base64
 * documents and Binaries become text, narratives are read, comparators and the patient's own
 * reference range are kept, interpretations are words or HL7 codes, tube feeding is shown.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { planItemText } from '../../../electron/common/plan-item.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { getChart } from '../../../electron/core/db/queries.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { type Resource, asReadonly, importSmallHospital } from './small-hospital.ts';

const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[]) {
  const imported = await importSmallHospital(extra);
  closes.push(imported.close);
  return imported;
}
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const SUBJECT = { reference: 'Patient/p-zoe' };

function document(
  id: string,
  attachment: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    subject: SUBJECT,
    date: '2026-11-27T10:00:00+01:00',
    content: [{ attachment }],
    ...extra,
  } as Resource;
}
const notes = (db: Database.Database) =>
  db.prepare("SELECT kind, title, text FROM notes WHERE patient_id = 'p-zoe' ORDER BY text").all();

describe('documents', () => {
  it('reduces inline text/html to text with a real parser (entities, lists), no title needed', async () => {
    const html =
      '<div><h2>Sortie</h2><p>Patiente stable &amp; autonome.</p><ul><li>Contrôle J+7</li></ul><script>x()</script></div>';
    const { db, report } = await load([
      document('d', { contentType: 'text/html', data: b64(html) }),
    ]);
    const [note] = notes(db) as { kind: null; title: null; text: string }[];
    expect(note?.kind).toBeNull();
    expect(note?.title).toBeNull();
    expect(note?.text).toContain('Patiente stable & autonome.');
    expect(note?.text).toContain('Contrôle J+7');
    expect(note?.text).not.toMatch(/<|x\(\)/);
    expect(report.warnings['empty-document']).toBe(0);
  });

  it('decodes base64 text/plain with a charset, titled from type.text', async () => {
    const { db } = await load([
      document(
        'd',
        { contentType: 'text/plain; charset=utf-8', data: b64('Pansement refait, plaie propre.') },
        { type: { text: 'Note infirmière' } },
      ),
    ]);
    expect(notes(db)).toEqual([
      {
        kind: 'Note infirmière',
        title: 'Note infirmière',
        text: 'Pansement refait, plaie propre.',
      },
    ]);
  });

  it('reads the text of a Binary the attachment points at, titled from the description', async () => {
    const { db } = await load([
      {
        resourceType: 'Binary',
        id: 'bin1',
        contentType: 'text/html',
        data: b64('<p>Avis cardio : RAS</p>'),
      },
      document(
        'd',
        { contentType: 'text/html', url: 'Binary/bin1' },
        { description: 'Avis cardiologie' },
      ),
    ]);
    expect(notes(db)).toEqual([
      { kind: null, title: 'Avis cardiologie', text: 'Avis cardio : RAS' },
    ]);
  });

  it('counts a document with nothing to show instead of dropping it silently', async () => {
    const { db, report } = await load([
      document('d', { contentType: 'application/pdf', url: 'http://x/y.pdf' }),
    ]);
    expect(notes(db)).toEqual([]);
    expect(report.warnings['attachment-not-text']).toBe(1);
    expect(report.warnings['empty-document']).toBe(1);
  });
});

describe('plan narratives', () => {
  it('reads a Goal and a CarePlan known only by their narrative', async () => {
    const { db } = await load([
      {
        resourceType: 'Goal',
        id: 'g',
        lifecycleStatus: 'active',
        subject: SUBJECT,
        description: {},
        text: {
          status: 'generated',
          div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Marcher 50 m</p></div>',
        },
      },
      {
        resourceType: 'CarePlan',
        id: 'cp',
        status: 'active',
        intent: 'plan',
        subject: SUBJECT,
        text: {
          status: 'additional',
          div: '<div xmlns="http://www.w3.org/1999/xhtml">Kiné <b>2×/j</b></div>',
        },
      },
    ]);
    expect(
      db
        .prepare("SELECT kind, text FROM plan_items WHERE patient_id = 'p-zoe' ORDER BY kind")
        .all(),
    ).toEqual([
      { kind: 'careplan-activity', text: 'Kiné 2×/j' },
      { kind: 'goal', text: 'Marcher 50 m' },
    ]);
  });
});

describe('orders not to do something', () => {
  it('keeps a doNotPerform request as a flag beside what it names, no words written into the data', async () => {
    const { db } = await load([
      {
        resourceType: 'ServiceRequest',
        id: 'sr',
        status: 'active',
        intent: 'order',
        doNotPerform: true,
        subject: SUBJECT,
        code: { text: 'Sonde urinaire' },
      } as Resource,
    ]);
    const plan =
      getChart(asReadonly(db), 'p-zoe', {
        now: new Date('2026-11-28T08:00:00Z'),
        adminTimes: DEFAULT_ADMIN_TIMES,
        timeZone: 'Europe/Brussels',
      })?.plan ?? [];
    const item = plan.find((p) => p.kind === 'service-request');
    expect(item).toMatchObject({ text: 'Sonde urinaire', doNotPerform: true });
    // The reader's language says "do not"; the stored text never does, in any language.
    expect(planItemText(wordsTranslator('fr'), item!)).toBe('NE PAS FAIRE\u00a0: Sonde urinaire');
    expect(planItemText(wordsTranslator('nl'), item!)).toBe('NIET UITVOEREN: Sonde urinaire');
    expect(planItemText(wordsTranslator('de'), item!)).toBe('NICHT DURCHFÜHREN: Sonde urinaire');
  });
});

function observation(id: string, extra: Record<string, unknown>): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: SUBJECT,
    effectiveDateTime: '2026-11-27T06:00:00+01:00',
    code: { text: 'eGFR' },
    ...extra,
  } as Resource;
}
const observations = (db: Database.Database) =>
  getChart(asReadonly(db), 'p-zoe', {
    now: new Date('2026-11-28T08:00:00Z'),
    adminTimes: DEFAULT_ADMIN_TIMES,
    timeZone: 'Europe/Brussels',
  })?.observations ?? [];

describe('observations', () => {
  it('keeps the comparator of a value ("> 60")', async () => {
    const { db } = await load([
      observation('o', { valueQuantity: { value: 60, comparator: '>', unit: 'mL/min/1.73m2' } }),
    ]);
    expect(observations(db)[0]).toMatchObject({
      value: 60,
      comparator: '>',
      unit: 'mL/min/1.73m2',
    });
  });

  it('keeps a range or a ratio value as text, not dropped (the IPS urine WBC, a titre)', async () => {
    // HL7 IPS example observation-urine-wbc-range: valueRange 10–20 /[HPF].
    const perHpf = { unit: 'per HPF', system: 'http://unitsofmeasure.org', code: '/[HPF]' };
    const { db } = await load([
      observation('wbc', {
        code: { text: 'Leucocytes urinaires' },
        valueRange: { low: { value: 10, ...perHpf }, high: { value: 20, ...perHpf } },
      }),
      observation('ery', {
        code: { text: 'Érythrocytes urinaires' },
        valueRange: { low: { value: 5, ...perHpf } },
      }),
      observation('titre', {
        code: { text: 'Titre ASLO' },
        valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } },
      }),
    ]);
    const byName = new Map(observations(db).map((o) => [o.name, o]));
    expect(byName.get('Leucocytes urinaires')).toMatchObject({
      value: null,
      valueText: '10–20 per HPF',
    });
    expect(byName.get('Érythrocytes urinaires')?.valueText).toBe('≥ 5 per HPF');
    expect(byName.get('Titre ASLO')?.valueText).toBe('1 / 128');
  });

  it('takes the range that applies to the patient as normal, the others as labelled bands', async () => {
    const { db } = await load([
      observation('o', {
        valueQuantity: { value: 25, unit: 'mmHg' },
        referenceRange: [
          { high: { value: 20 }, text: 'Severe TBI', appliesTo: [{ text: 'Severe TBI' }] },
          { low: { value: 5 }, high: { value: 15 }, appliesTo: [{ coding: [{ code: 'male' }] }] },
          { low: { value: 7 }, high: { value: 15 }, appliesTo: [{ coding: [{ code: 'female' }] }] },
        ],
      }),
    ]);
    // Zoë is female, 25 at T.
    expect(observations(db)[0]).toMatchObject({
      refLow: 7,
      refHigh: 15,
      otherRanges: [
        { low: null, high: 20, label: 'Severe TBI' },
        { low: 5, high: 15, label: null },
      ],
    });
  });

  it('chooses by age too, and leaves no normal range when none applies', async () => {
    const { db } = await load([
      observation('o', {
        valueQuantity: { value: 25, unit: 'mmHg' },
        referenceRange: [
          {
            low: { value: 1 },
            high: { value: 2 },
            age: { high: { value: 18, code: 'a' } },
            text: 'child',
          },
          { low: { value: 3 }, high: { value: 4 }, appliesTo: [{ text: 'Severe TBI' }] },
        ],
      }),
    ]);
    expect(observations(db)[0]).toMatchObject({ refLow: null, refHigh: null });
    expect(observations(db)[0]?.otherRanges.map((r) => r.label)).toEqual(['child', 'Severe TBI']);
  });

  it.each([
    [{ coding: [{ system: 'http://snomed.info/sct', code: '281302008' }] }, 'H', null],
    [{ coding: [{ system: 'http://snomed.info/sct', code: '281300000' }] }, 'L', null],
    [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
            code: 'HH',
          },
        ],
      },
      'HH',
      null,
    ],
    [{ text: 'Élevé' }, 'H', null],
    [{ text: 'Hämolytisch' }, null, 'Hämolytisch'],
  ])('maps interpretation %j to %s', async (interpretation, flag, flagText) => {
    const { db } = await load([
      observation('o', {
        valueQuantity: { value: 9, unit: 'mmol/L' },
        interpretation: [interpretation],
      }),
    ]);
    expect(observations(db)[0]).toMatchObject({ flag, flagText });
  });
});

describe('nutrition', () => {
  it('shows tube feeding and supplements, not only oral diets', async () => {
    const { db } = await load([
      {
        resourceType: 'NutritionOrder',
        id: 'n',
        status: 'active',
        intent: 'order',
        patient: SUBJECT,
        dateTime: '2026-11-27T08:00:00+01:00',
        enteralFormula: {
          baseFormulaType: { text: 'Osmolite 1.2' },
          routeofAdministration: { text: 'sonde nasogastrique' },
          administration: [{ rateQuantity: { value: 60, unit: 'mL/h' } }],
        },
        supplement: [{ productName: 'Fortimel', quantity: { value: 200, unit: 'mL' } }],
      },
    ]);
    expect(
      db
        .prepare(
          "SELECT text FROM plan_items WHERE patient_id = 'p-zoe' AND kind = 'diet' ORDER BY text",
        )
        .pluck()
        .all(),
    ).toEqual(['Fortimel · 200 mL', 'Osmolite 1.2 · 60 mL/h · sonde nasogastrique']);
    expect(db.prepare("SELECT diet FROM stays WHERE patient_id = 'p-zoe'").pluck().get()).toBe(
      'Osmolite 1.2 · 60 mL/h · sonde nasogastrique + Fortimel · 200 mL',
    );
  });
});
