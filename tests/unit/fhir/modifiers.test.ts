/**
 * modifierExtension on any resource (FHIR R4 §2.4.1.1): known ones are read for what they say,
 * unknown ones — at any depth, contained resources included — are counted, never ignored.
 */
import { describe, expect, it } from 'vitest';
import { readModifiers } from '../../../electron/core/fhir/modifiers.ts';

const SNOMED = 'http://snomed.info/sct';
const stopType = (code: string, system = SNOMED) => ({
  url: 'http://nictiz.nl/fhir/StructureDefinition/zib-Medication-StopType',
  valueCodeableConcept: { coding: [{ system, code }] },
});

describe('readModifiers', () => {
  it('reads nothing from a resource without modifiers', () => {
    expect(
      readModifiers({ resourceType: 'AllergyIntolerance', extension: [{ url: 'x' }] }),
    ).toEqual({ effects: [], unknown: 0 });
  });

  it('reads the Dutch stop type: suspended is a pause, discontinued a stop (SNOMED and zib 2017 codes)', () => {
    expect(readModifiers({ modifierExtension: [stopType('385655000')] }).effects).toEqual([
      'pause',
    ]);
    expect(readModifiers({ modifierExtension: [stopType('410546004')] }).effects).toEqual(['stop']);
    const oid = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.19';
    expect(readModifiers({ modifierExtension: [stopType('1', oid)] }).effects).toEqual(['pause']);
    expect(readModifiers({ modifierExtension: [stopType('2', oid)] }).effects).toEqual(['stop']);
  });

  it('reads R4 request-doNotPerform, true or false', () => {
    const dnp = (valueBoolean: boolean) => ({
      modifierExtension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/request-doNotPerform', valueBoolean },
      ],
    });
    expect(readModifiers(dnp(true))).toEqual({ effects: ['do-not-perform'], unknown: 0 });
    expect(readModifiers(dnp(false))).toEqual({ effects: [], unknown: 0 });
  });

  it('counts an unknown modifier, a known one with an unknown value, and one without a url', () => {
    expect(
      readModifiers({
        modifierExtension: [
          { url: 'https://ehr.example/x', valueBoolean: true },
          stopType('999'),
          {},
        ],
      }).unknown,
    ).toBe(3);
  });

  it('finds modifiers in backbone elements and contained resources', () => {
    expect(
      readModifiers({
        dosageInstruction: [{ modifierExtension: [{ url: 'https://ehr.example/dose-mod' }] }],
        contained: [{ resourceType: 'Medication', modifierExtension: [{ url: 'urn:y' }] }],
      }).unknown,
    ).toBe(2);
  });
});
