/**
 * A typed search as an FTS5 MATCH expression. Every token is folded like the index (fold.ts),
 * quoted (so `prud'homme`, `saint-jacques` or a stray `"` are text, never query syntax) and
 * made a prefix, and the tokens are ANDed: "lef hel" finds Hélène Lefèvre, in either order.
 * A birth date typed DD/MM/YYYY is rewritten to the ISO form the index holds.
 */
import { fold as foldText } from '../../common/fold.ts';

const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const HAS_WORD = /[\p{L}\p{N}]/u;

function normalizedToken(token: string): string {
  const dmy = DMY.exec(token);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return foldText(token);
}

/** The MATCH expression, or null when the query holds nothing searchable. */
export function matchExpression(query: string): string | null {
  const tokens = query
    .split(/[\s,;]+/)
    .filter((t) => HAS_WORD.test(t))
    .slice(0, 8)
    .map((t) => `"${normalizedToken(t).replaceAll('"', '""')}"*`);
  return tokens.length > 0 ? tokens.join(' ') : null;
}
