/** The right column: the selected item to read, edit, link and delete, with its note. */
export { ItemPanel } from './ItemPanel';
