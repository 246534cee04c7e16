/**
 * Searching the whole map: the query and its best matches. The index (search-index.ts)
 * is built the first time it is needed (the box gets the focus, or a query arrives),
 * then follows the store's change events; a map that is never searched costs nothing.
 */
import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import type { GraphNode } from '@schema';
import type { MapModel } from '@sync/map-model';
import { featureContext } from '@map/ui-kit';
import { SearchIndex } from './search-index';

const DEFAULTS = {
  /** Results listed under the search box at most. */
  maxResults: 10,
} as const;

export interface SearchState {
  query: Accessor<string>;
  setQuery(query: string): void;
  /** The best matches for the query, at most ten; none for an empty query. */
  results: Accessor<GraphNode[]>;
  /** Builds the index now, so the first keystroke doesn't wait for it. */
  prepare(): void;
}

export function createSearchState(model: MapModel): SearchState {
  const index = new SearchIndex();
  let built = false;
  const [indexVersion, setIndexVersion] = createSignal(0);
  onCleanup(
    model.subscribe((change) => {
      if (!built) return;
      index.apply(change);
      // Note text is part of search: re-read the notes that changed.
      for (const id of change.notes) index.setNoteText(id, model.noteText(id));
      setIndexVersion((v) => v + 1);
    }),
  );

  const [query, setQuery] = createSignal('');

  const prepare = () => {
    if (built) return;
    for (const id of model.store.nodes.keys()) index.setNoteText(id, model.noteText(id));
    index.addAll(model.store.nodes.values());
    built = true;
  };

  const results = createMemo<GraphNode[]>(() => {
    indexVersion();
    const q = query();
    if (q.trim() === '') return [];
    prepare();
    return index
      .search(q, DEFAULTS.maxResults)
      .map((hit) => model.store.nodes.get(hit.id))
      .filter((n): n is GraphNode => n !== undefined);
  });

  return { query, setQuery: (q) => setQuery(q), results, prepare };
}

const context = featureContext<SearchState>('useSearch()');
export const SearchProvider = context.Provider;
export const useSearch = context.use;
