/**
 * "Forget this person": the confirmation before a person is erased for good — unlike a
 * deletion there is no undo, so the dialog says what happens, and Cancel has the focus.
 */
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { createMemo, createSignal } from 'solid-js';
import { fmt, t } from '../../../i18n';
import { useMap } from '../context';
import { panelHeading } from '../panel/focus';

export function EraseConfirm(props: { id: string | null; onClose: () => void }) {
  const ui = useMap();
  const { model } = ui;
  let cancel: HTMLButtonElement | undefined;
  const [busy, setBusy] = createSignal(false);
  const node = createMemo(() => (props.id ? model.node(props.id) : undefined));

  async function confirm() {
    const n = node();
    if (!n) return props.onClose();
    if (model.status() !== 'online') {
      ui.notify(t().privacy.eraseOffline, 'error');
      return;
    }
    setBusy(true);
    const result = await model.erase(n.id);
    setBusy(false);
    if (result.ok) ui.notify(t().privacy.erased);
    else ui.notify(fmt(t().privacy.eraseFailed, { error: result.error }), 'error');
    props.onClose();
  }

  return (
    <AlertDialog.Root open={!!node()} onOpenChange={(open) => !open && props.onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content
            class="dialog alert-dialog"
            onEscapeKeyDown={(e) => e.stopPropagation()}
            onOpenAutoFocus={(e) => {
              e.preventDefault();
              cancel?.focus();
            }}
            onCloseAutoFocus={(e) => {
              const heading = panelHeading();
              if (heading) {
                e.preventDefault();
                heading.focus();
              }
            }}
          >
            <header class="dialog-header">
              <AlertDialog.Title class="dialog-title">{t().privacy.eraseTitle}</AlertDialog.Title>
            </header>
            <AlertDialog.Description class="dialog-question">
              {fmt(t().privacy.eraseQuestion, { label: node()?.label ?? '' })}
            </AlertDialog.Description>
            <p class="muted">{t().privacy.eraseExplain}</p>
            <div class="dialog-actions">
              <button ref={cancel} type="button" class="btn" onClick={() => props.onClose()}>
                {t().cancel}
              </button>
              <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void confirm()}>
                {t().privacy.eraseConfirm}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
