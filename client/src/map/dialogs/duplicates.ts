/**
 * Is there already an item like the one being created? Same kind and the same or
 * nearly the same name: diacritics folded, case, spacing and punctuation ignored, and
 * for longer names a small edit distance (a typo, a letter left out). Pure.
 */

export const DEFAULTS = {
  /** Folded names at least this long may differ by `shortEdits` edits… */
  typoMinLength: 6,
  shortEdits: 1,
  /** …and names at least this long by `longEdits`. */
  longMinLength: 12,
  longEdits: 2,
  /** At most this many matches are offered. */
  maxMatches: 3,
} as const;

export interface NamedItem {
  id: string;
  kind: string;
  label: string;
}

/** "  Café  De-Brug " → "cafedebrug": what two names are compared as. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits two folded names of this length may differ by and still be "nearly the same". */
export function allowedEdits(folded: string): number {
  if (folded.length >= DEFAULTS.longMinLength) return DEFAULTS.longEdits;
  if (folded.length >= DEFAULTS.typoMinLength) return DEFAULTS.shortEdits;
  return 0;
}

/**
 * Items of `kind` whose name is the same as or nearly `name`, closest first (exact
 * matches before near ones, then by name). Nothing for an empty name.
 */
export function likelyDuplicates<T extends NamedItem>(name: string, kind: string, items: Iterable<T>): T[] {
  const folded = foldName(name);
  if (!folded) return [];
  const found: { item: T; distance: number }[] = [];
  for (const item of items) {
    if (item.kind !== kind) continue;
    const other = foldName(item.label);
    const max = Math.min(allowedEdits(folded), allowedEdits(other));
    const distance = other === folded ? 0 : editDistance(folded, other, max);
    if (distance <= max) found.push({ item, distance });
  }
  return found
    .sort((a, b) => a.distance - b.distance || a.item.label.localeCompare(b.item.label))
    .slice(0, DEFAULTS.maxMatches)
    .map((f) => f.item);
}
