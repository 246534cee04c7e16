/** Search the whole map and jump to an item: the search box and its state. */
export { SearchBox } from './SearchBox';
export { type SearchState, SearchProvider, createSearchState, useSearch } from './state';
