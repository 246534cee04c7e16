/**
 * "Fatima Benhaddou en de 5 bijbehorende koppelingen verwijderen?": the confirmation
 * before an item and its links are deleted (undo remains possible afterwards).
 */
import { createMemo } from 'solid-js';
import { fmt, t } from '@i18n';
import { AlertConfirm } from '@map/dialogs';
import { useMap, useNotices } from '@map/ui-kit';

export function DeleteConfirm(props: { id: string | null; onClose: () => void }) {
  const { model } = useMap();
  const { notify, reportError } = useNotices();
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
    const result = model.actions.deleteNode(n.id);
    if (result.ok) notify(fmt(t().panel.deleted, { label: n.label }));
    else reportError(result.error);
    props.onClose();
  }

  return (
    // Closes by itself when the item disappears meanwhile (deleted elsewhere, undone).
    <AlertConfirm
      open={!!node()}
      title={t().panel.deleteTitle}
      question={question()}
      note={t().panel.deleteUndo}
      action={t().panel.delete}
      onConfirm={confirm}
      onClose={() => props.onClose()}
    />
  );
}
