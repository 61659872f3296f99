/**
 * SEAM for the generic `modifierExtension` module (issue 11; the `meds` engineer writes it).
 * FHIR forbids reading a resource as if an unknown modifier were absent. Until that module
 * lands, every modifier is unknown to the non-medication mappers: the fact is kept, marked
 * unverified, and counted. Replace this body with a call to the shared module.
 */
import { type Json, list } from './json.ts';
import type { ReportTally } from './report.ts';

/** Whether the resource carries a modifier extension the importer cannot interpret (counted). */
export function hasUnknownModifier(r: Json, tally: ReportTally): boolean {
  if (list(r['modifierExtension']).length === 0) return false;
  tally.warn('unknown-modifier');
  return true;
}
