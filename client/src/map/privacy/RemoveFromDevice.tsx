/** "Remove from this device": wipes this map's local copies and the invite, then leaves the map (onLeave). */
import { createSignal } from 'solid-js';
import { t } from '@i18n';
import { AlertConfirm } from '@map/dialogs';
import { useMap } from '@map/ui-kit';

export function RemoveFromDevice(props: { onLeave: () => void }) {
  const { model } = useMap();
  const [open, setOpen] = createSignal(false);

  async function remove() {
    await model.removeFromDevice();
    setOpen(false);
    props.onLeave();
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
