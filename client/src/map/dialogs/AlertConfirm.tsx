/**
 * The shell of every "are you sure?" question (delete an item, reject a proposal, forget a
 * person, remove the map from this device): an
 * alert dialog whose safe choice has the focus, so Enter right away does nothing
 * destructive. After the destructive choice the button that opened it is usually gone
 * with the item, so focus goes to the panel's heading.
 */
// Named parts, not the `AlertDialog` object (see Modal.tsx).
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { Show } from 'solid-js';
import { t } from '@i18n';
import { panelHeading } from '@map/ui-kit';
import './dialogs.css';

export interface AlertConfirmProps {
  open: boolean;
  title: string;
  question: string;
  note?: string;
  /** The destructive button's text. */
  action: string;
  /** True while the action is under way (e.g. waiting for the server): its button is disabled. */
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /**
   * Where focus goes on close: after the action the panel's heading (default: the opener
   * is usually gone with the item), or in any case back to the opener ('opener').
   */
  focusAfter?: 'panel' | 'opener';
}

export function AlertConfirm(props: AlertConfirmProps) {
  let cancel: HTMLButtonElement | undefined;
  let done = false;
  let opener: HTMLElement | undefined;
  return (
    <AlertDialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content
            class="dialog alert-dialog"
            onEscapeKeyDown={(e) => e.stopPropagation()}
            onOpenAutoFocus={(e) => {
              e.preventDefault();
              done = false;
              opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
              cancel?.focus();
            }}
            onCloseAutoFocus={(e) => {
              const back = props.focusAfter === 'opener' && opener?.isConnected ? opener : undefined;
              const target = back ?? (done ? panelHeading() : undefined);
              if (target) {
                e.preventDefault();
                target.focus();
              }
            }}
          >
            <header class="dialog-header">
              <AlertDialog.Title class="dialog-title">{props.title}</AlertDialog.Title>
            </header>
            <AlertDialog.Description class="dialog-question">{props.question}</AlertDialog.Description>
            <Show when={props.note}>
              <p class="muted">{props.note}</p>
            </Show>
            <div class="dialog-actions">
              <button ref={cancel} type="button" class="btn" onClick={() => props.onClose()}>
                {t().cancel}
              </button>
              <button
                type="button"
                class="btn btn-danger"
                disabled={props.busy}
                onClick={() => {
                  done = true;
                  props.onConfirm();
                }}
              >
                {props.action}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
