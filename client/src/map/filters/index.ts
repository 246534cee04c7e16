/** What to show: the filter bar, the filters' state and what they leave visible. */
export { FilterBar } from './FilterBar';
export { type Filters, NO_FILTERS, type StatusFilter, filtersActive } from './filtering';
export { type FiltersState, FiltersProvider, createFiltersState, useFilters } from './state';
