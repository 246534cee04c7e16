/**
 * The rows of the item list: what its columns show of a node, the list's own text
 * filter and its sort order. Pure (the language is a parameter), so it is testable
 * without a browser; derived strings are cached per node object, which the graph store
 * replaces whenever the item changes.
 */
import type { GraphNode, Lang } from '@schema';
import { collator, detailOf, fold, kindLabel } from '@map/shared';

export type SortKey = 'name' | 'kind' | 'details' | 'changed';
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const SORT_KEYS: readonly SortKey[] = ['name', 'kind', 'details', 'changed'];

interface Derived {
  lang: Lang;
  kind: string;
  detail: string;
  /** Folded text the list filter matches against. */
  haystack: string;
}
const cache = new WeakMap<GraphNode, Derived>();

function derived(node: GraphNode, lang: Lang): Derived {
  const hit = cache.get(node);
  if (hit && hit.lang === lang) return hit;
  const kind = kindLabel(node, lang);
  const detail = detailOf(node, lang);
  const who = node.provenance.updatedBy?.name ?? '';
  const d = { lang, kind, detail, haystack: fold(`${node.label}\n${kind}\n${detail}\n${who}`) };
  cache.set(node, d);
  return d;
}

/** Whether every folded query word occurs in the row's name, kind, details or editor. */
export function rowMatches(node: GraphNode, queryWords: readonly string[], lang: Lang): boolean {
  if (!queryWords.length) return true;
  const hay = derived(node, lang).haystack;
  return queryWords.every((w) => hay.includes(w));
}

/**
 * Sorted copy. Ties fall back to the name, then the id, so the order is stable and the
 * same on every device; rows without details or date go last in either direction.
 */
export function sortRows(nodes: readonly GraphNode[], sort: Sort, lang: Lang): GraphNode[] {
  const coll = collator(lang);
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const byName = (a: GraphNode, b: GraphNode) => coll.compare(a.label, b.label) || (a.id < b.id ? -1 : 1);
  let primary: (a: GraphNode, b: GraphNode) => number;
  switch (sort.key) {
    case 'name':
      return [...nodes].sort((a, b) => sign * byName(a, b));
    case 'kind':
      primary = (a, b) => sign * coll.compare(derived(a, lang).kind, derived(b, lang).kind);
      break;
    case 'details':
      primary = (a, b) => {
        const da = derived(a, lang).detail;
        const db = derived(b, lang).detail;
        if (!da !== !db) return da ? -1 : 1;
        return sign * coll.compare(da, db);
      };
      break;
    case 'changed':
      primary = (a, b) => {
        const ta = a.provenance.updatedAt;
        const tb = b.provenance.updatedAt;
        if ((ta === undefined) !== (tb === undefined)) return ta === undefined ? 1 : -1;
        return sign * ((ta ?? 0) - (tb ?? 0));
      };
      break;
  }
  return [...nodes].sort((a, b) => primary(a, b) || byName(a, b));
}

/** The sort after a click on a column's header: that column, or the other direction. */
export function toggleSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, dir: key === 'changed' ? 'descending' : 'ascending' };
  return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormat(lang: Lang, withYear: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
    if (withYear) opts.year = 'numeric';
    f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', opts);
    formatters.set(key, f);
  }
  return f;
}
const relative = new Map<Lang, Intl.RelativeTimeFormat>();

const DAY_MS = 86_400_000;
function dayNumber(d: Date): number {
  return Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / DAY_MS);
}

/**
 * A short date for the "last changed" column: "vandaag", "gisteren", "12 nov." or, for
 * another year, "12 nov. 2024". Words come from Intl, so they follow the language.
 */
export function formatChanged(at: number | undefined, lang: Lang, now = Date.now()): string {
  if (at === undefined) return '';
  const d = new Date(at);
  const daysAgo = dayNumber(new Date(now)) - dayNumber(d);
  if (daysAgo === 0 || daysAgo === 1) {
    let rtf = relative.get(lang);
    if (!rtf) relative.set(lang, (rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
    return rtf.format(-daysAgo, 'day');
  }
  return dayFormat(lang, d.getFullYear() !== new Date(now).getFullYear()).format(d);
}

const fullFormats = new Map<Lang, Intl.DateTimeFormat>();

/** The full date and time, for the cell's tooltip. */
export function formatChangedFull(at: number, lang: Lang): string {
  let f = fullFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
    fullFormats.set(lang, f);
  }
  return f.format(at);
}
