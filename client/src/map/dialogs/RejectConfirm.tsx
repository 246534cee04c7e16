/**
 * "Het voorstel Eenzaamheid afwijzen?": the confirmation before an editor rejects a
 * proposal, which removes it (an item with its links, or a link). Asked from the item
 * panel, a link's row or the proposals list.
 */
import { createMemo } from 'solid-js';
import { fmt, t } from '@i18n';
import { edgeSentence, useMap, useNotices } from '@map/ui-kit';
import { AlertConfirm } from './AlertConfirm';
import { useDialogs } from './state';

export function RejectConfirm() {
  const { model } = useMap();
  const dialogs = useDialogs();
  const { notify, reportError } = useNotices();
  /** The proposal, while it still is one (confirmed or gone meanwhile: the question closes). */
  const target = createMemo(() => {
    const r = dialogs.rejecting();
    if (!r || !model.rules.mayConfirm) return undefined;
    const item = 'node' in r ? model.node(r.node) : (model.version(), model.store.edges.get(r.edge));
    return item?.provenance.status === 'proposed' ? r : undefined;
  });
  const label = () => {
    const r = target();
    if (!r) return '';
    if ('node' in r) return model.node(r.node)?.label ?? '';
    const e = model.store.edges.get(r.edge);
    return e ? edgeSentence(e, (id) => model.node(id)?.label) : '';
  };
  const question = () => {
    const r = target();
    const p = t().panel;
    if (!r) return '';
    if ('edge' in r) return fmt(p.rejectEdge, { label: label() });
    const n = (model.version(), model.store.edgesOf(r.node).length);
    return fmt(n === 0 ? p.rejectNode0 : n === 1 ? p.rejectNode1 : p.rejectNodeN, { label: label(), n });
  };

  function reject() {
    const r = target();
    if (!r) return dialogs.closeReject();
    const text = label();
    const result = model.actions.rejectProposal(r);
    if (result.ok) notify(fmt(t().panel.rejected, { label: text }));
    else reportError(result.error);
    dialogs.closeReject();
  }

  return (
    <AlertConfirm
      open={!!target()}
      title={t().panel.rejectTitle}
      question={question()}
      note={t().panel.deleteUndo}
      action={t().panel.rejectProposal}
      onConfirm={reject}
      onClose={() => dialogs.closeReject()}
    />
  );
}
