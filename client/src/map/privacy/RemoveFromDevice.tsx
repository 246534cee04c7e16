/** "Remove from this device": wipes this map's local copies and the invite, then leaves the map. */
import { createSignal } from 'solid-js';
import { t } from '@i18n';
import { navigate } from '../../app/App';
import { useMap } from '@map/context';
import { AlertConfirm } from '@map/dialogs/AlertConfirm';

export function RemoveFromDevice() {
  const { model } = useMap();
  const [open, setOpen] = createSignal(false);

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
      <AlertConfirm
        open={open()}
        title={t().privacy.removeTitle}
        question={t().privacy.removeExplain}
        action={t().privacy.removeConfirm}
        onConfirm={() => void remove()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
