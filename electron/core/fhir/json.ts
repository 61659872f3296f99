/**
 * Safe reading of untrusted FHIR JSON. Every accessor returns `null` (or an empty list) for a
 * missing field or a field of the wrong type, so a malformed resource degrades into missing
 * facts instead of a crash.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The objects of a list, skipping entries of the wrong type. */
export function objects(value: unknown): Json[] {
  const out: Json[] = [];
  for (const item of list(value)) {
    const o = obj(item);
    if (o) out.push(o);
  }
  return out;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The first non-null of the given candidates. */
export function first<T>(...candidates: (T | null | undefined)[]): T | null {
  for (const c of candidates) if (c !== null && c !== undefined) return c;
  return null;
}

// ─── CodeableConcept / Coding ────────────────────────────────────────────────────────────────

export interface Coding {
  readonly system: string | null;
  readonly code: string | null;
  readonly display: string | null;
}

export function codings(concept: unknown): Coding[] {
  return objects(obj(concept)?.['coding']).map((c) => ({
    system: str(c['system']),
    code: str(c['code']),
    display: str(c['display']),
  }));
}

/**
 * What a person should read, words only: `text`, else a coding's display — never a bare code
 * ("X-17" or a SNOMED number means nothing on a French page). Null when the concept has no
 * words: a name then stays null (the display says the placeholder in the reader's language)
 * and `firstCode` keeps what the source did say.
 */
export function conceptText(concept: unknown): string | null {
  const o = obj(concept);
  if (!o) return null;
  const text = str(o['text']);
  // Synthea's text repeats the SNOMED name, tag and all: read as that name.
  if (text)
    return text.endsWith(')') && repeatsSnomedName(o, text) ? withoutSemanticTag(text) : text;
  // Runs for every coded field of every resource: no intermediate arrays.
  for (const c of list(o['coding'])) {
    const coding = obj(c);
    const display = str(coding?.['display']);
    if (display) return coding?.['system'] === SNOMED_CT ? withoutSemanticTag(display) : display;
  }
  return null;
}

const SNOMED_CT = 'http://snomed.info/sct';

/**
 * SNOMED CT's fully specified names end in a semantic tag ("Viral sinusitis (disorder)",
 * "Penicillin (substance)"): English metadata of the terminology, not part of the name, and the
 * code stays in its own column. Only the hierarchy tags are taken off.
 */
const SEMANTIC_TAG =
  / \((?:disorder|finding|substance|procedure|situation|event|observable entity|qualifier value|body structure|morphologic abnormality|organism|product|medicinal product|medicinal product form|clinical drug|physical object|regime\/therapy|record artifact|environment|person|specimen|occupation|unit of presentation)\)$/u;

function repeatsSnomedName(concept: Json, text: string): boolean {
  for (const c of list(concept['coding'])) {
    const coding = obj(c);
    if (coding?.['system'] === SNOMED_CT && coding['display'] === text) return true;
  }
  return false;
}

const withoutSemanticTag = (display: string): string => {
  const name = display.replace(SEMANTIC_TAG, '');
  return name.length > 0 ? name : display;
};

/** The text of the first concept of a list that has any. */
export function firstConceptText(concepts: unknown): string | null {
  for (const c of list(concepts)) {
    const text = conceptText(c);
    if (text) return text;
  }
  return null;
}

/** Whether a concept carries `code` in one of `systems` (any system when `systems` is empty). */
export function hasCoding(concept: unknown, systems: readonly string[], code: string): boolean {
  for (const c of list(obj(concept)?.['coding'])) {
    const coding = obj(c);
    if (coding?.['code'] !== code) continue;
    if (systems.length === 0) return true;
    const system = coding['system'];
    if (typeof system === 'string' && systems.includes(system)) return true;
  }
  return false;
}

/** The first code of a concept, whatever its system. */
export function firstCode(concept: unknown): string | null {
  // Runs for every coded field of every resource: no intermediate arrays.
  for (const c of list(obj(concept)?.['coding'])) {
    const code = str(obj(c)?.['code']);
    if (code) return code;
  }
  return null;
}

/** A status-like concept (`clinicalStatus`, `verificationStatus`): its code, else its text. */
export function codeOrText(concept: unknown): string | null {
  return firstCode(concept) ?? conceptText(concept);
}

/** `Quantity` as `{ value, unit }`; unit from `unit`, else the UCUM `code`. */
export function quantity(value: unknown): { value: number | null; unit: string | null } | null {
  const q = obj(value);
  if (!q) return null;
  return { value: num(q['value']), unit: first(str(q['unit']), str(q['code'])) };
}

/** A Ratio as text: "5 mg / 1 h", "1 / 128"; the numerator alone when there is no denominator. */
export function ratioText(value: unknown): string | null {
  const r = obj(value);
  if (!r) return null;
  const numerator = quantityText(r['numerator']);
  const denominator = quantityText(r['denominator']);
  return numerator && denominator ? `${numerator} / ${denominator}` : numerator;
}

export function quantityText(value: unknown): string | null {
  const q = quantity(value);
  if (!q || q.value === null) return null;
  return q.unit ? `${q.value} ${q.unit}` : String(q.value);
}

/** `HumanName` as "FAMILY, Given" parts. */
export function humanName(
  value: unknown,
): { family: string; given: string; text: string | null } | null {
  const n = obj(value);
  if (!n) return null;
  const family = str(n['family']) ?? '';
  const given = list(n['given'])
    .filter((g): g is string => typeof g === 'string' && g.length > 0)
    .join(' ');
  const text = str(n['text']);
  if (!family && !given && !text) return null;
  return { family, given, text };
}

/** A name to show for a practitioner or contact: "Given Family", else the name's text. */
export function personName(names: unknown): string | null {
  const all = objects(names);
  const chosen = all.find((n) => n['use'] === 'official') ?? all[0];
  const n = humanName(chosen);
  if (!n) return null;
  const joined = [n.given, n.family].filter((p) => p.length > 0).join(' ');
  return joined || n.text;
}
