/**
 * `generateDemoHospital`: a deterministic synthetic Belgian hospital as FHIR R4 Bulk NDJSON
 * (one file per resource type), for demos, tests and benchmarks. The same patients count, seed
 * and `asOf` give byte-identical files. Patients are generated and written one at a time, so
 * memory stays flat from 10 to 30,000 patients and beyond.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors.ts';
import { type Emit, type Reference, SYSTEMS, concept, ref } from './fhir.ts';
import { HospitalLayout, SITES, WARD_TEMPLATES, bedOf, roomName } from './hospital.ts';
import { NdjsonWriter } from './ndjson-writer.ts';
import { randomName } from './names.ts';
import { type Staff, fateOf, generatePatient } from './patient.ts';
import { createRng, streamSeed } from './prng.ts';

export interface DemoOptions {
  readonly patients: number;
  readonly seed: number;
  /** The instant the hospital is pictured at: ~85 % of patients are admitted then. */
  readonly asOf: Date;
  readonly outDir: string;
}

export interface DemoSummary {
  readonly patients: number;
  readonly admitted: number;
  readonly sites: number;
  readonly wards: number;
  readonly beds: number;
  /** Resources written per type (= lines in `<type>.ndjson`). */
  readonly resources: Readonly<Record<string, number>>;
  readonly files: readonly string[];
  readonly elapsedMs: number;
}

export const MAX_DEMO_PATIENTS = 1_000_000;

/** Every resource type the generator may write; their old files in the output folder go first. */
const RESOURCE_TYPES = [
  'AllergyIntolerance',
  'CarePlan',
  'Condition',
  'Device',
  'DeviceUseStatement',
  'DocumentReference',
  'Encounter',
  'Flag',
  'Goal',
  'Location',
  'MedicationAdministration',
  'MedicationRequest',
  'NutritionOrder',
  'Observation',
  'Organization',
  'Patient',
  'Practitioner',
  'ServiceRequest',
] as const;

/** Streams for things that are not patients, kept apart from the patient streams. */
const STAFF_STREAM = 0x5eed;

function validate(options: DemoOptions): void {
  const { patients, seed, asOf } = options;
  if (!Number.isInteger(patients) || patients < 1 || patients > MAX_DEMO_PATIENTS) {
    throw new AppError(
      'invalid-argument',
      `The number of demo patients must be a whole number from 1 to ${MAX_DEMO_PATIENTS}.`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new AppError(
      'invalid-argument',
      'The demo seed must be a whole number from 0 to 4294967295.',
    );
  }
  if (Number.isNaN(asOf.getTime())) {
    throw new AppError(
      'invalid-argument',
      'The demo "as of" time is not a valid date; give it as ISO 8601, e.g. 2026-11-28T08:00:00Z.',
    );
  }
}

const PHYSICAL = {
  si: concept(SYSTEMS.physicalType, 'si', 'Site'),
  wa: concept(SYSTEMS.physicalType, 'wa', 'Ward'),
  ro: concept(SYSTEMS.physicalType, 'ro', 'Room'),
  bd: concept(SYSTEMS.physicalType, 'bd', 'Bed'),
} as const;

const EMERGENCY_NAME = { fr: 'Urgences', nl: 'Spoedgevallen', de: 'Notaufnahme' } as const;

/** Organisations, the Location tree (site → ward → room → bed) and staff of every site. */
function emitDirectory(layout: HospitalLayout, seed: number, emit: Emit): Map<string, Staff> {
  const staffBySite = new Map<string, Staff>();
  SITES.forEach((site, s) => {
    const organization = `org-${site.key}`;
    const siteLocation = `site-${site.key}`;
    const address = { city: site.city, country: 'BE' };
    emit({
      resourceType: 'Organization',
      id: organization,
      active: true,
      name: site.name,
      address: [address],
    });
    emit({
      resourceType: 'Location',
      id: siteLocation,
      status: 'active',
      name: site.name,
      mode: 'instance',
      physicalType: PHYSICAL.si,
      address,
      managingOrganization: ref('Organization', organization),
    });
    const ward = (id: string, name: string) =>
      emit({
        resourceType: 'Location',
        id,
        status: 'active',
        name,
        mode: 'instance',
        physicalType: PHYSICAL.wa,
        partOf: ref('Location', siteLocation),
        managingOrganization: ref('Organization', organization),
      });
    ward(`ward-${site.key}-ED`, EMERGENCY_NAME[site.language]);
    const units = layout.units.filter((unit) => WARD_TEMPLATES[unit.template]?.site === site);
    for (const unit of units) {
      ward(unit.id, unit.name);
      for (let slot = 0; slot < unit.beds; slot++) {
        const bed = bedOf(unit, slot);
        if (slot % unit.bedsPerRoom === 0) {
          emit({
            resourceType: 'Location',
            id: bed.roomId,
            status: 'active',
            name: roomName(unit, slot),
            mode: 'instance',
            physicalType: PHYSICAL.ro,
            partOf: ref('Location', unit.id),
          });
        }
        emit({
          resourceType: 'Location',
          id: bed.bedId,
          status: 'active',
          name: bed.bedName,
          mode: 'instance',
          physicalType: PHYSICAL.bd,
          partOf: ref('Location', bed.roomId),
        });
      }
    }
    const rng = createRng(streamSeed(seed ^ STAFF_STREAM, s));
    const people = (role: 'dr' | 'rn', count: number): [Reference, ...Reference[]] => {
      const refs = Array.from({ length: count }, (_, n) => {
        const id = `${role}-${site.key}-${n + 1}`;
        const name = randomName(rng, site.language);
        emit({
          resourceType: 'Practitioner',
          id,
          active: true,
          name: [
            {
              use: 'official',
              family: name.family,
              given: [name.given],
              ...(role === 'dr' ? { prefix: ['Dr'] } : {}),
            },
          ],
          gender: name.sex,
        });
        return ref('Practitioner', id);
      });
      const [first, ...rest] = refs;
      if (!first) throw new RangeError('a site needs staff');
      return [first, ...rest];
    };
    staffBySite.set(site.key, {
      doctors: people('dr', Math.max(6, units.length * 3)),
      nurses: people('rn', Math.max(10, units.length * 8)),
    });
  });
  return staffBySite;
}

export async function generateDemoHospital(options: DemoOptions): Promise<DemoSummary> {
  validate(options);
  const started = performance.now();
  const { patients, seed, outDir } = options;
  const asOf = Math.floor(options.asOf.getTime() / 60_000) * 60_000;
  try {
    await mkdir(outDir, { recursive: true });
    // A file left by an earlier, larger run would be read as part of this hospital.
    await Promise.all(
      RESOURCE_TYPES.map((type) => rm(join(outDir, `${type}.ndjson`), { force: true })),
    );
  } catch (e) {
    throw new AppError(
      'io',
      `Could not prepare the demo output folder ${outDir}; check the path and its permissions.`,
      { cause: e },
    );
  }

  // Pass 1: each patient's first draws say whether and where they are admitted; that sizes
  // the wards before anything is written.
  const admittedPerTemplate = WARD_TEMPLATES.map(() => 0);
  for (let index = 0; index < patients; index++) {
    const fate = fateOf(createRng(streamSeed(seed, index)), index);
    if (fate.status === 'admitted') {
      admittedPerTemplate[fate.template] = (admittedPerTemplate[fate.template] ?? 0) + 1;
    }
  }
  const layout = new HospitalLayout(admittedPerTemplate);

  const writer = new NdjsonWriter(outDir);
  const emit: Emit = (resource) => writer.add(resource);
  const staff = emitDirectory(layout, seed, emit);
  const notes = new Map<string, string>();
  const encodeNote = (text: string): string => {
    let encoded = notes.get(text);
    if (encoded === undefined) {
      encoded = Buffer.from(text, 'utf8').toString('base64');
      notes.set(text, encoded);
    }
    return encoded;
  };

  // Pass 2: the same streams again, now generating everything.
  const bedsTaken = WARD_TEMPLATES.map(() => 0);
  let admitted = 0;
  for (let index = 0; index < patients; index++) {
    const rng = createRng(streamSeed(seed, index));
    const fate = fateOf(rng, index);
    const template = WARD_TEMPLATES[fate.template];
    const siteStaff = template && staff.get(template.site.key);
    if (!template || !siteStaff) throw new RangeError(`no ward template ${fate.template}`);
    let bed = null;
    if (fate.status === 'admitted') {
      const order = bedsTaken[fate.template] ?? 0;
      bedsTaken[fate.template] = order + 1;
      bed = layout.bedFor(fate.template, order);
      admitted++;
    }
    generatePatient({
      index,
      rng,
      fate,
      bed,
      asOf,
      staff: siteStaff,
      organization: ref('Organization', `org-${template.site.key}`),
      emergencyWard: ref('Location', `ward-${template.site.key}-ED`),
      ward: ref('Location', layout.firstUnitOf(fate.template).id),
      encodeNote,
      emit,
    });
    if (index % 32 === 31) await writer.drain();
  }
  const resources = await writer.close();
  return {
    patients,
    admitted,
    sites: SITES.length,
    wards: layout.units.length,
    beds: layout.units.reduce((sum, unit) => sum + unit.beds, 0),
    resources,
    files: Object.keys(resources).map((type) => `${type}.ndjson`),
    elapsedMs: Math.round(performance.now() - started),
  };
}
