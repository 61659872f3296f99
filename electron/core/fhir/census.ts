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

/** Current at T: in progress, or `start <= T` and (`end` absent or `> T`); never when cancelled, planned or in error. */
export function isCurrentAt(e: EncounterRecord, t: number, tally: ReportTally): boolean {
  if (e.status !== null && NEVER_CURRENT_STATUSES.has(e.status)) return false;
  if (e.status === 'in-progress') return true;
  if (instantOf(e.start, 'start') === null) {
    tally.warn('missing-period');
    return false;
  }
  return spans(e, t);
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
    if (!isStayKind(e, dir) || !isCurrentAt(e, t, dir.tally)) continue;
    const patient = resolveCounted(dir, e.subject);
    if (patient === null) continue;
    const previous = chosen.get(patient);
    if (previous !== undefined) {
      dir.tally.warn('multiple-current-stays');
      const previousStart = instantOf(encounters.get(previous)?.start ?? null) ?? -Infinity;
      if ((instantOf(e.start) ?? -Infinity) < previousStart) continue;
    }
    chosen.set(patient, key);
  }
  return chosen;
}

export interface Placement {
  readonly siteId: string;
  readonly siteName: string;
  readonly wardId: string;
  readonly wardName: string;
  readonly room: string | null;
  readonly bed: string | null;
}

export const UNKNOWN_SITE = { id: 'unknown-site', name: 'Unknown site' } as const;

/** The encounter location at T: the entry whose period spans T, else the last. */
function locationAt(e: EncounterRecord, t: number): string | null {
  const withRef = e.locations.filter((l) => l.ref !== null);
  const spanning = withRef.find((l) => spans(l, t));
  return (spanning ?? withRef.at(-1))?.ref ?? null;
}

/** Site, ward, room and bed of a stay at T. */
export function placeStay(e: EncounterRecord, t: number, dir: Directory): Placement {
  return placeLocation(resolveCounted(dir, locationAt(e, t)), e.serviceProvider, dir);
}

/**
 * Site, ward, room and bed of a location, walking its `partOf` chain; the site falls back to a
 * managing organization, then to `serviceProvider` (the encounter's), then to "Unknown site".
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
  let site: { id: string; name: string } | null = null;
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
    wardName: wardLoc?.name ?? 'Unassigned',
    room,
    bed,
  };
}

function organization(ref: string | null, dir: Directory): OrganizationRecord | null {
  const key = resolveCounted(dir, ref);
  return key === null ? null : (dir.organizations.get(key) ?? null);
}
