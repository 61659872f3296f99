/**
 * A plan item's text as screen and paper show it. An order *not* to do something (FHIR
 * `doNotPerform`) is stored as a flag beside the thing named, so "Sonde urinaire" under
 * requests never reads as an order to place one: the display prefixes it with the reader's
 * "DO NOT DO" ("NE PAS FAIRE", "NIET UITVOEREN", "NICHT DURCHFÜHREN").
 */
import { named } from './placeholder.ts';
import type { TranslateWord } from './words/index.ts';

export function planItemText(
  t: TranslateWord,
  item: {
    readonly text: string | null;
    readonly code: string | null;
    readonly doNotPerform: boolean;
  },
): string {
  const what = named(t, 'planItem', item.text, item.code);
  return item.doNotPerform ? t('doNot.do', { what }) : what;
}
