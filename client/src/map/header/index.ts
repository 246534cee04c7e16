/** Above the map: the header, the toolbar, the notices, and the page's keyboard shortcuts and their list. */
export { Header, type HeaderProps } from './Header';
export { Notices } from './Notices';
export { type ShortcutTargets, useShortcuts } from './shortcuts';
export { ShortcutsDialog } from './ShortcutsDialog';
export { StartAgainNotice } from './StartAgainNotice';
export { Toolbar } from './Toolbar';
