/** Mappers for AllergyIntolerance, Condition and DocumentReference. */
import { CODE_STATUS, ICD10_SYSTEMS, SNOMED_NO_KNOWN_ALLERGY, SYSTEM } from './codes.ts';
import { periodOf } from './dates.ts';
import {
  type Json,
  codeOrText,
  conceptText,
  first,
  firstCode,
  hasCoding,
  list,
  obj,
  objects,
  str,
} from './json.ts';
import type { ClinicalItem, ClinicalRecord } from './records.ts';
import { referenceOf, subjectOf } from './references.ts';

/** Entered in error or refuted: as if it had never been recorded. */
function isVoid(r: Json): boolean {
  const verification = codeOrText(r['verificationStatus']);
  return (
    verification === 'entered-in-error' ||
    verification === 'refuted' ||
    r['status'] === 'entered-in-error'
  );
}

export function mapAllergy(r: Json): ClinicalRecord | null {
  if (isVoid(r)) return null;
  const reactions = objects(r['reaction']);
  const substance = first(conceptText(r['code']), conceptText(reactions[0]?.['substance']));
  const noneKnown =
    hasCoding(r['code'], [SYSTEM.snomed], SNOMED_NO_KNOWN_ALLERGY) ||
    (substance?.trim().toUpperCase() ?? '') === 'NKA';
  const manifestations = reactions
    .flatMap((x) => list(x['manifestation']).map(conceptText))
    .filter((m) => m !== null);
  const item: ClinicalItem = {
    item: 'allergy',
    noneKnown,
    substance: substance ?? 'Unnamed substance',
    reaction: manifestations.length > 0 ? manifestations.join(', ') : null,
    severity: first(...reactions.map((x) => str(x['severity']))),
    criticality: str(r['criticality']),
    status: codeOrText(r['clinicalStatus']),
    category: str(list(r['category'])[0]),
    recordedAt: first(
      str(r['recordedDate']),
      str(r['onsetDateTime']),
      periodOf(r['onsetPeriod']).start,
    ),
  };
  return { subject: subjectOf(r), items: [item] };
}

const NOT_CURRENT_CONDITION: ReadonlySet<string> = new Set(['resolved', 'inactive', 'remission']);

export function mapCondition(r: Json): ClinicalRecord | null {
  if (isVoid(r)) return null;
  const status = codeOrText(r['clinicalStatus']);
  const text = conceptText(r['code']) ?? 'Unnamed condition';
  const dnr =
    hasCoding(r['code'], ICD10_SYSTEMS, CODE_STATUS.icd10Dnr) ||
    hasCoding(r['code'], [SYSTEM.snomed], CODE_STATUS.snomedDnr);
  const items: ClinicalItem[] = [
    {
      item: 'problem',
      dnr,
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
  if (dnr && (status === null || !NOT_CURRENT_CONDITION.has(status))) {
    items.push({
      item: 'code-status',
      explicit: false,
      value: 'dnr',
      text,
      at: str(r['recordedDate']),
    });
  }
  return { subject: subjectOf(r), items };
}

const TEXT_TYPES = ['text/plain', 'text/markdown'];

function decodeInlineText(attachment: Json): string | null {
  const data = str(attachment['data']);
  const type = str(attachment['contentType'])?.split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
  if (!data || !TEXT_TYPES.includes(type)) return null;
  return Buffer.from(data, 'base64').toString('utf8');
}

export function mapDocumentReference(r: Json): ClinicalRecord | null {
  // Only the current version of a document; superseded and erroneous ones are history.
  if (r['status'] !== 'current' || r['docStatus'] === 'entered-in-error') return null;
  const attachments = objects(r['content']).flatMap((c) => {
    const a = obj(c['attachment']);
    return a ? [a] : [];
  });
  const kind = conceptText(r['type']) ?? 'note';
  // Attachments by URL only (PDFs, images) cannot travel: they are listed by title.
  const text = first(
    first(...attachments.map(decodeInlineText)),
    str(r['description']),
    ...attachments.map((a) => str(a['title'])),
  );
  if (!text) return null;
  const author = objects(r['author'])[0];
  return {
    subject: subjectOf(r),
    items: [
      {
        item: 'note',
        kind,
        at: first(str(r['date']), periodOf(obj(r['context'])?.['period']).start),
        text,
        authorRef: referenceOf(author, 'Practitioner'),
        authorDisplay: str(author?.['display']),
      },
    ],
  };
}
