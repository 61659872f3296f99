import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRUGS, type Drug } from '../../../electron/cli/demo/catalog.ts';
import { type DemoSummary, generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import { ageInMonths, medianSize } from '../../../electron/cli/demo/growth.ts';

type Json = Record<string, unknown> & { resourceType: string; id: string };

const AS_OF = new Date('2026-11-28T08:00:00Z');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-hospital-'));
  dirs.push(dir);
  return dir;
}

function readAll(dir: string): Map<string, Json[]> {
  const byType = new Map<string, Json[]>();
  for (const file of readdirSync(dir)) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    expect(lines.pop(), `${file} ends with a newline`).toBe('');
    byType.set(
      file.replace(/\.ndjson$/, ''),
      lines.map((line) => JSON.parse(line) as Json),
    );
  }
  return byType;
}

/** Whether `text` appears anywhere in the JSON of `value` (a code, a system, a key). */
const mentions = (value: unknown, text: string): boolean =>
  (JSON.stringify(value) ?? '').includes(text);

/** Every `{"reference": "..."}` anywhere inside a resource. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') found.push(child);
      else referencesIn(child, found);
    }
  }
  return found;
}

describe('generateDemoHospital', () => {
  let dir: string;
  let summary: DemoSummary;
  let data: Map<string, Json[]>;
  const all = (type: string): Json[] => data.get(type) ?? [];

  beforeAll(async () => {
    dir = tempDir();
    summary = await generateDemoHospital({ patients: 120, seed: 7, asOf: AS_OF, outDir: dir });
    data = readAll(dir);
  });

  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes one NDJSON file per resource type, each line a resource of that type', () => {
    expect(summary.files.length).toBeGreaterThanOrEqual(15);
    for (const [type, resources] of data) {
      expect(resources.length).toBe(summary.resources[type]);
      for (const resource of resources) expect(resource.resourceType).toBe(type);
    }
  });

  it('writes exactly the requested number of patients, most of them admitted now', () => {
    expect(all('Patient')).toHaveLength(120);
    const current = all('Encounter').filter((e) => e['status'] === 'in-progress');
    expect(current).toHaveLength(summary.admitted);
    expect(summary.admitted / 120).toBeGreaterThan(0.75);
    expect(summary.admitted / 120).toBeLessThan(0.95);
    expect(all('Encounter').some((e) => e['status'] === 'finished')).toBe(true);
  });

  it('gives ids unique within each resource type', () => {
    for (const resources of data.values()) {
      expect(new Set(resources.map((r) => r.id)).size).toBe(resources.length);
    }
  });

  it('resolves every reference within the output', () => {
    const ids = new Set([...data.values()].flat().map((r) => `${r.resourceType}/${r.id}`));
    const containedIds = (r: Json) =>
      new Set(((r['contained'] ?? []) as Json[]).map((c) => `#${String(c['id'])}`));
    const unresolved = [...data.values()]
      .flat()
      .flatMap((r) => referencesIn(r).filter((reference) => !containedIds(r).has(reference)))
      .filter((reference) => !ids.has(reference));
    expect(unresolved).toEqual([]);
  });

  it('has lines and drains in the site language, placed during the stay, and an ICU noradrenaline syringe with its ingredients', () => {
    const statements = all('DeviceUseStatement');
    expect(statements.length).toBeGreaterThan(5);
    const kinds = new Set(
      statements.flatMap((s) => {
        const contained = (s['contained'] ?? []) as Json[];
        const reference = (s['device'] as { reference: string }).reference;
        const device = reference.startsWith('#')
          ? contained.find((c) => `#${String(c['id'])}` === reference)
          : all('Device').find((d) => `Device/${String(d.id)}` === reference);
        return [(device?.['type'] as { text: string } | undefined)?.text];
      }),
    );
    expect(kinds).toContain('Sonde urinaire à demeure');
    expect(kinds).toContain('Blasenkatheter');
    for (const s of statements) {
      const start = Date.parse((s['timingPeriod'] as { start: string }).start);
      expect(start).toBeLessThan(AS_OF.getTime());
    }
    const syringe = all('MedicationRequest')
      .flatMap((o) => (o['contained'] ?? []) as Json[])
      .find((m) => m['resourceType'] === 'Medication');
    const ingredients = syringe?.['ingredient'] as { isActive: boolean }[] | undefined;
    expect(ingredients?.map((i) => i.isActive)).toEqual([true, false]);
  });

  it('always has Hélène Lefèvre-Dupont, an Œuvrard and names with apostrophes and particles', () => {
    const names = all('Patient').map((p) => {
      const [name] = p['name'] as { family: string; given: string[] }[];
      return `${name?.given.join(' ')} ${name?.family}`;
    });
    expect(names).toContain('Hélène Lefèvre-Dupont');
    expect(names.some((n) => n.includes('Œuvrard'))).toBe(true);
    expect(names).toContain("Zoë D'Hondt");
    expect(names).toContain('Jan Van den Broeck');
    expect(names.some((n) => n.includes("Prud'homme"))).toBe(true);
  });

  it('puts admitted patients in beds under rooms, wards and a site (or in the emergency department)', () => {
    const locations = new Map(all('Location').map((l) => [`Location/${l.id}`, l]));
    const typeOf = (l: Json | undefined) =>
      (l?.['physicalType'] as { coding: { code: string }[] } | undefined)?.coding[0]?.code;
    const wardNames = new Set(
      all('Location')
        .filter((l) => typeOf(l) === 'wa')
        .map((l) => l['name']),
    );
    expect(wardNames).toContain('Médecine interne 3B');
    expect(wardNames).toContain('Interne Geneeskunde 5');
    expect(all('Location').filter((l) => typeOf(l) === 'si')).toHaveLength(3);
    for (const stay of all('Encounter').filter((e) => e['status'] === 'in-progress')) {
      const current = (stay['location'] as { location: { reference: string } }[]).at(-1);
      const chain: (string | undefined)[] = [];
      let at = locations.get(current?.location.reference ?? '');
      while (at) {
        chain.push(typeOf(at));
        at = locations.get((at['partOf'] as { reference: string } | undefined)?.reference ?? '');
      }
      // In a bed, or (admitted in the last hours) still in the emergency department.
      expect([
        ['bd', 'ro', 'wa', 'si'],
        ['wa', 'si'],
      ]).toContainEqual(chain);
    }
  });

  it('orders timed, PRN and high-alert medications', () => {
    const orders = all('MedicationRequest');
    // A mixture names its drug in the contained Medication the order references.
    const conceptOf = (o: Json) =>
      (o['medicationCodeableConcept'] ?? (o['contained'] as Json[])[0]?.['code'] ?? {}) as {
        text: string;
      };
    const names = orders.map((o) => conceptOf(o).text.toLowerCase());
    for (const drug of ['insuline', 'héparine', 'morphine', 'chlorure de potassium']) {
      expect(
        names.some((n) => n.includes(drug)),
        drug,
      ).toBe(true);
    }
    const dosages = orders.map(
      (o) => (o['dosageInstruction'] as Record<string, unknown>[])[0] ?? {},
    );
    const prn = dosages.filter((d) => d['asNeededCodeableConcept'] || d['asNeededBoolean']);
    expect(prn.length).toBeGreaterThan(0);
    expect(prn.every((d) => d['maxDosePerPeriod'])).toBe(true);
    expect(dosages.some((d) => mentions(d['timing'], '"when"'))).toBe(true);
    expect(all('MedicationAdministration').length).toBeGreaterThan(orders.length);
  });

  it('sizes children by their age in months, and their weight-based doses stay at the ordered mg/kg, capped', () => {
    const weights = new Map(
      all('Observation')
        .filter((o) => o.id.endsWith('-weight'))
        .map((o) => [o.id.replace(/-weight$/, ''), (o.valueQuantity as { value: number }).value]),
    );
    const byAtc = new Map(
      Object.values(DRUGS).flatMap((d: Drug) => (d.perKg ? [[d.atc, d.perKg] as const] : [])),
    );
    let children = 0;
    let checkedDoses = 0;
    for (const patient of all('Patient')) {
      const birthDate = patient.birthDate as string;
      const kg = weights.get(patient.id);
      const months = ageInMonths(birthDate, AS_OF.getTime());
      if (kg === undefined || birthDate.length < 10 || months >= 16 * 12) continue;
      children++;
      const median = medianSize(months).kg;
      expect({ patient: patient.id, months, kg }).toSatisfy(
        () => kg >= median * 0.8 && kg <= median * 1.2,
      );
      for (const order of all('MedicationRequest')) {
        if ((order.subject as { reference: string }).reference !== `Patient/${patient.id}`)
          continue;
        const atc = JSON.stringify(order.medicationCodeableConcept ?? '').match(
          /"code":"(\w+)"/,
        )?.[1];
        const perKg = atc === undefined ? undefined : byAtc.get(atc);
        const dose = JSON.stringify(order.dosageInstruction).match(
          /"doseQuantity":\{"value":([\d.]+)/,
        );
        if (!perKg || !dose) continue;
        checkedDoses++;
        const mg = Number(dose[1]);
        expect(mg).toBeLessThanOrEqual(perKg.cap);
        // Rounded to the drug's step: never more than half a step over the mg/kg ordered.
        expect(mg).toBeLessThanOrEqual(
          Math.max(perKg.step, perKg.dose * kg + perKg.step / 2) + 1e-9,
        );
      }
    }
    expect(children).toBeGreaterThan(3);
    expect(checkedDoses).toBeGreaterThan(0);
    // The fixed infant (p4) is 5 months old: about 7 kg, not a newborn's 3,5 kg.
    const infant = weights.get('p4') ?? 0;
    expect(infant).toBeGreaterThan(6);
    expect(infant).toBeLessThan(8.5);
  });

  it('never orders a penicillin for a patient allergic to penicillin', () => {
    const allergic = new Set(
      all('AllergyIntolerance')
        .filter((a) => mentions(a['code'], '764146007'))
        .map((a) => (a['patient'] as { reference: string }).reference),
    );
    expect(allergic.size).toBeGreaterThan(0);
    const penicillins = all('MedicationRequest').filter(
      (o) =>
        allergic.has((o['subject'] as { reference: string }).reference) &&
        ['J01CA04', 'J01CR02', 'J01CR05'].some((atc) =>
          mentions(o['medicationCodeableConcept'], atc),
        ),
    );
    expect(penicillins).toEqual([]);
  });

  it('never orders two anticoagulants for one patient', () => {
    const anticoagulated = all('MedicationRequest')
      .filter((o) =>
        ['B01AB01', 'B01AB05', 'B01AF02'].some((atc) =>
          mentions(o['medicationCodeableConcept'], atc),
        ),
      )
      .map((o) => (o['subject'] as { reference: string }).reference);
    expect(anticoagulated.length).toBeGreaterThan(0);
    expect(new Set(anticoagulated).size).toBe(anticoagulated.length);
  });

  it('records allergies as present, none known, or not at all', () => {
    const allergies = all('AllergyIntolerance');
    const nka = allergies.filter((a) => mentions(a['code'], '716186003'));
    expect(nka.length).toBeGreaterThan(0);
    const severities = new Set(
      allergies.flatMap((a) =>
        ((a['reaction'] as { severity: string }[] | undefined) ?? []).map((r) => r.severity),
      ),
    );
    expect(severities).toEqual(new Set(['mild', 'moderate', 'severe']));
    const withAllergyRecord = new Set(
      allergies.map((a) => (a['patient'] as { reference: string }).reference),
    );
    expect(withAllergyRecord.size).toBeLessThan(120);
  });

  it('gives some patients an explicit code status, some DNR, and leaves others unknown', () => {
    const codeStatus = all('Observation').filter((o) => o.id.endsWith('-codestatus'));
    expect(codeStatus.length).toBeGreaterThan(0);
    expect(codeStatus.length).toBeLessThan(summary.admitted);
    expect(codeStatus.some((o) => mentions(o['valueCodeableConcept'], '304253006'))).toBe(true);
  });

  it('charts vitals with abnormal flags, labs with reference ranges, and the I-PASS handover', () => {
    const observations = all('Observation');
    const flagged = observations.filter((o) => o['interpretation']);
    expect(flagged.length).toBeGreaterThan(0);
    const labs = observations.filter((o) => mentions(o['category'], 'laboratory'));
    expect(labs.length).toBeGreaterThan(0);
    expect(labs.every((o) => o['referenceRange'])).toBe(true);
    const ipass = observations.filter((o) => mentions(o['code'], 'ipass-summary'));
    expect(ipass).toHaveLength(summary.admitted);
  });

  it('embeds nursing notes as base64 text', () => {
    const notes = all('DocumentReference');
    expect(notes.length).toBeGreaterThan(0);
    const [content] = notes[0]?.['content'] as { attachment: { data: string } }[];
    expect(Buffer.from(content?.attachment.data ?? '', 'base64').toString('utf8')).toMatch(
      /\p{L}{3,}/u,
    );
  });

  it('writes the same bytes for the same patients, seed and asOf', async () => {
    const a = tempDir();
    const b = tempDir();
    await generateDemoHospital({ patients: 25, seed: 3, asOf: AS_OF, outDir: a });
    await generateDemoHospital({ patients: 25, seed: 3, asOf: AS_OF, outDir: b });
    for (const file of readdirSync(a)) {
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
    }
  });

  it('writes different patients for a different seed', async () => {
    const a = tempDir();
    const b = tempDir();
    await generateDemoHospital({ patients: 25, seed: 3, asOf: AS_OF, outDir: a });
    await generateDemoHospital({ patients: 25, seed: 4, asOf: AS_OF, outDir: b });
    const patients = (d: string) => readFileSync(join(d, 'Patient.ndjson'), 'utf8');
    expect(patients(a)).not.toBe(patients(b));
  });

  it('removes the files of an earlier run from the same folder', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'Flag.ndjson'), '{"resourceType":"Flag","id":"stale"}\n');
    // Seed 2's two patients have no isolation flag: a Flag file could only be left over.
    await generateDemoHospital({ patients: 2, seed: 2, asOf: AS_OF, outDir: out });
    expect(readdirSync(out)).not.toContain('Flag.ndjson');
  });

  it('refuses a patient count out of range', async () => {
    await expect(
      generateDemoHospital({ patients: 0, seed: 1, asOf: AS_OF, outDir: tempDir() }),
    ).rejects.toMatchObject({ kind: 'invalid-argument' });
  });
});
