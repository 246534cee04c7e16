/**
 * "Fatima Benhaddou en de 5 bijbehorende koppelingen verwijderen?": the confirmation
 * before an item and its links are deleted (undo remains possible afterwards).
 */
// Named parts, not the `AlertDialog` object (see Modal.tsx).
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { createMemo } from 'solid-js';
import { fmt, t } from '../../../i18n';
import { useMap } from '../context';
import { panelHeading } from './focus';

export function DeleteConfirm(props: { id: string | null; onClose: () => void }) {
  const ui = useMap();
  const { model } = ui;
  let cancel: HTMLButtonElement | undefined;
  let deleted = false;
  const node = createMemo(() => (props.id ? model.node(props.id) : undefined));
  const linkCount = () => (model.version(), props.id ? model.store.edgesOf(props.id).length : 0);
  const question = () => {
    const n = linkCount();
    const p = t().panel;
    const template = n === 0 ? p.deleteConfirm0 : n === 1 ? p.deleteConfirm1 : p.deleteConfirmN;
    return fmt(template, { label: node()?.label ?? '', n });
  };

  function confirm() {
    const n = node();
    if (!n) return props.onClose();
    deleted = true;
    const result = model.actions.deleteNode(n.id);
    if (result.ok) ui.notify(fmt(t().panel.deleted, { label: n.label }));
    else ui.reportError(result.error);
    props.onClose();
  }

  return (
    // Closes by itself when the item disappears meanwhile (deleted elsewhere, undone).
    <AlertDialog.Root open={!!node()} onOpenChange={(open) => !open && props.onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content
            class="dialog alert-dialog"
            onEscapeKeyDown={(e) => e.stopPropagation()}
            onOpenAutoFocus={(e) => {
              // The safe choice has focus: Enter right away must not delete.
              e.preventDefault();
              deleted = false;
              cancel?.focus();
            }}
            onCloseAutoFocus={(e) => {
              // The button that opened this is gone with the item: focus the panel instead.
              const heading = deleted ? panelHeading() : undefined;
              if (heading) {
                e.preventDefault();
                heading.focus();
              }
            }}
          >
            <header class="dialog-header">
              <AlertDialog.Title class="dialog-title">{t().panel.deleteTitle}</AlertDialog.Title>
            </header>
            <AlertDialog.Description class="dialog-question">{question()}</AlertDialog.Description>
            <p class="muted">{t().panel.deleteUndo}</p>
            <div class="dialog-actions">
              <button ref={cancel} type="button" class="btn" onClick={() => props.onClose()}>
                {t().cancel}
              </button>
              <button type="button" class="btn btn-danger" onClick={confirm}>
                {t().panel.delete}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
