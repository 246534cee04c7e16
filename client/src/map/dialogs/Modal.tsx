/**
 * The shell of the panel's dialogs (Kobalte: role dialog named by its title, focus kept
 * inside, Escape closes, focus goes back where it was). Content mounts on open and
 * unmounts on close, so every opening starts with a fresh form.
 */
// Named parts, not the `Dialog` object: Kobalte builds that object and `AlertDialog` by
// Object.assign onto one shared root, so `Dialog.Content` can end up with role alertdialog.
import * as Dialog from '@kobalte/core/dialog';
import type { JSX } from 'solid-js';
import { t } from '@i18n';
import './dialogs.css';

export interface ModalProps {
  open: boolean;
  onClose: () => void;
  class?: string;
  /** Where focus goes on open (default: the first focusable element). */
  initialFocus?: () => HTMLElement | undefined;
  /** Where focus goes on close (default: Kobalte's, which is the trigger if there is one). */
  finalFocus?: () => HTMLElement | undefined;
  /** On close, focus goes back to what had it when the dialog opened (a button, or the page for a shortcut). */
  returnFocus?: boolean;
  children: JSX.Element;
}

export function Modal(props: ModalProps) {
  let opener: HTMLElement | undefined;
  return (
    <Dialog.Root
      open={props.open}
      onOpenChange={(open) => !open && props.onClose()}
      translations={{ dismiss: t().close }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content
            class={`dialog ${props.class ?? ''}`}
            // The page's own shortcuts (Escape clears the selection) must not see this one.
            onEscapeKeyDown={(e) => e.stopPropagation()}
            // A stray click beside a half-filled form must not throw the form away.
            onPointerDownOutside={(e) => e.preventDefault()}
            onOpenAutoFocus={(e) => {
              opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
              const el = props.initialFocus?.();
              if (el) {
                e.preventDefault();
                el.focus();
              }
            }}
            onCloseAutoFocus={(e) => {
              const el = props.finalFocus?.() ?? (props.returnFocus && opener?.isConnected ? opener : undefined);
              if (el) {
                e.preventDefault();
                el.focus();
              }
            }}
          >
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog's title (its accessible name) and a close button. */
export function ModalHeader(props: { title: string }) {
  return (
    <header class="dialog-header">
      <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
      <Dialog.CloseButton class="dialog-close" aria-label={t().close}>
        ×
      </Dialog.CloseButton>
    </header>
  );
}
