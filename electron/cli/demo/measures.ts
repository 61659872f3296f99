/**
 * Vital signs and lab tests the demo charts: LOINC codes, units, reference ranges and the HL7
 * interpretation flag a value earns (N, L, H, LL, HH), so abnormal results look abnormal.
 */
import type { Text } from './catalog.ts';

export interface Measure {
  readonly loinc: string;
  readonly display: string;
  readonly text: Text;
  readonly unit: string;
  readonly ucum: string;
  readonly low: number;
  readonly high: number;
  /** Critical limits (LL / HH). */
  readonly criticalLow: number;
  readonly criticalHigh: number;
  readonly decimals: number;
}

const m = (
  loinc: string,
  display: string,
  fr: string,
  nl: string,
  de: string,
  unit: string,
  ucum: string,
  [criticalLow, low, high, criticalHigh]: readonly [number, number, number, number],
  decimals = 0,
): Measure => ({
  loinc,
  display,
  text: { fr, nl, de },
  unit,
  ucum,
  low,
  high,
  criticalLow,
  criticalHigh,
  decimals,
});

export const VITALS = {
  heartRate: m(
    '8867-4',
    'Heart rate',
    'Fréquence cardiaque',
    'Hartfrequentie',
    'Herzfrequenz',
    '/min',
    '/min',
    [40, 50, 100, 130],
  ),
  systolic: m(
    '8480-6',
    'Systolic blood pressure',
    'Pression systolique',
    'Systolische bloeddruk',
    'Systolischer Blutdruck',
    'mmHg',
    'mm[Hg]',
    [80, 100, 140, 180],
  ),
  diastolic: m(
    '8462-4',
    'Diastolic blood pressure',
    'Pression diastolique',
    'Diastolische bloeddruk',
    'Diastolischer Blutdruck',
    'mmHg',
    'mm[Hg]',
    [40, 60, 90, 110],
  ),
  temperature: m(
    '8310-5',
    'Body temperature',
    'Température',
    'Lichaamstemperatuur',
    'Körpertemperatur',
    '°C',
    'Cel',
    [35, 36, 37.9, 39.5],
    1,
  ),
  spo2: m(
    '59408-5',
    'Oxygen saturation in Arterial blood by Pulse oximetry',
    'Saturation en O2',
    'Zuurstofsaturatie',
    'Sauerstoffsättigung',
    '%',
    '%',
    [85, 94, 100, 101],
  ),
  respiratoryRate: m(
    '9279-1',
    'Respiratory rate',
    'Fréquence respiratoire',
    'Ademhalingsfrequentie',
    'Atemfrequenz',
    '/min',
    '/min',
    [8, 12, 20, 28],
  ),
} as const;

export const BLOOD_PRESSURE_PANEL = {
  loinc: '85354-9',
  display: 'Blood pressure panel with all children optional',
  text: { fr: 'Tension artérielle', nl: 'Bloeddruk', de: 'Blutdruck' },
} as const;

export const LABS = {
  hemoglobin: m(
    '718-7',
    'Hemoglobin [Mass/volume] in Blood',
    'Hémoglobine',
    'Hemoglobine',
    'Hämoglobin',
    'g/dL',
    'g/dL',
    [7, 12, 16.5, 20],
    1,
  ),
  leukocytes: m(
    '6690-2',
    'Leukocytes [#/volume] in Blood by Automated count',
    'Leucocytes',
    'Leukocyten',
    'Leukozyten',
    '10^3/µL',
    '10*3/uL',
    [1, 4, 10, 30],
    1,
  ),
  platelets: m(
    '777-3',
    'Platelets [#/volume] in Blood by Automated count',
    'Plaquettes',
    'Trombocyten',
    'Thrombozyten',
    '10^3/µL',
    '10*3/uL',
    [20, 150, 400, 1000],
  ),
  sodium: m(
    '2951-2',
    'Sodium [Moles/volume] in Serum or Plasma',
    'Sodium',
    'Natrium',
    'Natrium',
    'mmol/L',
    'mmol/L',
    [120, 135, 145, 160],
  ),
  potassium: m(
    '2823-3',
    'Potassium [Moles/volume] in Serum or Plasma',
    'Potassium',
    'Kalium',
    'Kalium',
    'mmol/L',
    'mmol/L',
    [2.8, 3.5, 5.1, 6.2],
    1,
  ),
  creatinine: m(
    '2160-0',
    'Creatinine [Mass/volume] in Serum or Plasma',
    'Créatinine',
    'Creatinine',
    'Kreatinin',
    'mg/dL',
    'mg/dL',
    [0, 0.6, 1.2, 4],
    2,
  ),
  crp: m(
    '1988-5',
    'C reactive protein [Mass/volume] in Serum or Plasma',
    'CRP',
    'CRP',
    'CRP',
    'mg/L',
    'mg/L',
    [-1, 0, 5, 300],
    1,
  ),
  glucose: m(
    '2345-7',
    'Glucose [Mass/volume] in Serum or Plasma',
    'Glucose',
    'Glucose',
    'Glukose',
    'mg/dL',
    'mg/dL',
    [50, 70, 110, 400],
  ),
  troponin: m(
    '67151-1',
    'Troponin T.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method',
    'Troponine T hs',
    'Troponine T hs',
    'Troponin T hs',
    'ng/L',
    'ng/L',
    [-1, 0, 14, 1000],
  ),
  lactate: m(
    '2524-7',
    'Lactate [Moles/volume] in Serum or Plasma',
    'Lactate',
    'Lactaat',
    'Laktat',
    'mmol/L',
    'mmol/L',
    [-1, 0.5, 2.2, 4],
    1,
  ),
} as const;

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function interpretationOf(measure: Measure, value: number): 'N' | 'L' | 'H' | 'LL' | 'HH' {
  if (value <= measure.criticalLow) return 'LL';
  if (value >= measure.criticalHigh) return 'HH';
  if (value < measure.low) return 'L';
  if (value > measure.high) return 'H';
  return 'N';
}
