/** The map page: one open map with its features (canvas, list, search, filters, panel, dialogs, review…). */
export { type MapHandle, MapPage, type MapPageProps } from './MapPage';
