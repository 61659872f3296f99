/**
 * The export's wards as the unlock screen lists them, before any key is used: by the name the
 * signed manifest gives (the placeholder word in the reader's language when the source names
 * none), never by an id such as `ward-namur-3B`. Two wards of one name are told apart by their
 * site's name, and only when that does not do it by their id, shown muted. Listed site by site,
 * each by name (numbers in order: 2A before 10B); what the source leaves unnamed comes last.
 */
import { fold } from '../../electron/common/fold.ts';
import { named } from '../../electron/common/placeholder.ts';
import type { TranslateWord } from '../../electron/common/words/index.ts';
import type { ManifestWard } from '../../electron/core/model.ts';

export interface UnlockWard {
  readonly key: string;
  /** The ward's name, with its site's when another ward of the scope has the same name. */
  readonly label: string;
  /** The ward's id when even name and site do not tell it from another; null otherwise. */
  readonly id: string | null;
}

export function unlockWards(
  words: TranslateWord,
  inManifest: readonly ManifestWard[],
): UnlockWard[] {
  const wards = [...inManifest].sort(bySiteThenName);
  const names = wards.map((w) => named(words, 'ward', w.name));
  const labels = wards.map((w, i) =>
    shared(names, i) ? `${names[i]} — ${named(words, 'site', w.siteName)}` : (names[i] ?? ''),
  );
  return wards.map((w, i) => ({
    key: w.id,
    label: labels[i] ?? '',
    id: shared(labels, i) ? w.id : null,
  }));
}

/** Whether another entry reads the same, whatever its case and accents. */
function shared(texts: readonly string[], index: number): boolean {
  const mine = fold(texts[index] ?? '');
  return texts.some((text, i) => i !== index && fold(text) === mine);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Named before unnamed, then in collation order. */
const byNamed = (a: string | null, b: string | null): number =>
  a === null || b === null ? Number(a === null) - Number(b === null) : collator.compare(a, b);

const bySiteThenName = (a: ManifestWard, b: ManifestWard): number =>
  byNamed(a.siteName, b.siteName) ||
  collator.compare(a.siteId, b.siteId) ||
  byNamed(a.name, b.name) ||
  collator.compare(a.id, b.id);
