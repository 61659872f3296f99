import { describe, expect, it } from 'vitest';
import { ReferenceIndex, referenceOf } from '../../../electron/core/fhir/references.ts';

describe('reference resolution', () => {
  const index = new ReferenceIndex();
  index.register(
    'Patient/p1',
    'Patient',
    { identifier: [{ system: 'urn:mrn', value: 'A 1' }] },
    'urn:uuid:1111',
  );
  index.register(
    'Location/l1',
    'Location',
    { identifier: [{ system: 'https://x|y', value: 'w' }] },
    'https://ehr.example/fhir/Location/l1',
  );

  it.each([
    ['relative', 'Patient/p1', 'Patient/p1'],
    ['relative with version', 'Patient/p1/_history/3', 'Patient/p1'],
    ['urn:uuid', 'urn:uuid:1111', 'Patient/p1'],
    ['absolute, as a fullUrl', 'https://ehr.example/fhir/Location/l1', 'Location/l1'],
    ['absolute, another base', 'https://other.example/r4/Patient/p1', 'Patient/p1'],
    ['conditional', 'Patient?identifier=urn:mrn|A 1', 'Patient/p1'],
    ['conditional, URL-encoded', 'Patient?identifier=urn%3Amrn%7CA%201', 'Patient/p1'],
    ['conditional, value only', 'Patient?identifier=A 1', 'Patient/p1'],
  ])('resolves a %s reference', (_style, ref, key) => {
    expect(index.resolve(ref)).toBe(key);
  });

  it.each([
    'Patient/p2',
    'urn:uuid:2222',
    'Patient?identifier=urn:mrn|B',
    'Patient?name=x',
    '',
    'Patient?identifier=%E0%A4%A',
  ])('gives null for %j, which points at nothing', (ref) => {
    expect(index.resolve(ref)).toBeNull();
  });

  it('writes a logical (identifier-only) Reference as a conditional one', () => {
    expect(referenceOf({ identifier: { system: 's', value: 'v' } }, 'Practitioner')).toBe(
      'Practitioner?identifier=s|v',
    );
    expect(referenceOf({ type: 'Organization', identifier: { value: 'v' } }, 'Practitioner')).toBe(
      'Organization?identifier=v',
    );
    expect(referenceOf({ display: 'only a name' })).toBeNull();
    expect(referenceOf('Patient/1')).toBeNull();
  });
});
