/**
 * An infusion's concentration is the drug's amount per volume, from every ingredient's
 * strength and the Medication's amount — or null, with the source's text kept, when the source
 * does not state both (issue 11: "concentration when given", never guessed).
 */
import { describe, expect, it } from 'vitest';
import { mapMedication } from '../../../electron/core/fhir/map-medication.ts';

const q = (value: number, unit: string) => ({ value, unit });
const per = (numerator: object, denominator?: object) => ({
  numerator,
  ...(denominator ? { denominator } : {}),
});
const ingredient = (text: string, strength: object, isActive?: boolean) => ({
  itemCodeableConcept: { text },
  strength,
  ...(isActive === undefined ? {} : { isActive }),
});
const medication = (ingredients: object[], extra: object = {}) =>
  mapMedication({
    resourceType: 'Medication',
    code: { text: 'Seringue préparée' },
    ingredient: ingredients,
    ...extra,
  });

describe('infusion concentration', () => {
  it('is a single ingredient’s strength per volume, as written', () => {
    expect(
      medication([ingredient('Noradrénaline', per(q(8, 'mg'), q(50, 'mL')))]).concentration,
    ).toBe('8 mg / 50 mL');
  });

  it('is the drug per syringe over its vehicle’s volume (isActive false)', () => {
    const m = medication([
      ingredient('Noradrénaline', per(q(4, 'mg'), q(1, 'syringe')), true),
      ingredient('NaCl 0,9 %', per(q(50, 'mL'), q(1, 'syringe')), false),
    ]);
    expect(m.concentration).toBe('4 mg / 50 mL');
    // The name says every ingredient as the source wrote it.
    expect(m.name).toBe('Seringue préparée');
  });

  it('recognises a named vehicle when isActive is left out (NaCl, glucose, eau ppi)', () => {
    for (const vehicle of ['NaCl 0,9 %', 'Glucose 5 %', 'Eau ppi', 'Natriumchlorid 0,9 %']) {
      expect(
        medication([
          ingredient('Morphine', per(q(50, 'mg'))),
          ingredient(vehicle, per(q(50, 'mL'))),
        ]).concentration,
      ).toBe('50 mg / 50 mL');
    }
  });

  it('takes the volume from Medication.amount (the whole bag), also with the vehicle’s strength in %', () => {
    expect(
      medication(
        [
          ingredient('Héparine', per(q(25000, 'U'), q(1, 'bag')), true),
          ingredient('NaCl 0,9 %', per(q(0.9, 'g'), q(100, 'mL')), false),
        ],
        { amount: per(q(500, 'mL'), q(1, 'bag')) },
      ).concentration,
    ).toBe('25000 U / 500 mL');
  });

  it('is null when the stated volumes disagree', () => {
    expect(
      medication(
        [
          ingredient('Noradrénaline', per(q(4, 'mg')), true),
          ingredient('NaCl 0,9 %', per(q(50, 'mL')), false),
        ],
        { amount: per(q(54, 'mL')) },
      ).concentration,
    ).toBeNull();
  });

  it('is null for two drugs in one bag (no single concentration), the name keeping both', () => {
    const m = mapMedication({
      resourceType: 'Medication',
      ingredient: [
        ingredient('Fentanyl', per(q(500, 'ug'), q(50, 'mL'))),
        ingredient('Midazolam', per(q(50, 'mg'), q(50, 'mL'))),
      ],
    });
    expect(m.concentration).toBeNull();
    expect(m.name).toBe('Fentanyl 500 ug / 50 mL + Midazolam 50 mg / 50 mL');
  });

  it('is null when no volume is given (a strength per tablet or per ampoule alone)', () => {
    expect(
      medication([ingredient('Paracétamol', per(q(500, 'mg'), q(1, 'tablet')))]).concentration,
    ).toBeNull();
    expect(
      medication([
        ingredient('Noradrénaline', per(q(4, 'mg'), q(1, 'ampoule')), true),
        ingredient('NaCl 0,9 %', per(q(0.9, 'g'), q(100, 'mL')), false),
      ]).concentration,
    ).toBeNull();
  });
});
