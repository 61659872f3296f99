/**
 * The second phase of an import: resolve references, apply the census rule at T, and write
 * every row in one transaction with prepared statements.
 */
import type { WritableDb } from '../db/handle.ts';
import { AppError } from '../errors.ts';
import { type ExportMeta, writeExportMeta } from '../db/meta.ts';
import { TABLES } from '../db/schema.ts';
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
import type {
  ClinicalItem,
  DeviceRecord,
  EncounterRecord,
  MedicationRecord,
  PatientRecord,
} from './records.ts';
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

/** A patient's current stay, with the stay row's fields that no ward scope changes. */
interface CurrentStay {
  readonly key: string;
  readonly place: Placement;
  readonly row: StayRow;
}

/** The stay row but its facts (those depend on whether the patient's ward is in scope). */
type StayRow = Omit<Parameters<Inserts['stay']>[2], 'facts'>;

/**
 * What the write phase works out before it knows the ward scope: the current stays and where
 * they are, the sites, wards and beds, the clinical items grouped by patient and the patients
 * in search order. Worked out once for every export of a fleet plan (each regrouped all the
 * hospital's records before); what it counts goes into the tally it was given, which each
 * export's tally copies.
 */
export interface PreparedRows {
  readonly c: Collected;
  readonly asOf: Date;
  readonly timeZone: string;
  readonly stays: ReadonlyMap<string, CurrentStay>;
  readonly sites: ReadonlyMap<string, string | null>;
  readonly wards: ReadonlyMap<string, Ward>;
  readonly beds: readonly { id: string; place: Placement }[];
  readonly byPatient: ReadonlyMap<string, PatientItems>;
  /** In search order: the search reads matches in rowid order (db/search-order.ts). */
  readonly patients: readonly (readonly [key: string, patient: PatientRecord])[];
}

/**
 * Which rows a write puts into its database:
 * - `every-row`: the whole export;
 * - `locator-base`: what every ward-scoped export of the input shares (`options.wards` empty:
 *   sites, wards, beds, every patient as a locator row with its stay and search row, no meta);
 * - `over-locator-base`: into a copy of that base, the rest of one scoped export — its wards'
 *   scope flag, its patients' rows in full in place of their locator rows (same rowid, so the
 *   search order holds), their clinical rows and the meta. The result equals `every-row`'s.
 */
export type WriteMode = 'every-row' | 'locator-base' | 'over-locator-base';

/** The whole write phase: `prepareRows`, then every row. */
export function writeRows(
  db: WritableDb,
  c: Collected,
  options: WriteOptions,
  tally: ReportTally,
): WriteSummary {
  return writePrepared(db, prepareRows(c, options, tally), options, tally, 'every-row');
}

export function prepareRows(
  c: Collected,
  options: Pick<WriteOptions, 'asOf' | 'timeZone'>,
  tally: ReportTally,
): PreparedRows {
  const t = options.asOf.getTime();
  const dir = directoryOf(c, options.timeZone, tally);
  const names = new Names(c, dir);

  const stays = new Map<string, CurrentStay>();
  for (const [patientKey, encounterKey] of currentStays(c.encounters, t, dir)) {
    const encounter = c.encounters.get(encounterKey);
    if (!encounter || !c.patients.has(patientKey)) continue;
    stays.set(patientKey, {
      key: encounterKey,
      place: placeStay(encounter, t, dir),
      row: stayRow(encounter, t, names),
    });
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

  return {
    c,
    asOf: options.asOf,
    timeZone: options.timeZone,
    stays,
    sites,
    wards,
    beds,
    byPatient: groupByPatient(c, tally),
    patients: inSearchOrder(c.patients, ([key, p]) => ({
      admitted: stays.has(key),
      name: p.name,
      id: p.id,
    })),
  };
}

/** Writes the rows `mode` names (see WriteMode) for one ward scope of prepared rows. */
export function writePrepared(
  db: WritableDb,
  prepared: PreparedRows,
  options: Omit<WriteOptions, 'asOf' | 'timeZone'>,
  tally: ReportTally,
  mode: WriteMode,
): WriteSummary {
  const { c, stays, sites, wards, beds } = prepared;
  const t = prepared.asOf.getTime();
  const scope = scopeOf(wards, options.wards);
  const overBase = mode === 'over-locator-base';
  const ins = prepareInserts(db, { replacingLocators: overBase });
  // Its own tally: the clinical rows' references are counted in this export's report.
  const names = new Names(c, directoryOf(c, prepared.timeZone, tally));
  // The stay a code-status claim names (unresolved: unknown, not warned twice).
  const claimStay = (ref: string | null): string | null =>
    ref === null ? null : c.index.resolve(ref);

  db.transaction(() => {
    // Over the base, the sites and beds are there already; a ward's scope flag is replaced.
    if (!overBase) for (const [id, name] of sites) ins.site(id, name);
    for (const w of wards.values()) ins.ward(w.id, w.siteId, w.name, scope.has(w.id));
    if (!overBase) for (const b of beds) ins.bed(b.id, b.place.wardId, b.place.room, b.place.bed);

    for (const [key, patient] of prepared.patients) {
      const stay = stays.get(key);
      const inScope = stay ? scope.has(stay.place.wardId) : options.wards === undefined;
      // Over the base, a patient outside the scope is already written, as it would be here.
      if (overBase && !inScope) continue;
      const items = (inScope ? prepared.byPatient.get(key) : undefined) ?? NO_ITEMS;
      const facts = stayFacts(items.items, prepared.timeZone, {
        current: stay?.key ?? null,
        stayOf: claimStay,
      });
      ins.patient(patient, facts, { locator: stay !== undefined && !inScope, detail: inScope });
      if (!overBase) ins.search(patient, stay?.place ?? null);
      if (stay) ins.stay(patient.id, stay.place, { ...stay.row, facts });
      if (inScope) {
        const rangePatient = { sex: patient.sex, ageYears: ageAt(patient.birthDate, t) };
        writeClinical(ins, patient.id, items, facts, names, rangePatient);
      }
    }
    ins.flush();

    if (mode === 'locator-base') return;
    const site = options.site ?? mainSite(stays, sites);
    writeExportMeta(db, {
      siteId: site.id,
      siteName: site.name,
      dataAsOf: prepared.asOf.toISOString(),
      demo: options.demo ?? false,
    } satisfies ExportMeta);
  })();
  // Over the base, the rows written are the base's and this write's: count the tables.
  if (overBase) countRows(db, tally);
  else ins.report(tally);
  return { patients: c.patients.size, census: stays.size };
}

function directoryOf(c: Collected, timeZone: string, tally: ReportTally): Directory {
  return {
    index: c.index,
    locations: c.locations,
    organizations: c.organizations,
    tally,
    timeZone,
  };
}

/** Each table's rows into the report, as `Inserts.report` counts those it wrote. */
function countRows(db: WritableDb, tally: ReportTally): void {
  for (const table of TABLES) {
    const rows = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    if (rows > 0) tally.wrote(table, rows);
  }
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

/**
 * A patient's clinical items in input order, and beside each the key of the resource it came
 * from (`keys[i]` is `items[i]`'s): two arrays, not a pair per item, as there are ~100 items a
 * patient and the pairs were garbage the moment they were read.
 */
interface PatientItems {
  readonly keys: string[];
  readonly items: ClinicalItem[];
}

const NO_ITEMS: PatientItems = { keys: [], items: [] };

/** Clinical items grouped by the patient key their subject resolves to. */
function groupByPatient(c: Collected, tally: ReportTally): Map<string, PatientItems> {
  const groups = new Map<string, PatientItems>();
  const dir = { index: c.index, tally };
  // A patient's resources mostly come one after another (a Bulk export's file of a type, by
  // patient): the subject just read is resolved, checked and looked up once for the run.
  let lastSubject: string | null = null;
  let lastGroup: PatientItems | null = null;
  for (const [key, record] of c.clinical) {
    if (record.subject === null) {
      tally.warn('missing-subject');
      continue;
    }
    let group: PatientItems | null = record.subject === lastSubject ? lastGroup : null;
    if (group === null) {
      const patient = resolveCounted(dir, record.subject);
      if (patient === null || !c.patients.has(patient)) continue;
      group = groups.get(patient) ?? null;
      if (group === null) groups.set(patient, (group = { keys: [], items: [] }));
      lastSubject = record.subject;
      lastGroup = group;
    }
    for (const item of record.items) {
      group.keys.push(key);
      group.items.push(item);
    }
  }
  return groups;
}

/** Practitioner, medication and condition names behind references. */
class Names {
  private readonly c: Collected;
  private readonly dir: Directory;
  /**
   * What a reference resolved to, kept for the next item that names it (a few hundred
   * practitioners sign every order, administration and note; an order is given several times):
   * a lookup in a map this small costs a fraction of resolving the reference again in the
   * index of every resource. Only references that resolved: one that did not is counted as a
   * warning each time it is read, as before.
   */
  private readonly practitioners = new Map<string, string | null>();
  private readonly orders = new Map<string, string | null>();

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
    if (ref === null) return display;
    const known = this.practitioners.get(ref);
    if (known !== undefined) return known ?? display;
    const key = resolveCounted(this.dir, ref);
    if (key === null) return display;
    const role = this.c.roles.get(key);
    const practitionerKey = role === undefined ? key : resolveCounted(this.dir, role);
    if (practitionerKey === null) return display;
    const name = this.c.practitioners.get(practitionerKey) ?? null;
    this.practitioners.set(ref, name);
    return name ?? display;
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
      key === null
        ? undefined
        : this.c.clinical.target(key)?.items.find((i) => i.item === 'problem');
    return problem?.item === 'problem' ? problem.text : null;
  }

  /** The export id of the order an administration was given for. */
  orderId(ref: string | null): string | null {
    if (ref === null) return null;
    const known = this.orders.get(ref);
    if (known !== undefined) return known;
    const key = resolveCounted(this.dir, ref);
    if (key === null) return null;
    const id = this.c.clinical.target(key)?.items[0]?.item === 'order' ? idOfKey(key) : null;
    this.orders.set(ref, id);
    return id;
  }
}

const ATTENDING_ROLES = ['ATND', 'PPRF'];

function stayRow(e: EncounterRecord, t: number, names: Names): StayRow {
  const attending =
    ATTENDING_ROLES.map((role) => e.participants.find((p) => p.type === role)).find(
      (p) => p !== undefined,
    ) ?? e.participants[0];
  const end = instantOf(e.end, 'end', names.timeZone);
  return {
    admittedAt: e.start,
    expectedDischarge: end !== null && end > t ? e.end : null,
    attending: attending ? names.practitioner(attending.ref, attending.display) : null,
    service: e.service,
    reason: e.reason ?? names.condition(e.reasonRef) ?? e.type,
  };
}

function writeClinical(
  ins: Inserts,
  patientId: string,
  { keys, items }: PatientItems,
  facts: StayFacts,
  names: Names,
  rangePatient: RangePatient,
): void {
  if (facts.handover) ins.handover(patientId, facts.handover);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
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
        const medication = names.medication(item.medicationRef);
        // A referenced Medication with a modifier we do not understand taints the order too.
        const unknownModifier = medication?.unknownModifier === true;
        // The PRN part of an order with scheduled lines too is a row of its own.
        const orderId = idOfKey(keys[i]!);
        const id = item.part === 'prn' ? prnPartId(orderId) : orderId;
        ins.order(id, patientId, item, {
          drug: item.drug ?? medication?.name ?? null,
          concentration: item.concentration ?? medication?.concentration ?? null,
          highAlert: item.highAlert || medication?.highAlert === true,
          state: unknownModifier ? 'not-interpretable' : item.state,
          notInterpretable: unknownModifier ? 'unknown-modifier' : item.notInterpretable,
          prescriber: names.practitioner(item.prescriberRef, item.prescriberDisplay),
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
