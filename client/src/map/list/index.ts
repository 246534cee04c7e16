/** The list of every shown item: the map's keyboard and screen-reader view. */
export { ItemList } from './ItemList';
