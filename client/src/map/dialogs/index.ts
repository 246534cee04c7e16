/**
 * The map page's dialogs (create an item, link two, the map's settings, reject a
 * proposal), which one is open, and the shell of every "are you sure?" question.
 */
export { AlertConfirm, type AlertConfirmProps } from './AlertConfirm';
export { CreateDialog } from './CreateDialog';
export { LinkDialog } from './LinkDialog';
export { RejectConfirm } from './RejectConfirm';
export { SettingsDialog } from './SettingsDialog';
export { type DialogsState, DialogsProvider, type LinkRequest, createDialogsState, useDialogs } from './state';
