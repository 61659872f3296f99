/**
 * High-alert medicines (ISMP acute-care list) are marked on the chart and the MAR whatever
 * language the formulary speaks, by brand name, by ATC class, by RxNorm ingredient, and by the
 * display of any coding — and an order is checked on every coding and ingredient it carries.
 */
import { describe, expect, it } from 'vitest';
import {
  isHighAlert,
  isHighAlertCoding,
  isHighAlertName,
} from '../../../electron/core/fhir/high-alert.ts';

const ATC = 'http://www.whocc.no/atc';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';

describe('high-alert names, per language', () => {
  it.each([
    // French
    'Insuline glargine',
    'Héparine sodique',
    'Énoxaparine 40 mg',
    'Noradrénaline',
    'Chlorure de potassium',
    'Phosphate de potassium',
    'Méthotrexate',
    'Codéine',
    'Capécitabine',
    'Sulfate de magnésium',
    'Chlorure de sodium 10 %',
    // Dutch
    'Morfine hydrochloride',
    'Methotrexaat',
    'Kaliumchloride',
    'Kaliumfosfaat',
    'Norepinefrine',
    'Amiodaron',
    'Fenprocoumon',
    'Cyclofosfamide',
    'Natriumchloride 3%',
    // German
    'Morphin-Sulfat',
    'Kaliumchlorid 7,45 %',
    'Kaliumphosphat',
    'Noradrenalin',
    'Adrenalin',
    'Dopamin',
    'Dobutamin',
    'Ketamin',
    'Cyclophosphamid',
    'Piritramid',
    'Succinylcholin',
    'Codein',
    // English
    'OxyContin (oxycodon)',
    'Insulin aspart',
    'Busulfan',
    'Tramadol',
    'Rivaroxaban',
    'Glibenclamide',
    'Gliclazide',
    'Rocuronium',
    'Propofol',
    'Dexmedetomidine',
    'Vasopressin',
    'Milrinone',
    'KCl 20 mEq IV',
  ])('flags %s', (name) => expect(isHighAlertName(name)).toBe(true));

  it.each([
    'Clexane',
    'Fraxiparine',
    'Sintrom',
    'Marcoumar',
    'Lantus',
    'NovoRapid',
    'Eliquis',
    'Xarelto',
    'Pradaxa',
    'Lixiana',
    'Contramal',
    'Dipidolor',
    'Xeloda',
    'Diamicron',
    'Esmeron',
  ])('flags the Belgian brand %s', (name) => expect(isHighAlertName(name)).toBe(true));

  it.each([
    'Paracétamol',
    'Amoxicilline',
    'Furosemide',
    'Pantoprazol',
    'Chlorure de sodium 0,9 %',
    'NaCl 0.9%',
    'Asaflow',
  ])('leaves %s unflagged', (name) => expect(isHighAlertName(name)).toBe(false));
});

describe('high-alert codings', () => {
  it('flags by ATC class when the name does not say (brand names)', () => {
    const atc = (code: string) => ({ system: ATC, code, display: null });
    expect(isHighAlertCoding(atc('B01AB05'))).toBe(true); // enoxaparin
    expect(isHighAlertCoding(atc('A10AB05'))).toBe(true); // insulin aspart
    expect(isHighAlertCoding(atc('A10BB09'))).toBe(true); // gliclazide
    expect(isHighAlertCoding(atc('L01AB01'))).toBe(true); // busulfan
    expect(isHighAlertCoding(atc('L01BC06'))).toBe(true); // capecitabine
    expect(isHighAlertCoding(atc('R05DA04'))).toBe(true); // codeine
    expect(isHighAlertCoding(atc('B05XA06'))).toBe(true); // potassium phosphate
    expect(isHighAlertCoding(atc('B01AC06'))).toBe(false); // acetylsalicylic acid: antiplatelet
  });

  it('flags by RxNorm ingredient code, and by any system’s display', () => {
    expect(isHighAlertCoding({ system: RXNORM, code: '1114195', display: null })).toBe(true);
    expect(isHighAlertCoding({ system: RXNORM, code: '161', display: null })).toBe(false);
    expect(
      isHighAlertCoding({ system: SNOMED, code: '430127000', display: 'Oral form oxycodone' }),
    ).toBe(true);
    expect(
      isHighAlertCoding({ system: 'urn:oid:1.2.3.local', code: 'X1', display: 'Sintrom 4 mg' }),
    ).toBe(true);
  });

  it('checks every coding and every name an order carries, not only the first', () => {
    expect(
      isHighAlert({
        names: ['Anticoagulant oral'],
        codings: [
          { system: 'urn:local', code: '123', display: 'Anticoagulant' },
          { system: RXNORM, code: '1114195', display: null },
        ],
      }),
    ).toBe(true);
    expect(isHighAlert({ names: [null, 'Potassium chloride 20 mEq'], codings: [] })).toBe(true);
    expect(isHighAlert({ names: ['Paracetamol'], codings: [] })).toBe(false);
  });
});
