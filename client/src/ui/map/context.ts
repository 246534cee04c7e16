/**
 * Kept only for the end-to-end tests, which import the type of `window.buurtweb.ui` from
 * here: the map page's state now lives in its features (client/src/map/). Remove once
 * test/e2e imports `MapHandle` from `@map`.
 */
export type { MapHandle as MapUi } from '@map';
