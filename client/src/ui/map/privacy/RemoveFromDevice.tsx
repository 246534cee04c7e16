/** "Remove from this device": wipes this map's local copies and the invite, then leaves the map. */
import * as AlertDialog from '@kobalte/core/alert-dialog';
import { createSignal } from 'solid-js';
import { t } from '../../../i18n';
import { navigate } from '../../App';
import { useMap } from '../context';

export function RemoveFromDevice() {
  const { model } = useMap();
  const [open, setOpen] = createSignal(false);
  let cancel: HTMLButtonElement | undefined;

  async function remove() {
    await model.removeFromDevice();
    setOpen(false);
    navigate('/', true);
  }

  return (
    <>
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        {t().removeFromDevice}
      </button>
      <AlertDialog.Root open={open()} onOpenChange={setOpen}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay class="dialog-overlay" />
          <div class="dialog-positioner">
            <AlertDialog.Content
              class="dialog alert-dialog"
              onOpenAutoFocus={(e) => {
                e.preventDefault();
                cancel?.focus();
              }}
            >
              <header class="dialog-header">
                <AlertDialog.Title class="dialog-title">{t().privacy.removeTitle}</AlertDialog.Title>
              </header>
              <AlertDialog.Description class="dialog-question">{t().privacy.removeExplain}</AlertDialog.Description>
              <div class="dialog-actions">
                <button ref={cancel} type="button" class="btn" onClick={() => setOpen(false)}>
                  {t().cancel}
                </button>
                <button type="button" class="btn btn-danger" onClick={() => void remove()}>
                  {t().privacy.removeConfirm}
                </button>
              </div>
            </AlertDialog.Content>
          </div>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </>
  );
}
