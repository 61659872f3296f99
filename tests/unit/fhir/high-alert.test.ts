/**
 * High-alert medicines are marked on the chart and the MAR whatever language the formulary
 * speaks, and by ATC class when the order is coded with one.
 */
import { describe, expect, it } from 'vitest';
import { isHighAlert } from '../../../electron/core/fhir/codes.ts';

describe('the high-alert check', () => {
  it.each([
    'Insuline glargine',
    'Héparine sodique',
    'Énoxaparine 40 mg',
    'Noradrénaline',
    'Morfine hydrochloride',
    'Morphin-Sulfat',
    'Méthotrexate',
    'Methotrexaat',
    'Kaliumchlorid 7,45 %',
    'Chlorure de potassium',
    'OxyContin (oxycodon)',
  ])('flags %s by name', (drug) => expect(isHighAlert(drug)).toBe(true));

  it.each(['Paracétamol', 'Amoxicilline', 'Furosemide', 'Pantoprazol'])(
    'leaves %s unflagged',
    (drug) => expect(isHighAlert(drug)).toBe(false),
  );

  it('flags by ATC class when the name does not say (brand names)', () => {
    expect(isHighAlert('Clexane', 'B01AB05')).toBe(true);
    expect(isHighAlert('Lantus', 'A10AE04')).toBe(true);
    expect(isHighAlert('Durogesic', 'N02AB03')).toBe(true);
  });

  it('does not flag antiplatelets by their antithrombotic ATC class', () => {
    expect(isHighAlert('Asaflow', 'B01AC06')).toBe(false);
  });
});
