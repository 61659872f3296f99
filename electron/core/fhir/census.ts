/**
 * The census rule (DESIGN.md §4, CONVENTIONS.md): which encounter is a patient's current stay
 * at the instant T, and where in the hospital it places them.
 */
import { INPATIENT_CLASSES, NEVER_CURRENT_STATUSES } from './codes.ts';
import { instantOf, spans } from './dates.ts';
import { isActCodeClass } from './map-directory.ts';
import type { EncounterRecord, LocationRecord, OrganizationRecord } from './records.ts';
import type { ReferenceIndex } from './references.ts';
import type { ReportTally } from './report.ts';

export interface Directory {
  readonly index: ReferenceIndex;
  readonly locations: ReadonlyMap<string, LocationRecord>;
  readonly organizations: ReadonlyMap<string, OrganizationRecord>;
  readonly tally: ReportTally;
  /** The site's IANA time zone: date-only periods are its local days. */
  readonly timeZone: string;
}

const WARD_LEVEL_TYPES: ReadonlySet<string> = new Set(['wa', 'ro', 'bd']);
const SITE_TYPES: ReadonlySet<string> = new Set(['si', 'bu']);

/** Resolves a reference, counting a warning when it points at nothing. */
export function resolveCounted(
  dir: Pick<Directory, 'index' | 'tally'>,
  ref: string | null,
): string | null {
  if (ref === null) return null;
  const key = dir.index.resolve(ref);
  if (key === null) dir.tally.warn('unresolved-reference');
  return key;
}

/** An inpatient kind of encounter: v3 class IMP/ACUTE/NONAC/OBSENC, or another system's with hospitalization or ward-level locations. */
export function isStayKind(e: EncounterRecord, dir: Directory): boolean {
  if (e.classCode !== null && isActCodeClass(e)) return INPATIENT_CLASSES.has(e.classCode);
  if (e.hasHospitalization) return true;
  return e.locations.some((l) => {
    const key = l.ref === null ? null : dir.index.resolve(l.ref);
    const type = key === null ? null : dir.locations.get(key)?.physicalType;
    return type !== undefined && type !== null && WARD_LEVEL_TYPES.has(type);
  });
}

/**
 * Current at T: started by T and not ended (`start <= T`, `end` absent or `> T`) — in progress
 * included, so an in-progress stay that starts after T is not current. An in-progress stay
 * without a start is current (the status is all there is); never when cancelled, planned or in
 * error.
 */
export function isCurrentAt(
  e: EncounterRecord,
  t: number,
  dir: Pick<Directory, 'tally' | 'timeZone'>,
): boolean {
  if (e.status !== null && NEVER_CURRENT_STATUSES.has(e.status)) return false;
  if (instantOf(e.start, 'start', dir.timeZone) === null) {
    if (e.status === 'in-progress') {
      const end = instantOf(e.end, 'end', dir.timeZone);
      return end === null || end > t;
    }
    dir.tally.warn('missing-period');
    return false;
  }
  return spans(e, t, dir.timeZone);
}

/**
 * Each patient's current stay at T: patient key → encounter key. With several, the latest start
 * wins (the others are counted as a warning).
 */
export function currentStays(
  encounters: ReadonlyMap<string, EncounterRecord>,
  t: number,
  dir: Directory,
): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const [key, e] of encounters) {
    if (!isStayKind(e, dir) || !isCurrentAt(e, t, dir)) continue;
    const patient = resolveCounted(dir, e.subject);
    if (patient === null) continue;
    const previous = chosen.get(patient);
    if (previous !== undefined) {
      dir.tally.warn('multiple-current-stays');
      const startOf = (x: EncounterRecord | undefined) =>
        instantOf(x?.start ?? null, 'start', dir.timeZone) ?? -Infinity;
      if (startOf(e) < startOf(encounters.get(previous))) continue;
    }
    chosen.set(patient, key);
  }
  return chosen;
}

export interface Placement {
  readonly siteId: string;
  /** Null when nothing in the source names the site (the display says "site unknown"). */
  readonly siteName: string | null;
  readonly wardId: string;
  /** Null for the site's unassigned ward (the display says "no unit assigned"). */
  readonly wardName: string | null;
  readonly room: string | null;
  readonly bed: string | null;
}

/** The site of stays the source places nowhere: a code, never an English name in the data. */
export const UNKNOWN_SITE: { readonly id: string; readonly name: string | null } = {
  id: 'unknown-site',
  name: null,
};

type EncounterLocation = EncounterRecord['locations'][number];

/**
 * The encounter location at T: the entry whose period spans T, else the one marked active,
 * else the last one not merely planned.
 */
function locationAt(e: EncounterRecord, t: number, timeZone: string): EncounterLocation | null {
  const usable = e.locations.filter((l) => l.ref !== null || l.display !== null);
  return (
    usable.find((l) => spans(l, t, timeZone)) ??
    usable.find((l) => l.status === 'active') ??
    usable.filter((l) => l.status !== 'planned').at(-1) ??
    null
  );
}

/** Site, ward, room and bed of a stay at T. */
export function placeStay(e: EncounterRecord, t: number, dir: Directory): Placement {
  const at = locationAt(e, t, dir.timeZone);
  const key = at?.ref ? resolveCounted(dir, at.ref) : null;
  if (key === null && at?.display) return placeDisplay(at.display, e.serviceProvider, dir);
  return placeLocation(key, e.serviceProvider, dir);
}

const ROOM_WORDS = /^(?:room|chambre|kamer|zimmer|box|ch\.|zi\.)(?:\s+|(?=\d))/i;
const BED_WORDS = /^(?:bed|lit|bett)(?:\s+|(?=\d))/i;

/**
 * A location known only by its display ("Ward 1, Room 42, Bed 1", "3B, chambre 12, lit A"): the
 * parts named room or bed are the room and bed, the rest is the ward. The ward's id is derived
 * from its name, so every stay naming the same ward lands on one ward.
 */
function placeDisplay(display: string, serviceProvider: string | null, dir: Directory): Placement {
  let room: string | null = null;
  let bed: string | null = null;
  const rest: string[] = [];
  for (const part of display
    .split(/[,;/|]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (ROOM_WORDS.test(part) && part.replace(ROOM_WORDS, ''))
      room ??= part.replace(ROOM_WORDS, '');
    else if (BED_WORDS.test(part) && part.replace(BED_WORDS, ''))
      bed ??= part.replace(BED_WORDS, '');
    else rest.push(part);
  }
  const site = organization(serviceProvider, dir) ?? UNKNOWN_SITE;
  const wardName = rest.join(', ');
  return {
    siteId: site.id,
    siteName: site.name,
    wardId: wardName ? `${site.id}:ward:${wardName.toLowerCase()}` : `${site.id}:unassigned`,
    wardName: wardName || null,
    room,
    bed,
  };
}

/**
 * Site, ward, room and bed of a location, walking its `partOf` chain; the site falls back to a
 * managing organization, then to `serviceProvider` (the encounter's), then to the unknown site (no name).
 */
export function placeLocation(
  locationKey: string | null,
  serviceProvider: string | null,
  dir: Directory,
): Placement {
  let ward: LocationRecord | null = null;
  let fallbackWard: LocationRecord | null = null;
  let room: string | null = null;
  let bed: string | null = null;
  let site: { id: string; name: string | null } | null = null;
  let managingOrganization: string | null = null;

  let key = locationKey;
  for (let depth = 0; key !== null && depth < 12; depth++) {
    const loc = dir.locations.get(key);
    if (!loc) break;
    const type = loc.physicalType;
    if (type === 'bd') bed ??= loc.name;
    else if (type === 'ro') room ??= loc.name;
    else if (type === 'wa' || type === null) ward ??= loc;
    else if (SITE_TYPES.has(type)) site = { id: loc.id, name: loc.name };
    else fallbackWard ??= loc;
    managingOrganization = loc.managingOrganization ?? managingOrganization;
    key = loc.partOf === null ? null : resolveCounted(dir, loc.partOf);
  }

  site ??=
    organization(managingOrganization, dir) ?? organization(serviceProvider, dir) ?? UNKNOWN_SITE;
  // A wing or a floor is the closest thing to a ward when the chain names none.
  const wardLoc = ward ?? fallbackWard;
  return {
    siteId: site.id,
    siteName: site.name,
    wardId: wardLoc?.id ?? `${site.id}:unassigned`,
    wardName: wardLoc?.name ?? null,
    room,
    bed,
  };
}

function organization(ref: string | null, dir: Directory): OrganizationRecord | null {
  const key = resolveCounted(dir, ref);
  return key === null ? null : (dir.organizations.get(key) ?? null);
}
