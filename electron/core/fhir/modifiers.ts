/**
 * `modifierExtension`, on any resource and any of its elements. FHIR forbids processing a
 * resource as if an unknown modifier were absent (R4 §2.4.1.1: "implementations SHALL NOT
 * process [it] ... unless they understand the modifier"), so every mapper that turns a resource
 * into something a nurse acts on asks this module first:
 * - a known modifier is read for what it says (pause, stop, do not perform);
 * - an unknown one, or a known one with a value we do not recognise, makes the resource
 *   "not interpretable": the mapper keeps its text, never acts on it, and counts the warning
 *   `unknown-modifier`.
 */
import { codings, type Json, list, obj, str } from './json.ts';
import type { ReportTally } from './report.ts';

/** What a known modifier extension does to the resource it sits on. */
export type ModifierEffect = 'pause' | 'stop' | 'do-not-perform';

export interface ModifierReading {
  /** The effects of the modifiers we understand, in document order. */
  readonly effects: readonly ModifierEffect[];
  /** Modifier extensions we do not understand (or whose value we cannot read). */
  readonly unknown: number;
}

const SNOMED = 'http://snomed.info/sct';
/** zib 2017 "StopType" code system (Dutch medication process): 1 = temporarily, 2 = definitively. */
const NICTIZ_STOP_TYPE_OID = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.19';

/** Stop type codes of the Dutch medication process (zib 2017 and MP9 2020+, SNOMED). */
function stopTypeEffect(extension: Json): ModifierEffect | null {
  for (const c of codings(extension['valueCodeableConcept'])) {
    if (c.system === SNOMED && c.code === '385655000') return 'pause'; // Suspended
    if (c.system === SNOMED && c.code === '410546004') return 'stop'; // Discontinued
    if (c.system === NICTIZ_STOP_TYPE_OID && c.code === '1') return 'pause';
    if (c.system === NICTIZ_STOP_TYPE_OID && c.code === '2') return 'stop';
  }
  return null;
}

/**
 * Known modifier extensions by URL: what their value means (`no-effect` when it modifies
 * nothing), null when the value is not one we know.
 */
const KNOWN: Readonly<Record<string, (extension: Json) => ModifierEffect | 'no-effect' | null>> = {
  // R4 core: doNotPerform for request resources that lack the element.
  'http://hl7.org/fhir/StructureDefinition/request-doNotPerform': (e) =>
    e['valueBoolean'] === true
      ? 'do-not-perform'
      : e['valueBoolean'] === false
        ? 'no-effect'
        : null,
  // Netherlands (Nictiz): medication agreement stop type, zib 2017 and MP9 profiles.
  'http://nictiz.nl/fhir/StructureDefinition/zib-Medication-StopType': stopTypeEffect,
  'http://nictiz.nl/fhir/StructureDefinition/ext-StopType': stopTypeEffect,
};

/**
 * Every `modifierExtension` in the resource, at any depth (backbone elements and contained
 * resources modify the resource too).
 */
export function readModifiers(resource: Json): ModifierReading {
  const effects: ModifierEffect[] = [];
  let unknown = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const o = obj(value);
    if (!o) return;
    for (const key in o) {
      const child = o[key];
      if (key !== 'modifierExtension') {
        if (typeof child === 'object' && child !== null) visit(child);
        continue;
      }
      for (const m of list(child)) {
        const extension = obj(m);
        const url = extension ? str(extension['url']) : null;
        const read = url !== null && Object.hasOwn(KNOWN, url) ? KNOWN[url] : undefined;
        if (!extension || !read) {
          unknown++;
          continue;
        }
        const effect = read(extension);
        if (effect === null) unknown++;
        else if (effect !== 'no-effect') effects.push(effect);
      }
    }
  };
  visit(resource);
  return { effects, unknown };
}

/**
 * For mappers that act on no modifier at all (allergies, code status, observations, plans,
 * notes): whether the resource carries one, known or not — they then keep the fact, marked
 * unverified. Counted as `unknown-modifier`.
 */
export function hasUnknownModifier(resource: Json, tally: ReportTally): boolean {
  const { effects, unknown } = readModifiers(resource);
  if (unknown === 0 && effects.length === 0) return false;
  tally.warn('unknown-modifier');
  return true;
}
