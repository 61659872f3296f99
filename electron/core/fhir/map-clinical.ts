/** Mappers for AllergyIntolerance, Condition and DocumentReference. */
import { fold as foldText } from '../../common/fold.ts';
import type { AllergyAbsenceCategory } from '../model.ts';
import {
  ABSENCE_CATEGORY_WORDS,
  NO_KNOWN_ALLERGY_TEXT,
  SNOMED_NO_KNOWN_ALLERGY,
  SYSTEM,
  dnrEvidence,
} from './codes.ts';
import { periodOf } from './dates.ts';
import {
  type Json,
  codeOrText,
  conceptText,
  codings,
  first,
  firstCode,
  list,
  obj,
  objects,
  str,
} from './json.ts';
import { hasUnknownModifier } from './modifiers.ts';
import type { ClinicalItem, ClinicalRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';
import type { ReportTally } from './report.ts';
import { decodedText, isTextType, mediaType } from './text-content.ts';

/** Entered in error: as if it had never been recorded. */
function isVoid(r: Json): boolean {
  return (
    codeOrText(r['verificationStatus']) === 'entered-in-error' || r['status'] === 'entered-in-error'
  );
}

/** The absence a "no known … allergy" record states (coded, else by its text), or null. */
function absenceOf(code: unknown, substance: string | null): AllergyAbsenceCategory | null {
  for (const c of codings(code)) {
    if (c.system !== SYSTEM.snomed || c.code === null) continue;
    const category = SNOMED_NO_KNOWN_ALLERGY.get(c.code);
    if (category) return category;
  }
  const text = substance === null ? '' : foldText(substance).trim();
  if (!NO_KNOWN_ALLERGY_TEXT.test(text)) return null;
  return ABSENCE_CATEGORY_WORDS.find(([words]) => words.test(text))?.[1] ?? 'all';
}

export function mapAllergy(r: Json, _asOf: number, tally: ReportTally): ClinicalRecord | null {
  if (isVoid(r)) return null;
  const reactions = objects(r['reaction']);
  const substance = first(conceptText(r['code']), conceptText(reactions[0]?.['substance']));
  // Coded but not in words ("X-17"): the name stays null, the code is kept beside it.
  const code = first(firstCode(r['code']), firstCode(reactions[0]?.['substance']));
  const unknownModifier = hasUnknownModifier(r, tally);
  const verification = unknownModifier ? 'not-interpretable' : firstCode(r['verificationStatus']);
  const recordedAt = first(
    str(r['recordedDate']),
    str(r['onsetDateTime']),
    periodOf(r['onsetPeriod']).start,
  );
  const absence = absenceOf(r['code'], substance);
  // An absence is never an allergy; a refuted one, or one we cannot interpret, states nothing.
  if (absence !== null) {
    if (verification === 'refuted' || unknownModifier) return null;
    return {
      subject: subjectOf(r),
      items: [
        {
          item: 'allergy-absence',
          category: absence,
          text: conceptText(r['code']),
          verification,
          recordedAt,
        },
      ],
    };
  }
  const concepts = reactions.flatMap((x) => list(x['manifestation']));
  const manifestations = concepts.map(conceptText).filter((m) => m !== null);
  // A reaction coded without words keeps its code: never a silent "no reaction".
  const codedOnly = concepts
    .filter((c) => conceptText(c) === null)
    .map(firstCode)
    .filter((c) => c !== null);
  const item: ClinicalItem = {
    item: 'allergy',
    substance,
    code,
    reaction: manifestations.length > 0 ? manifestations.join(', ') : null,
    reactionCode: codedOnly.length > 0 ? codedOnly.join(', ') : null,
    severity: first(...reactions.map((x) => str(x['severity']))),
    criticality: str(r['criticality']),
    status: codeOrText(r['clinicalStatus']),
    verification,
    category: str(list(r['category'])[0]),
    recordedAt,
  };
  return { subject: subjectOf(r), items: [item] };
}

const NOT_CURRENT_CONDITION: ReadonlySet<string> = new Set(['resolved', 'inactive', 'remission']);

export function mapCondition(r: Json, _asOf: number, tally: ReportTally): ClinicalRecord | null {
  // A refuted diagnosis is not one (an allergy's refutation, by contrast, is shown).
  if (isVoid(r) || codeOrText(r['verificationStatus']) === 'refuted') return null;
  const status = codeOrText(r['clinicalStatus']);
  const text = conceptText(r['code']);
  const dnr = dnrEvidence(r['code']);
  const items: ClinicalItem[] = [
    {
      item: 'problem',
      text,
      code: firstCode(r['code']),
      status,
      onset: first(
        str(r['onsetDateTime']),
        periodOf(r['onsetPeriod']).start,
        str(r['onsetString']),
        str(r['recordedDate']),
      ),
    },
  ];
  if (dnr !== null && (status === null || !NOT_CURRENT_CONDITION.has(status))) {
    items.push({
      item: 'code-status',
      explicit: false,
      encounterRef: referenceOf(r['encounter'], 'Encounter'),
      value: 'dnr',
      source: 'condition',
      fromText: dnr === 'text',
      unverified: hasUnknownModifier(r, tally),
      text,
      at: first(str(r['recordedDate']), str(r['onsetDateTime']), periodOf(r['onsetPeriod']).start),
    });
  }
  return { subject: subjectOf(r), items };
}

/** An attachment's text: inline `data`, else the Binary its `url` names (resolved at write time). */
function attachmentContent(a: Json): { text: string | null; binaryRef: string | null } {
  const contentType = str(a['contentType']);
  const text = decodedText(contentType, str(a['data']));
  if (text !== null) return { text, binaryRef: null };
  const url = str(a['url']);
  const binary = url !== null && /(^|\/)Binary\/[^/]+$|^urn:|^#/.test(url) ? url : null;
  return {
    text: null,
    binaryRef: binary !== null && (contentType === null || isTextType(contentType)) ? binary : null,
  };
}

export function mapDocumentReference(
  r: Json,
  _asOf: number,
  tally: ReportTally,
): ClinicalRecord | null {
  // Only the current version of a document (status is required; an export that leaves it out
  // still means the document): superseded and erroneous ones are history.
  const status = str(r['status']);
  if ((status !== null && status !== 'current') || r['docStatus'] === 'entered-in-error')
    return null;
  const attachments = objects(r['content']).flatMap((c) => {
    const a = obj(c['attachment']);
    return a ? [a] : [];
  });
  const contents = attachments.map(attachmentContent);
  const kind = conceptText(r['type']);
  const title = first(str(r['description']), kind);
  const text = first(...contents.map((c) => c.text));
  const binaryRefs = contents.flatMap((c) => (c.binaryRef ? [c.binaryRef] : []));
  // What cannot be shown as text (a PDF, an image) is listed by its title and counted.
  const unreadable = attachments.filter(
    (a) => !isTextType(mediaType(str(a['contentType'])) ?? 'text/plain'),
  );
  const fallback = first(title, ...attachments.map((a) => str(a['title'])));
  if (text === null && unreadable.length > 0) tally.warn('attachment-not-text');
  if (text === null && binaryRefs.length === 0 && fallback === null) {
    tally.warn('empty-document');
    return null;
  }
  const author = objects(r['author'])[0];
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'note',
        kind,
        title,
        at: first(str(r['date']), periodOf(obj(r['context'])?.['period']).start),
        text,
        binaryRefs: text === null ? binaryRefs : [],
        fallbackText: fallback,
        authorRef: referenceOf(author, 'Practitioner'),
        authorDisplay: str(author?.['display']),
      },
    ],
  };
}
