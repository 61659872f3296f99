/**
 * A dose exactly as ordered: the number never rounded (see numbers.ts), the unit as given
 * except the ones wards misread, spelled out in the reader's language — "U", "IU", "UI", "IE"
 * are on ISMP's error-prone list (U read as 0 or 4, IU as IV) — and dose forms ("tablet",
 * "sachet") in the reader's words. A dose that is not one quantity ("1-2 tablets") is shown as
 * written.
 */
import { formatNumber } from './numbers.ts';
import { fold } from './fold.ts';
import type { TranslateWord } from './words/index.ts';

type SpelledUnit =
  'unit' | 'tablet' | 'capsule' | 'sachet' | 'ampoule' | 'drop' | 'puff' | 'suppository';

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
  ampoule: ['ampoule', 'ampoules', 'amp', 'ampul', 'ampullen', 'ampulle'],
  drop: ['drop', 'drops', 'gtt', 'goutte', 'gouttes', 'druppel', 'druppels', 'tropfen'],
  puff: ['puff', 'puffs', 'bouffee', 'bouffees', 'puf', 'pufjes', 'hub', 'hube'],
  suppository: ['suppository', 'suppositories', 'supp', 'suppositoire', 'suppositoires'].concat([
    'zetpil',
    'zetpillen',
    'zapfchen',
  ]),
};

const UNIT_OF = new Map<string, SpelledUnit>(
  Object.entries(SPELLINGS).flatMap(([unit, spellings]) =>
    spellings.map((spelling) => [spelling, unit as SpelledUnit] as const),
  ),
);

/** The unit in the reader's words when it is one we spell out, else exactly as given. */
export function formatDoseUnit(unit: string, amount: number, t: TranslateWord): string {
  const spelled = UNIT_OF.get(fold(unit.trim().replace(/^\{(.*)\}$/u, '$1')));
  if (spelled === undefined) return unit;
  const plural = new Intl.PluralRules(t.language).select(amount) === 'one' ? 'one' : 'other';
  return t(`doseUnit.${spelled}.${plural}`);
}

/** "0,125 mg", "5000 unités", the dose as written ("1-2 comprimés"), or an empty string. */
export function formatDose(
  order: {
    readonly dose: number | null;
    readonly doseUnit: string | null;
    readonly doseText: string | null;
  },
  t: TranslateWord,
): string {
  if (order.dose === null) return order.doseText ?? '';
  const amount = formatNumber(order.dose, t.language);
  return order.doseUnit ? `${amount} ${formatDoseUnit(order.doseUnit, order.dose, t)}` : amount;
}
