/**
 * The map page's dialogs (create an item, link two, the map's settings, reject a
 * proposal), which one is open, the shell of every dialog and of every "are you sure?"
 * question.
 */
export { AlertConfirm, type AlertConfirmProps } from './AlertConfirm';
export { CreateDialog } from './CreateDialog';
export { LinkDialog } from './LinkDialog';
export { Modal, ModalHeader, type ModalProps } from './Modal';
export { RejectConfirm } from './RejectConfirm';
export { SettingsDialog } from './SettingsDialog';
export { type DialogsState, DialogsProvider, type LinkRequest, createDialogsState, useDialogs } from './state';
