/**
 * Route codes the importer reads as one of the common route terms (common/route.ts), so a route
 * the source names only by a code is said in the reader's words. Sources:
 * - EDQM Standard Terms, routes of administration (the European eMedication and IPS route codes;
 *   e.g. the Swiss CH EMED examples) — codes and terms as listed in HL7 Europe's UNICOM IG,
 *   `input/fsh/coding-system/edqm/RouteOfAdministration.fsh`;
 * - SNOMED CT, the FHIR R4 value set "SNOMED CT Route Codes" (route-codes, descendants of
 *   284009009 "Route of administration value").
 * A code outside this table leaves the term null: the display shows the source's words.
 */
import type { RouteTerm } from '../../common/route.ts';
import { list, obj, str } from './json.ts';

const EDQM: Readonly<Record<string, RouteTerm>> = {
  '20053000': 'oral',
  '20067000': 'sublingual',
  '20002500': 'buccal',
  '20045000': 'intravenous',
  '20035000': 'intramuscular',
  '20066000': 'subcutaneous',
  '20030000': 'intradermal',
  '20061000': 'rectal',
  '20072000': 'vaginal',
  '20003000': 'cutaneous',
  '20070000': 'transdermal',
  '20020000': 'inhalation',
  '20049000': 'nasal',
  '20051000': 'ocular',
  '20001000': 'auricular',
  '20042000': 'intrathecal',
  '20009000': 'epidural',
  '20013500': 'gastric',
  '20013000': 'enteral',
  '20021000': 'intestinal',
  '20036500': 'intraosseous',
};

const SNOMED: Readonly<Record<string, RouteTerm>> = {
  '26643006': 'oral',
  '37839007': 'sublingual',
  '54471007': 'buccal',
  '47625008': 'intravenous',
  '78421000': 'intramuscular',
  '34206005': 'subcutaneous',
  '372464004': 'intradermal',
  '37161004': 'rectal',
  '16857009': 'vaginal',
  '448598008': 'cutaneous',
  '6064005': 'topical',
  '45890007': 'transdermal',
  '447694001': 'inhalation',
  '447081004': 'inhalation',
  '46713006': 'nasal',
  '54485002': 'ocular',
  '10547007': 'auricular',
  '72607000': 'intrathecal',
  '404820008': 'epidural',
  '447080003': 'epidural',
  '127492001': 'nasogastric',
  '127490009': 'gastrostomy',
  '417985001': 'enteral',
  '372454008': 'enteral',
  '127491008': 'jejunostomy',
  '417255000': 'intraosseous',
};

/**
 * The systems these codes come in: EDQM by its FHIR URL or its OID, SNOMED CT by its URL.
 * Maps, not object lookups: a code such as "constructor" must not find Object's prototype.
 */
const edqm = new Map(Object.entries(EDQM));
const BY_SYSTEM: ReadonlyMap<string, ReadonlyMap<string, RouteTerm>> = new Map([
  ['http://standardterms.edqm.eu', edqm],
  ['urn:oid:0.4.0.127.0.16.1.1.2.1', edqm],
  ['http://snomed.info/sct', new Map(Object.entries(SNOMED))],
]);

/**
 * The term a route concept's code names — only when the concept has no `text`: words the
 * source wrote are shown as written, since they may say more than the code ("IV lente").
 */
export function routeTermOf(concept: unknown): RouteTerm | null {
  const o = obj(concept);
  if (!o || str(o['text'])) return null;
  for (const c of list(o['coding'])) {
    const coding = obj(c);
    const table = BY_SYSTEM.get(str(coding?.['system']) ?? '');
    const term = table?.get(str(coding?.['code']) ?? '');
    if (term !== undefined) return term;
  }
  return null;
}
