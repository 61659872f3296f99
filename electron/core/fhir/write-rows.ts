/**
 * The second phase of an import: resolve references, apply the census rule at T, and write
 * every row in one transaction with prepared statements.
 */
import type { WritableDb } from '../db/handle.ts';
import { AppError } from '../errors.ts';
import { type ExportMeta, writeExportMeta } from '../db/meta.ts';
import { inSearchOrder } from '../db/search-order.ts';
import {
  type Directory,
  type Placement,
  UNKNOWN_SITE,
  currentStays,
  placeLocation,
  placeStay,
  resolveCounted,
} from './census.ts';
import type { Collected } from './collect.ts';
import { instantOf } from './dates.ts';
import { type RangePatient, ageAt, chooseRange } from './reference-range.ts';
import type { ClinicalItem, DeviceRecord, EncounterRecord, MedicationRecord } from './records.ts';
import { idOfKey } from './references.ts';
import { prnPartId } from '../../common/order-id.ts';
import type { ReportTally } from './report.ts';
import { type StayFacts, stayFacts } from './stay-facts.ts';
import { type Inserts, prepareInserts } from './inserts.ts';

export interface WriteOptions {
  readonly asOf: Date;
  /** Ward ids (or names) exported with full detail; absent: every ward. */
  readonly wards?: readonly string[] | undefined;
  readonly site?: { readonly id: string; readonly name: string } | undefined;
  readonly demo?: boolean | undefined;
  /** The site's IANA time zone (date-only periods are its local days). */
  readonly timeZone: string;
}

export interface WriteSummary {
  readonly patients: number;
  readonly census: number;
}

interface Ward {
  readonly id: string;
  readonly name: string | null;
  readonly siteId: string;
}

export function writeRows(
  db: WritableDb,
  c: Collected,
  options: WriteOptions,
  tally: ReportTally,
): WriteSummary {
  const t = options.asOf.getTime();
  const dir: Directory = {
    index: c.index,
    locations: c.locations,
    organizations: c.organizations,
    tally,
    timeZone: options.timeZone,
  };

  const stays = new Map<string, { encounter: EncounterRecord; key: string; place: Placement }>();
  // The stay a code-status claim names (unresolved: unknown, not warned twice).
  const claimStay = (ref: string | null): string | null =>
    ref === null ? null : c.index.resolve(ref);
  for (const [patientKey, encounterKey] of currentStays(c.encounters, t, dir)) {
    const encounter = c.encounters.get(encounterKey);
    if (!encounter || !c.patients.has(patientKey)) continue;
    stays.set(patientKey, { encounter, key: encounterKey, place: placeStay(encounter, t, dir) });
  }

  // Wards: those with someone in them, and every Location typed as a ward (so empty wards show).
  const sites = new Map<string, string | null>();
  const wards = new Map<string, Ward>();
  const addWard = (p: Placement) => {
    sites.set(p.siteId, p.siteName);
    if (!wards.has(p.wardId))
      wards.set(p.wardId, { id: p.wardId, name: p.wardName, siteId: p.siteId });
  };
  for (const { place } of stays.values()) addWard(place);
  const beds = bedBoard(c, dir);
  for (const [key, loc] of c.locations)
    if (loc.physicalType === 'wa') addWard(placeLocation(key, null, dir));
  for (const b of beds) addWard(b.place);
  warnSharedMrns(c, tally);
  const scope = scopeOf(wards, options.wards);

  const byPatient = groupByPatient(c, tally);
  const ins = prepareInserts(db);
  const names = new Names(c, dir);

  db.transaction(() => {
    for (const [id, name] of sites) ins.site(id, name);
    for (const w of wards.values()) ins.ward(w.id, w.siteId, w.name, scope.has(w.id));
    for (const b of beds) ins.bed(b.id, b.place.wardId, b.place.room, b.place.bed);

    // In search order: the search reads matches in rowid order (db/search-order.ts).
    const patients = inSearchOrder(c.patients, ([key, p]) => ({
      admitted: stays.has(key),
      name: p.name,
      id: p.id,
    }));
    for (const [key, patient] of patients) {
      const stay = stays.get(key);
      const inScope = stay ? scope.has(stay.place.wardId) : options.wards === undefined;
      const items = inScope ? (byPatient.get(key) ?? []) : [];
      const facts = stayFacts(
        items.map(([, item]) => item),
        options.timeZone,
        { current: stay?.key ?? null, stayOf: claimStay },
      );
      ins.patient(patient, facts, { locator: stay !== undefined && !inScope, detail: inScope });
      ins.search(patient, stay?.place ?? null);
      if (stay) writeStay(ins, patient.id, stay.encounter, stay.place, facts, t, names);
      if (inScope) {
        const rangePatient = { sex: patient.sex, ageYears: ageAt(patient.birthDate, t) };
        writeClinical(ins, patient.id, items, facts, names, rangePatient);
      }
    }
    ins.flush();

    const site = options.site ?? mainSite(stays, sites);
    writeExportMeta(db, {
      siteId: site.id,
      siteName: site.name,
      dataAsOf: options.asOf.toISOString(),
      demo: options.demo ?? false,
    } satisfies ExportMeta);
  })();
  ins.report(tally);
  return { patients: c.patients.size, census: stays.size };
}

/**
 * The beds of the bed board: every bed Location, and every room Location no bed is part of
 * (a single room is a place for one patient). Placed like a stay, up the `partOf` chain.
 */
function bedBoard(c: Collected, dir: Directory): { id: string; place: Placement }[] {
  const roomsWithBeds = new Set<string>();
  for (const loc of c.locations.values()) {
    if (loc.physicalType !== 'bd' || loc.partOf === null) continue;
    const parent = c.index.resolve(loc.partOf);
    if (parent !== null) roomsWithBeds.add(parent);
  }
  const beds: { id: string; place: Placement }[] = [];
  for (const [key, loc] of c.locations) {
    const isBed = loc.physicalType === 'bd';
    const isBedlessRoom = loc.physicalType === 'ro' && !roomsWithBeds.has(key);
    if (isBed || isBedlessRoom) beds.push({ id: loc.id, place: placeLocation(key, null, dir) });
  }
  return beds;
}

/** Counts every MRN two or more live patients share (a scan of it must list them all). */
function warnSharedMrns(c: Collected, tally: ReportTally): void {
  const seen = new Map<string, number>();
  for (const p of c.patients.values()) {
    if (p.recordStatus !== 'active') continue;
    const n = (seen.get(p.mrn) ?? 0) + 1;
    seen.set(p.mrn, n);
    if (n === 2) tally.warn('duplicate-mrn');
  }
}

/** The scoped ward ids; `--wards` entries match a ward id or name (any case), and must all match. */
function scopeOf(
  wards: ReadonlyMap<string, Ward>,
  requested: readonly string[] | undefined,
): Set<string> {
  if (requested === undefined) return new Set(wards.keys());
  const scope = new Set<string>();
  for (const wanted of requested) {
    const w = wanted.trim().toLowerCase();
    const match = [...wards.values()].filter(
      (x) => x.id.toLowerCase() === w || x.name?.toLowerCase() === w,
    );
    if (match.length === 0) {
      const known = [...wards.values()]
        .map((x) => x.id)
        .sort()
        .slice(0, 20)
        .join(', ');
      throw new AppError(
        'invalid-argument',
        `--wards: no ward "${wanted}" in the input; known ward ids: ${known || 'none'}.`,
      );
    }
    for (const m of match) scope.add(m.id);
  }
  return scope;
}

/** The site most current stays are at: the export's site unless the caller names one. */
function mainSite(
  stays: ReadonlyMap<string, { place: Placement }>,
  sites: ReadonlyMap<string, string | null>,
): { id: string; name: string | null } {
  const counts = new Map<string, number>();
  for (const { place } of stays.values())
    counts.set(place.siteId, (counts.get(place.siteId) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? sites.keys().next().value;
  return top === undefined ? UNKNOWN_SITE : { id: top, name: sites.get(top) ?? null };
}

type Keyed = readonly [key: string, item: ClinicalItem];

/** Clinical items grouped by the patient key their subject resolves to. */
function groupByPatient(c: Collected, tally: ReportTally): Map<string, Keyed[]> {
  const groups = new Map<string, Keyed[]>();
  for (const [key, record] of c.clinical) {
    if (record.subject === null) {
      tally.warn('missing-subject');
      continue;
    }
    const patient = resolveCounted({ index: c.index, tally }, record.subject);
    if (patient === null || !c.patients.has(patient)) continue;
    let group = groups.get(patient);
    if (!group) groups.set(patient, (group = []));
    for (const item of record.items) group.push([key, item]);
  }
  return groups;
}

/** Practitioner, medication and condition names behind references. */
class Names {
  private readonly c: Collected;
  private readonly dir: Directory;

  constructor(c: Collected, dir: Directory) {
    this.c = c;
    this.dir = dir;
  }

  get timeZone(): string {
    return this.dir.timeZone;
  }

  get tally(): ReportTally {
    return this.dir.tally;
  }

  /** The text of the first Binary a note's attachments point at that the input holds. */
  binaryText(refs: readonly string[]): string | null {
    for (const ref of refs) {
      const key = resolveCounted(this.dir, ref);
      const text = key === null ? undefined : this.c.binaries.get(key);
      if (text !== undefined) return text;
    }
    return null;
  }

  practitioner(ref: string | null, display: string | null): string | null {
    const key = resolveCounted(this.dir, ref);
    if (key === null) return display;
    const role = this.c.roles.get(key);
    const practitionerKey = role === undefined ? key : resolveCounted(this.dir, role);
    return (practitionerKey === null ? null : this.c.practitioners.get(practitionerKey)) ?? display;
  }

  medication(ref: string | null): MedicationRecord | null {
    const key = resolveCounted(this.dir, ref);
    return key === null ? null : (this.c.medications.get(key) ?? null);
  }

  device(ref: string | null): DeviceRecord | null {
    const key = resolveCounted(this.dir, ref);
    return key === null ? null : (this.c.devices.get(key) ?? null);
  }

  condition(ref: string | null): string | null {
    const key = resolveCounted(this.dir, ref);
    const problem =
      key === null ? undefined : this.c.clinical.get(key)?.items.find((i) => i.item === 'problem');
    return problem?.item === 'problem' ? problem.text : null;
  }

  /** The export id of the order an administration was given for. */
  orderId(ref: string | null): string | null {
    const key = resolveCounted(this.dir, ref);
    return key !== null && this.c.clinical.get(key)?.items[0]?.item === 'order'
      ? idOfKey(key)
      : null;
  }
}

const ATTENDING_ROLES = ['ATND', 'PPRF'];

function writeStay(
  ins: Inserts,
  patientId: string,
  e: EncounterRecord,
  place: Placement,
  facts: StayFacts,
  t: number,
  names: Names,
): void {
  const attending =
    ATTENDING_ROLES.map((role) => e.participants.find((p) => p.type === role)).find(
      (p) => p !== undefined,
    ) ?? e.participants[0];
  const end = instantOf(e.end, 'end', names.timeZone);
  ins.stay(patientId, place, {
    admittedAt: e.start,
    expectedDischarge: end !== null && end > t ? e.end : null,
    attending: attending ? names.practitioner(attending.ref, attending.display) : null,
    service: e.service,
    reason: e.reason ?? names.condition(e.reasonRef) ?? e.type,
    facts,
  });
}

function writeClinical(
  ins: Inserts,
  patientId: string,
  items: readonly Keyed[],
  facts: StayFacts,
  names: Names,
  rangePatient: RangePatient,
): void {
  if (facts.handover) ins.handover(patientId, facts.handover);
  for (const [key, item] of items) {
    switch (item.item) {
      case 'allergy':
        ins.allergy(patientId, item);
        break;
      case 'allergy-absence':
        ins.absence(patientId, item);
        break;
      case 'problem':
        ins.problem(patientId, item);
        break;
      case 'order': {
        const {
          item: _kind,
          part,
          medicationRef,
          prescriberRef,
          prescriberDisplay,
          ...order
        } = item;
        const medication = names.medication(medicationRef);
        // A referenced Medication with a modifier we do not understand taints the order too.
        const unknownModifier = medication?.unknownModifier === true;
        // The PRN part of an order with scheduled lines too is a row of its own.
        const id = part === 'prn' ? prnPartId(idOfKey(key)) : idOfKey(key);
        ins.order(id, patientId, {
          ...order,
          drug: order.drug ?? medication?.name ?? null,
          concentration: order.concentration ?? medication?.concentration ?? null,
          highAlert: order.highAlert || medication?.highAlert === true,
          state: unknownModifier ? 'not-interpretable' : order.state,
          notInterpretable: unknownModifier ? 'unknown-modifier' : order.notInterpretable,
          prescriber: names.practitioner(prescriberRef, prescriberDisplay),
        });
        break;
      }
      case 'administration':
        ins.administration(patientId, {
          orderId: names.orderId(item.requestRef),
          drug: item.drug ?? names.medication(item.medicationRef)?.name ?? null,
          dose: item.dose,
          route: item.route,
          routeTerm: item.routeTerm,
          routeCode: item.routeCode,
          at: item.at,
          status: item.status,
          performer: names.practitioner(item.performerRef, item.performerDisplay),
          note: item.note,
        });
        break;
      case 'observation':
        ins.observation(
          patientId,
          item.ranges.length > 0 ? { ...item, ...chooseRange(item.ranges, rangePatient) } : item,
        );
        break;
      case 'plan':
        ins.plan(patientId, item);
        break;
      case 'note': {
        const text = item.text ?? names.binaryText(item.binaryRefs) ?? item.fallbackText;
        if (text === null) {
          names.tally.warn('empty-document');
          break;
        }
        ins.note(patientId, {
          kind: item.kind,
          title: item.title,
          author: names.practitioner(item.authorRef, item.authorDisplay),
          at: item.at,
          text,
        });
        break;
      }
      case 'device': {
        // A referenced Device is read now; a contained one came with the statement.
        const device = item.device ?? names.device(item.deviceRef);
        ins.device(patientId, {
          kind: device?.kind ?? null,
          name: device?.name ?? item.deviceDisplay,
          site: item.site,
          placedAt: item.placedAt,
          note: item.note,
          unverified: item.unverified || device?.unknownModifier === true,
        });
        break;
      }
      case 'code-status':
      case 'fact':
        break; // folded into the stay and handover by stayFacts
      default: {
        const _exhaustive: never = item;
        return _exhaustive;
      }
    }
  }
}
