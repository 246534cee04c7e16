/**
 * What the map shows: the filters (kinds, area, theme, status, neighbourhood of the
 * selection) and the ids they leave visible, which the list, the canvas and the search
 * results follow.
 */
import { type Accessor, createMemo, createSignal } from 'solid-js';
import type { MapModel } from '@sync/map-model';
import type { ReviewState } from '@map/review';
import { featureContext } from '@map/ui-kit';
import { type Filters, NO_FILTERS, visibleIds } from './filtering';

export interface FiltersState {
  filters: Accessor<Filters>;
  setFilters(patch: Partial<Filters>): void;
  /** Node ids to show; null = everything. */
  visible: Accessor<Set<string> | null>;
}

/** `marks`: the item sets the status filter reads (stale, highlighted as changed). */
export function createFiltersState(model: MapModel, marks: Pick<ReviewState, 'stale' | 'changed'>): FiltersState {
  const [filters, setFilters] = createSignal<Filters>(NO_FILTERS);
  const visible = createMemo(() => {
    model.version();
    const f = filters();
    // The status sets are read only when their filter is on: a tick of the clock or a
    // highlight elsewhere does not recompute what is shown.
    const sets =
      f.status === 'stale' ? { stale: marks.stale() } : f.status === 'changed' ? { changed: marks.changed() } : {};
    return visibleIds(model.store, f, model.selection(), sets);
  });
  return {
    filters,
    setFilters: (patch) => setFilters((f) => ({ ...f, ...patch })),
    visible,
  };
}

const context = featureContext<FiltersState>('useFilters()');
export const FiltersProvider = context.Provider;
export const useFilters = context.use;
