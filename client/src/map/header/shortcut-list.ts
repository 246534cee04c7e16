/** The page's keyboard shortcuts as the "Sneltoetsen" dialog lists them, in its order. */
import type { Dictionary } from '@i18n';

export type ShortcutAction = keyof Dictionary['shortcutList'];

export interface Shortcut {
  /** The keys, each as printed on a key cap. */
  keys: string[];
  action: ShortcutAction;
  /** Only for who can edit. */
  edit?: boolean;
  /** The keys are alternatives (either one), not pressed together. */
  either?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['N'], action: 'newItem', edit: true },
  { keys: ['L'], action: 'link', edit: true },
  { keys: ['K'], action: 'stillCorrect', edit: true },
  { keys: ['Delete'], action: 'delete', edit: true },
  { keys: ['Ctrl', 'Z'], action: 'undo', edit: true },
  { keys: ['Ctrl', 'Shift', 'Z'], action: 'redo', edit: true },
  { keys: ['/'], action: 'search' },
  { keys: ['F'], action: 'fit' },
  { keys: ['+', '−'], action: 'zoom', either: true },
  { keys: ['←', '↑', '→', '↓'], action: 'pan', either: true },
  { keys: ['Ctrl', 'click'], action: 'openMention' },
  { keys: ['Escape'], action: 'deselect' },
  { keys: ['?'], action: 'help' },
];
