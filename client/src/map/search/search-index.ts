/**
 * The full-text index behind the search box (minisearch): an item's label, the text of
 * its kind's text and tag fields (function, languages, skills, address, schedule,
 * opening hours, rooms…) and the Dutch and English labels of its enum values, so
 * "vrijwilliger" finds volunteers whatever the interface language. Fuzzy (a typo in
 * five letters) and prefix matching, diacritics folded (see text-fold.ts).
 *
 * Kept current from the graph store's change events (add, replace, discard), never
 * rebuilt. Protected fields (contact details of persons) are never indexed, so search
 * can't reveal them. Pure: no Solid, no DOM, no Yjs.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { type GraphNode, NODE_KIND_DEFS } from '@schema';
import { fold, words } from '@map/shared';

const DEFAULTS = {
  /** Typos allowed in a word, as a share of its length: one in five letters. */
  fuzzy: 0.2,
  /**
   * Two typos at most, also in long words: more makes long queries slow on big maps
   * (three edits on "kanaleneiland" cost 170 ms over 5,000 items, two cost 7 ms).
   */
  maxFuzzy: 2,
  /** A word also matches the start of a longer one ("kana" finds "Kanaleneiland"). */
  prefix: true,
  /** Every word of the query must match: more words narrow, as people expect. */
  combineWith: 'AND',
  /** How much a match counts per field: the name most, note text least. */
  boost: { label: 3, values: 1.5, text: 1, note: 0.5 },
  /** Results returned when the caller sets no limit. */
  limit: 10,
} as const;

interface IndexedItem {
  id: string;
  label: string;
  /** Text and tag fields. */
  text: string;
  /** Labels of enum values, in both languages. */
  values: string;
  /** Plain text of the item's note, once a note source calls setNoteText. */
  note: string;
}

/** The changes the index follows: the shape of the graph store's change events. */
export interface NodeChanges {
  nodes: { added: readonly GraphNode[]; updated: readonly GraphNode[]; removed: readonly string[] };
}

export interface SearchHit {
  id: string;
  score: number;
}

const FIELDS = ['label', 'text', 'values', 'note'] as const;

const SEARCH_OPTIONS: SearchOptions = {
  fuzzy: DEFAULTS.fuzzy,
  maxFuzzy: DEFAULTS.maxFuzzy,
  prefix: DEFAULTS.prefix,
  combineWith: DEFAULTS.combineWith,
  boost: { ...DEFAULTS.boost },
};

/** What of a node goes into the index. */
export function indexedItem(node: GraphNode, note = ''): IndexedItem {
  const text: string[] = [];
  const values: string[] = [];
  for (const [key, def] of Object.entries(NODE_KIND_DEFS[node.kind].fields)) {
    const v = node.fields[key];
    if (v === undefined || def.protected) continue;
    if ((def.type === 'text' || def.type === 'longtext') && typeof v === 'string') text.push(v);
    else if (def.type === 'tags' && Array.isArray(v)) text.push(v.join(' '));
    else if (def.type === 'enum' && typeof v === 'string') {
      const option = def.options[v];
      if (option) values.push(option.nl, option.en);
    }
  }
  return { id: node.id, label: node.label, text: text.join(' '), values: values.join(' '), note };
}

export class SearchIndex {
  private readonly mini = new MiniSearch<IndexedItem>({
    fields: [...FIELDS],
    tokenize: words,
    processTerm: (term) => fold(term) || null,
    searchOptions: SEARCH_OPTIONS,
  });
  /** The last indexed version of each node, to re-index it when only its note changes. */
  private readonly nodes = new Map<string, GraphNode>();
  private readonly notes = new Map<string, string>();

  get size(): number {
    return this.mini.documentCount;
  }

  addAll(nodes: Iterable<GraphNode>): void {
    for (const n of nodes) this.upsert(n);
  }

  /** Adds a node, or replaces its entry if it is indexed already. */
  upsert(node: GraphNode): void {
    const item = indexedItem(node, this.notes.get(node.id));
    if (this.mini.has(node.id)) this.mini.replace(item);
    else this.mini.add(item);
    this.nodes.set(node.id, node);
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
    this.nodes.delete(id);
    this.notes.delete(id);
  }

  /** Applies one change event of the graph store. */
  apply(change: NodeChanges): void {
    for (const id of change.nodes.removed) this.remove(id);
    for (const n of change.nodes.added) this.upsert(n);
    for (const n of change.nodes.updated) this.upsert(n);
  }

  /**
   * The hook for note text (issue "notes in search"): whoever can read notes as plain
   * text calls this when a node's note changes (the store reports note changes in
   * `GraphChange.notes`). The text is kept even before the node itself is indexed.
   */
  setNoteText(id: string, text: string): void {
    if (text.trim() === '') this.notes.delete(id);
    else this.notes.set(id, text);
    const node = this.nodes.get(id);
    if (node) this.upsert(node);
  }

  /** Best matches first; at most `limit`. */
  search(query: string, limit: number = DEFAULTS.limit): SearchHit[] {
    if (query.trim() === '') return [];
    return this.mini
      .search(query)
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), score: r.score }));
  }
}
