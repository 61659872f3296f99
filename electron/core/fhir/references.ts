/**
 * The reference resolver. Every resource the importer keeps is registered under its key
 * (`Type/id`, else its entry's `fullUrl`), its `fullUrl` and its identifiers; a reference in
 * any of the four styles real exports use then resolves to that key:
 * `urn:uuid:…` (Bundle-local), relative `Type/id`, absolute `https://…/Type/id`, and
 * conditional `Type?identifier=system|value`.
 */
import { type Json, obj, objects, str } from './json.ts';

const TRAILING_TYPE_ID = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/;

/** The key a resource is kept under, or null when it has neither id nor fullUrl. */
export function resourceKey(resource: Json, type: string, fullUrl: string | null): string | null {
  const id = str(resource['id']);
  return id ? `${type}/${id}` : fullUrl;
}

/** The id part of a key, as shown to people and used as the export's row id. */
export function idOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash > 0 && !key.includes(':') ? key.slice(slash + 1) : key;
}

/**
 * A `Reference` object as one string: its `reference`, else its logical `identifier` written as
 * a conditional reference (`Type?identifier=system|value`, the type from `Reference.type` or
 * what the field expects).
 */
export function referenceOf(value: unknown, expectedType?: string): string | null {
  const r = obj(value);
  if (!r) return null;
  const reference = str(r['reference']);
  if (reference) return reference.trim();
  const identifier = obj(r['identifier']);
  const type = str(r['type']) ?? expectedType;
  const v = str(identifier?.['value']);
  if (!identifier || !type || !v) return null;
  const system = str(identifier['system']);
  return `${type}?identifier=${system ? `${system}|${v}` : v}`;
}

/** The patient a clinical resource is about (`subject`, `patient`, or Task's `for`). */
export function subjectOf(r: Json): string | null {
  return (
    referenceOf(r['subject'], 'Patient') ??
    referenceOf(r['patient'], 'Patient') ??
    referenceOf(r['for'], 'Patient')
  );
}

function conditionalKey(type: string, system: string | null, value: string): string {
  return system ? `${type}?identifier=${system}|${value}` : `${type}?identifier=${value}`;
}

/**
 * The types the export follows references to. Only these are indexed by full URL and
 * identifier: the leaves (Observation, DocumentReference …) are the bulk of an export and
 * nothing we read points at them.
 */
const REFERENCE_TARGETS: ReadonlySet<string> = new Set([
  'Patient',
  'Encounter',
  'Location',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Medication',
  'Device',
  'MedicationRequest',
  'Condition',
  'Binary',
]);

export class ReferenceIndex {
  private readonly aliases = new Map<string, string>();

  /** Whether references to this type are followed (and so its resources are registered). */
  static isTarget(type: string): boolean {
    return REFERENCE_TARGETS.has(type);
  }

  /** Registers a reference target; false when its key was already taken (a duplicate). */
  register(key: string, type: string, resource: Json, fullUrl: string | null): boolean {
    const fresh = !this.aliases.has(key);
    this.aliases.set(key, key);
    if (fullUrl) this.aliases.set(fullUrl, key);
    for (const identifier of objects(resource['identifier'])) {
      const value = str(identifier['value']);
      if (!value) continue;
      this.aliases.set(conditionalKey(type, str(identifier['system']), value), key);
      // `Type?identifier=value` (no system) matches any system; the first one registered wins.
      const bare = conditionalKey(type, null, value);
      if (!this.aliases.has(bare)) this.aliases.set(bare, key);
    }
    return fresh;
  }

  /** Registers a contained resource under its global key (`container#id`) alone. */
  registerLocal(key: string): void {
    this.aliases.set(key, key);
  }

  /** The key a reference points at, or null when nothing in the input matches. */
  resolve(ref: string | null): string | null {
    if (ref === null) return null;
    const direct = this.aliases.get(ref);
    if (direct) return direct;
    const question = ref.indexOf('?');
    if (question > 0)
      return this.resolveConditional(ref.slice(0, question), ref.slice(question + 1));
    const trailing = TRAILING_TYPE_ID.exec(ref);
    return trailing ? (this.aliases.get(`${trailing[1]}/${trailing[2]}`) ?? null) : null;
  }

  private resolveConditional(typePart: string, query: string): string | null {
    const type = TRAILING_TYPE_ID.exec(`${typePart}/x`)?.[1] ?? typePart;
    for (const param of query.split('&')) {
      const eq = param.indexOf('=');
      if (eq < 0 || param.slice(0, eq) !== 'identifier') continue;
      let token: string;
      try {
        token = decodeURIComponent(param.slice(eq + 1));
      } catch {
        return null;
      }
      const bar = token.indexOf('|');
      const system = bar >= 0 ? token.slice(0, bar) : null;
      const value = bar >= 0 ? token.slice(bar + 1) : token;
      return this.aliases.get(conditionalKey(type, system || null, value)) ?? null;
    }
    return null;
  }
}
