/**
 * What a medication order means for the ward, and the words that say why one is not to be given
 * — one definition for the model, the printer and the screen.
 */
import { z } from 'zod';
import { namedIfGiven } from './placeholder.ts';
import type { TranslateWord, WordKey } from './words/index.ts';

/**
 * What a medication order means for the ward (issue 11). Only `active` is ever scheduled or given
 * a due time; every other state is shown with its label and never has a row to sign.
 * - `held`: FHIR `on-hold` (with its `statusReason`), or a known pause modifier.
 * - `draft`: not yet a prescription ("not validated").
 * - `status-unknown`: FHIR `unknown` — "status unknown, verify".
 * - `recently-stopped`: stopped, completed or cancelled within the last 72 h before data-as-of.
 * - `not-interpretable`: an unknown `modifierExtension`, or dosing the importer cannot compute;
 *   shown with every instruction text, "read the source".
 */
export const OrderStateSchema = z.enum([
  'active',
  'held',
  'draft',
  'status-unknown',
  'recently-stopped',
  'not-interpretable',
]);
export type OrderState = z.infer<typeof OrderStateSchema>;

/** Why an order reads "not interpretable — read the source". */
export const NotInterpretableSchema = z.enum([
  /** A `modifierExtension` we do not understand: FHIR forbids acting as if it were absent. */
  'unknown-modifier',
  /** Several dosage instructions whose combination cannot be computed: read every text. */
  'several-instructions',
]);
export type NotInterpretable = z.infer<typeof NotInterpretableSchema>;

/** The part of an order these words read. */
export interface OrderStanding {
  readonly drug: string | null;
  readonly state: OrderState;
  readonly doNotPerform: boolean;
  readonly notInterpretable: NotInterpretable | null;
  readonly statusReason: string | null;
}

/** The drug's name, or "unnamed" in the reader's language when nothing in the source names it. */
export function drugLabel(
  t: TranslateWord,
  order: { readonly drug: string | null; readonly code?: string | null },
): string {
  if (order.drug) return order.drug;
  // Coded but named nowhere in words: the source's code beside the word, never as the name.
  return order.code
    ? `${t('order.unnamed')} (${t('placeholder.code', { code: order.code })})`
    : t('order.unnamed');
}

/** A PRN's reason in words, or its code beside the placeholder; null when the source gives none. */
export function prnReason(
  t: TranslateWord,
  order: { readonly prnReason: string | null; readonly prnReasonCode: string | null },
): string | null {
  return namedIfGiven(t, 'reason', order.prnReason, order.prnReasonCode);
}

/** Whether the order has doses to give at all (the schedule says when). */
export function isToGive(order: Pick<OrderStanding, 'state' | 'doNotPerform'>): boolean {
  return order.state === 'active' && !order.doNotPerform;
}

/** What stops a nurse from giving it: do not give, its state, why it cannot be read, the reason. */
/**
 * What the next-due place says of an order with no time listed there: a continuous infusion
 * runs, a scheduled order has none due in the next 24 h. Null when there is nothing to say
 * there — a PRN or a not-to-give order, or one whose schedule problem says why (flagged apart).
 */
export function noDueWord(
  order: Pick<OrderStanding, 'state' | 'doNotPerform'> & {
    readonly prn: boolean;
    readonly continuous: boolean;
    readonly scheduleProblem: unknown;
  },
): WordKey | null {
  if (!isToGive(order) || order.prn) return null;
  if (order.continuous) return 'order.continuous';
  return order.scheduleProblem ? null : 'order.noneDue';
}

export function notToGiveText(t: TranslateWord, order: OrderStanding): string {
  return [
    order.doNotPerform ? t('doNot.give', { what: drugLabel(t, order) }) : null,
    order.state === 'active' ? null : t(`orderState.${order.state}`),
    order.notInterpretable === null ? null : t(`order.${order.notInterpretable}`),
    order.statusReason,
  ]
    .filter((part) => part !== null)
    .join(' — ');
}
