/**
 * A dose exactly as ordered: the number never rounded (see numbers.ts), the unit as given
 * except the ones wards misread, spelled out in the reader's language — "U", "IU", "UI", "IE"
 * are on ISMP's error-prone list (U read as 0 or 4, IU as IV) — and dose forms ("tablet",
 * "sachet") in the reader's words. A unit the source writes out in words ("milligram", the
 * Swiss and SNOMED "Tablet (unit of presentation)") is said by its symbol or dose form, so no
 * English word reaches a French page. A dose that is not one quantity ("1-2 tablets") is shown
 * as written.
 */
import { formatNumber, pluralOf } from './numbers.ts';
import { fold } from './fold.ts';
import {
  parseMaxPerPeriod,
  parseQuantity,
  parseRangeText,
  SNOMED_TAG,
  unitSymbol,
} from './quantity.ts';
import type { TranslateWord } from './words/index.ts';

type SpelledUnit =
  | 'unit'
  | 'tablet'
  | 'capsule'
  | 'sachet'
  | 'ampoule'
  | 'vial'
  | 'drop'
  | 'puff'
  | 'suppository'
  | 'patch';

/** Source spellings (folded, UCUM braces removed) of the units we spell out. */
const SPELLINGS: Readonly<Record<SpelledUnit, readonly string[]>> = {
  unit: ['u', 'iu', 'ui', 'ie', 'e', '[iu]', 'unit', 'units', 'unite', 'unites', 'eenheid'].concat([
    'eenheden',
    'einheit',
    'einheiten',
    'int. unit',
    'international unit',
  ]),
  tablet: [
    'tablet',
    'tablets',
    'tab',
    'tabs',
    'tbl',
    'comprime',
    'comprimes',
    'cp',
    'compr',
  ].concat(['tabletten', 'tablette']),
  capsule: ['capsule', 'capsules', 'caps', 'gelule', 'gelules', 'kapsel', 'kapseln'],
  sachet: ['sachet', 'sachets', 'zakje', 'zakjes', 'beutel'],
  ampoule: ['ampoule', 'ampoules', 'ampule', 'ampules', 'amp', 'ampul', 'ampullen', 'ampulle'],
  vial: ['vial', 'vials', 'flacon', 'flacons', 'injectieflacon', 'durchstechflasche'],
  drop: ['drop', 'drops', 'gtt', 'goutte', 'gouttes', 'druppel', 'druppels', 'tropfen'],
  puff: ['puff', 'puffs', 'actuation', 'actuations', 'bouffee', 'bouffees', 'puf', 'pufjes'].concat(
    ['hub', 'hube'],
  ),
  suppository: ['suppository', 'suppositories', 'supp', 'suppositoire', 'suppositoires'].concat([
    'zetpil',
    'zetpillen',
    'zapfchen',
  ]),
  patch: ['patch', 'patches', 'patchs', 'pleister', 'pleisters', 'pflaster'],
};

const UNIT_OF = new Map<string, SpelledUnit>(
  Object.entries(SPELLINGS).flatMap(([unit, spellings]) =>
    spellings.map((spelling) => [spelling, unit as SpelledUnit] as const),
  ),
);

/**
 * The unit as looked up: folded, UCUM's braces ("{tbl}") and SNOMED's semantic tag
 * ("Tablet (unit of presentation)", the Swiss eMedication's and IPS's dose units) left out.
 */
const lookupKey = (unit: string): string =>
  fold(
    unit
      .trim()
      .replace(/^\{(.*)\}$/u, '$1')
      .replace(SNOMED_TAG, ''),
  );

/**
 * The unit in the reader's words when it is one we spell out, by its symbol when the source
 * wrote a unit of measure in words, else exactly as given.
 */
export function formatDoseUnit(unit: string, amount: number, t: TranslateWord): string {
  const key = lookupKey(unit);
  const spelled = UNIT_OF.get(key);
  if (spelled !== undefined) return t(`doseUnit.${spelled}.${pluralOf(amount, t.language)}`);
  return unitSymbol(unit) ?? unit;
}

/** The fields a dose is said from: an order's own, or one of its dose lines. */
export interface DoseFields {
  readonly dose: number | null;
  readonly doseUnit: string | null;
  readonly doseText: string | null;
}

/**
 * "0,125 mg", "5000 unités", the dose as written ("1-2 comprimés"), or an empty string: one
 * instruction's dose. An order of several dose lines says each on its own row, with its rhythm
 * (dose-lines.ts) — never the importer's joined text, which is written with a decimal point.
 */
export function formatDose(order: DoseFields, t: TranslateWord): string {
  if (order.dose === null) return order.doseText === null ? '' : formatRangeText(order.doseText, t);
  const amount = formatNumber(order.dose, t.language);
  return order.doseUnit ? `${amount} ${formatDoseUnit(order.doseUnit, order.dose, t)}` : amount;
}

/**
 * The dose due at one of an order's times: its dose line's (`DueDose.line`), else the order's.
 * A taper's 08:00 dose today is that step's dose, never the list of every step.
 */
export function dueDose<O extends DoseFields & { readonly doseLines: readonly DoseFields[] }>(
  order: O,
  line: number | null,
): DoseFields {
  return (line === null ? undefined : order.doseLines[line]) ?? order;
}

/**
 * The importer's dose range ("0–8 UI", "0.5–1 mg") said as a dose: "0–8 unités", "0,5–1 mg";
 * any other text exactly as written.
 */
function formatRangeText(text: string, t: TranslateWord): string {
  const range = parseRangeText(text);
  if (range === null || range.high === null || range.open !== '') return text;
  const { low, high, unit } = range;
  const numbers = `${formatNumber(low, t.language)}–${formatNumber(high, t.language)}`;
  return unit === null ? numbers : `${numbers} ${formatDoseUnit(unit, high, t)}`;
}

/**
 * A dose stored as text (an administration's "2.5 mg", a maximum without a period) said as a
 * dose: "2,5 mg", "2 unités"; text that is not one quantity as written.
 */
export function formatStoredDose(text: string, t: TranslateWord): string {
  const q = parseQuantity(text);
  return q === null ? text : formatDose({ dose: q.value, doseUnit: q.unit, doseText: null }, t);
}

/**
 * An order's maximum in words: "4 g / 1 d" reads "4 g par 24 h", "4 g per 24 u", "4 g pro
 * 24 Std."; another period in its words ("1 g per 2 days"); a maximum without a period as a
 * dose. Several (one per instruction, "; "-joined) each so; anything else as written.
 */
export function formatMaxDose(maxDose: string | null, t: TranslateWord): string {
  if (maxDose === null) return '';
  return maxDose
    .split('; ')
    .map((part) => {
      const max = parseMaxPerPeriod(part);
      if (max === null) return formatStoredDose(part, t);
      const dose = formatDose({ dose: max.dose.value, doseUnit: max.dose.unit, doseText: null }, t);
      const { value, unit } = max.period;
      if ((value === 1 && unit === 'd') || (value === 24 && unit === 'h')) {
        return t('maxDose.perDay', { dose });
      }
      return t('maxDose.perPeriod', {
        dose,
        n: formatNumber(value, t.language),
        unit: t(`timeUnit.${unit}`),
      });
    })
    .join('; ');
}
