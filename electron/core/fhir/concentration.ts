/**
 * An infusion's concentration — the one drug's amount per volume — from what a Medication
 * states: its ingredients' strengths and its `amount`. Computed only when the source says both
 * the amount and the volume; anything else (two drugs, a strength per tablet, volumes that
 * disagree) gives null and the Medication's own text is what the nurse reads. Never guessed.
 */
import { fold } from '../../common/fold.ts';
import { type Json, obj, quantity } from './json.ts';

interface Amount {
  readonly value: number;
  readonly unit: string;
}

const VOLUME_UNITS: ReadonlySet<string> = new Set(['ml', 'l', 'dl', 'cl', 'ul']);
const isVolume = (a: Amount | null): boolean => a !== null && VOLUME_UNITS.has(fold(a.unit));

/**
 * The solutions a drug is diluted in, by name, for sources that leave `isActive` out:
 * "NaCl 0,9 %", "glucose 5 %", water for injection, in fr/nl/de/en.
 */
const VEHICLE_NAMES =
  /\b(nacl|sodium chloride|chlorure de sodium|natriumchlorid[e]?|glucose|dextrose|g5 ?%?|water for injection|eau (pour|ppi)|aqua|water voor injectie|wasser fur injektion)/u;

function amountOf(value: unknown): Amount | null {
  const q = quantity(value);
  return q?.value != null && q.value > 0 && q.unit ? { value: q.value, unit: q.unit } : null;
}

/** A ratio's numerator, and its denominator (null when absent or "per 1 unit", not a volume). */
function ratioOf(value: unknown): { amount: Amount | null; per: Amount | null } {
  const r = obj(value);
  return { amount: amountOf(r?.['numerator']), per: amountOf(r?.['denominator']) };
}

/** A denominator that only says "per one" (syringe, bag, ampoule, or no unit at all). */
const perOne = (per: Amount | null): boolean => per === null || (per.value === 1 && !isVolume(per));

const text = (a: Amount): string => `${a.value} ${a.unit}`;

export interface IngredientFacts {
  readonly name: string | null;
  readonly isActive: boolean | null;
  readonly strength: unknown;
}

/**
 * The drug ingredient's amount per volume ("4 mg / 50 mL"):
 * - the drug is the one ingredient that is not the vehicle (`isActive` false, a named
 *   diluent, or a strength that is itself a volume);
 * - its strength per volume is the concentration as written;
 * - its strength per one unit (syringe, bag) takes the volume the source gives for the whole:
 *   `Medication.amount` (a volume per one), else the one vehicle's volume ("in 50 mL NaCl");
 *   when both are given they must agree.
 */
export function concentrationOf(
  ingredients: readonly IngredientFacts[],
  medicationAmount: unknown,
): string | null {
  const read = ingredients.map((i) => ({ ...i, ...ratioOf(i.strength) }));
  const vehicle = (i: (typeof read)[number]) =>
    i.isActive === false ||
    isVolume(i.amount) ||
    (i.isActive === null && read.length > 1 && VEHICLE_NAMES.test(fold(i.name ?? '')));
  const drugs = read.filter((i) => !vehicle(i));
  const [drug] = drugs;
  if (drugs.length !== 1 || !drug?.amount) return null;
  if (isVolume(drug.per)) return `${text(drug.amount)} / ${text(drug.per!)}`;
  if (!perOne(drug.per)) return null;
  const total = ratioOf(medicationAmount);
  const fromAmount = isVolume(total.amount) && perOne(total.per) ? total.amount : null;
  const vehicles = read
    .filter((i) => vehicle(i) && isVolume(i.amount) && perOne(i.per))
    .map((i) => i.amount!);
  const fromVehicle = vehicles.length === 1 ? vehicles[0]! : null;
  if (fromAmount && fromVehicle && text(fromAmount) !== text(fromVehicle)) return null;
  const volume = fromAmount ?? fromVehicle;
  return volume ? `${text(drug.amount)} / ${text(volume)}` : null;
}

/** `Medication.ingredient[]` as the facts `concentrationOf` reads. */
export function ingredientFacts(ingredient: Json, name: string | null): IngredientFacts {
  const active = ingredient['isActive'];
  return {
    name,
    isActive: typeof active === 'boolean' ? active : null,
    strength: ingredient['strength'],
  };
}
