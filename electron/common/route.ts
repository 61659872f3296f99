/**
 * Routes of administration said in the reader's words. An order whose route the source names
 * only by a code (SNOMED CT or EDQM Standard Terms, which carry English terms such as "Oral
 * use") gets one of these terms from the importer (fhir/route-codes.ts), so no code system's
 * English reaches a French page. A route the source writes in words (`text`) is shown as
 * written: it may say more than any code ("IV lente sur 30 min") — except an abbreviation on
 * ISMP's list of error-prone abbreviations, said in full words (below).
 */
import { z } from 'zod';
import { namedIfGiven } from './placeholder.ts';
import type { TranslateWord } from './words/index.ts';

export const ROUTE_TERMS = [
  'oral',
  'sublingual',
  'buccal',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'intradermal',
  'rectal',
  'vaginal',
  'cutaneous',
  'topical',
  'transdermal',
  'inhalation',
  'nasal',
  'ocular',
  'auricular',
  'intrathecal',
  'epidural',
  'gastric',
  'nasogastric',
  'gastrostomy',
  'enteral',
  'intestinal',
  'jejunostomy',
  'intraosseous',
] as const;
export const RouteTermSchema = z.enum(ROUTE_TERMS);
export type RouteTerm = z.infer<typeof RouteTermSchema>;

/** The fields a route is said from: an order's, a dose line's or an administration's. */
export interface RouteFields {
  /** The source's words for the route, when it has any. */
  readonly route: string | null;
  /** The term its code names, when the source gave a code and no words of its own. */
  readonly routeTerm: RouteTerm | null;
  /** The source's code of the route (an order's or a dose line's), said when nothing else is. */
  readonly routeCode?: string | null;
}

/**
 * "voie orale", "oraal", "oral"; the source's own words when it wrote the route out; a code
 * that names no term we know beside the placeholder, "(voie non nommée) (code RT-7)", never
 * nothing; '' only when the source says nothing of the route.
 */
export function formatRoute(fields: RouteFields, t: TranslateWord): string {
  const term = fields.routeTerm ?? errorProneRoute(fields.route);
  if (term !== null) return t(`route.${term}`);
  return namedIfGiven(t, 'route', fields.route, fields.routeCode) ?? '';
}

/**
 * Route abbreviations on ISMP's List of Error-Prone Abbreviations (2021) that name one route
 * and nothing more, by the letters they are written with (case, dots, slashes and spaces
 * aside): "SC", "SQ", "sub q" are misread as SL (sublingual) or "5 every"; "IN" as IM or IV;
 * "per os" as the left eye (OS). Written as the source's whole route, each is said in full.
 * Those that also name a side (AD, AS, AU; OD, OS, OU) are kept as written: no term here says
 * the side, and dropping it would say less than the source.
 */
const ERROR_PRONE_ROUTES: ReadonlyMap<string, RouteTerm> = new Map([
  ['sc', 'subcutaneous'],
  ['sq', 'subcutaneous'],
  ['subq', 'subcutaneous'],
  ['in', 'nasal'],
  ['peros', 'oral'],
]);

function errorProneRoute(text: string | null): RouteTerm | null {
  if (text === null) return null;
  return ERROR_PRONE_ROUTES.get(text.toLowerCase().replace(/[\s./]/g, '')) ?? null;
}
