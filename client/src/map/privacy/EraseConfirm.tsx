/**
 * "Forget this person": the confirmation before a person is erased for good — unlike a
 * deletion there is no undo, so the dialog says what happens, and Cancel has the focus.
 */
import { createMemo, createSignal } from 'solid-js';
import { fmt, t } from '@i18n';
import { AlertConfirm } from '@map/dialogs';
import { useMap, useNotices } from '@map/ui-kit';

export function EraseConfirm(props: { id: string | null; onClose: () => void }) {
  const { model } = useMap();
  const { notify } = useNotices();
  const [busy, setBusy] = createSignal(false);
  const node = createMemo(() => (props.id ? model.node(props.id) : undefined));

  async function confirm() {
    const n = node();
    if (!n) return props.onClose();
    if (model.status() !== 'online') {
      notify(t().privacy.eraseOffline, 'error');
      return;
    }
    setBusy(true);
    const result = await model.erase(n.id);
    setBusy(false);
    if (result.ok) notify(t().privacy.erased);
    else notify(fmt(t().privacy.eraseFailed, { error: result.error }), 'error');
    props.onClose();
  }

  return (
    <AlertConfirm
      open={!!node()}
      title={t().privacy.eraseTitle}
      question={fmt(t().privacy.eraseQuestion, { label: node()?.label ?? '' })}
      note={t().privacy.eraseExplain}
      action={t().privacy.eraseConfirm}
      busy={busy()}
      onConfirm={() => void confirm()}
      onClose={props.onClose}
    />
  );
}
