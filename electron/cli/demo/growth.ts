/**
 * A demo child's size for its age in months, so weight-based doses are realistic: median weight
 * and length/height for age, girls and boys averaged (WHO Child Growth Standards to 5 years,
 * WHO growth reference 2007 after, rounded). A whole-years formula made a 5-month-old weigh
 * 3,5 kg, a newborn's weight, where the median is about 7 kg.
 */

/** [age in months, median weight kg, median length/height cm]. */
const MEDIANS: readonly (readonly [number, number, number])[] = [
  [0, 3.3, 49.5],
  [1, 4.3, 54.2],
  [2, 5.4, 57.9],
  [3, 6.1, 60.8],
  [4, 6.7, 63.2],
  [5, 7.2, 65.2],
  [6, 7.6, 66.9],
  [9, 8.6, 71.3],
  [12, 9.4, 75.0],
  [18, 10.8, 81.6],
  [24, 12.0, 87.1],
  [36, 14.1, 95.6],
  [48, 16.1, 102.9],
  [60, 18.1, 109.6],
  [72, 20.4, 115.9],
  [96, 25.6, 127.6],
  [120, 32.0, 138.5],
  [144, 40.5, 150.5],
  [168, 50.5, 162.0],
  [192, 57.5, 168.5],
];

/** Linear between the table's ages; the last row beyond it. */
export function medianSize(ageMonths: number): { readonly kg: number; readonly cm: number } {
  const first = MEDIANS[0] ?? [0, 3.3, 49.5];
  let below = first;
  for (const row of MEDIANS) {
    if (row[0] > ageMonths) {
      const share = (ageMonths - below[0]) / (row[0] - below[0]);
      return {
        kg: below[1] + share * (row[1] - below[1]),
        cm: below[2] + share * (row[2] - below[2]),
      };
    }
    below = row;
  }
  return { kg: below[1], cm: below[2] };
}

/** Whole months from a (possibly partial) birth date to `asOf`; 0 when unreadable. */
export function ageInMonths(birthDate: string, asOf: number): number {
  const born = Date.parse(birthDate);
  if (Number.isNaN(born)) return 0;
  return Math.max(0, Math.floor((asOf - born) / (30.4375 * 86_400_000)));
}
