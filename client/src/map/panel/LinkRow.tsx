/**
 * One link of the shown item: the other item (a button that selects it), the link's own
 * fields, and for whoever may change the link the buttons to edit its fields and remove
 * it; a proposed link offers editors to confirm or reject it.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { EDGE_KIND_DEFS, type GraphEdge, NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { useReview } from '@map/review';
import { edgeSentence, linkSentence, otherEnd, useMap, useNotices } from '@map/ui-kit';
import { EdgeEditor } from './EdgeEditor';
import { FieldValueView } from './FieldValueView';

export function LinkRow(props: { edge: GraphEdge; self: string; onRemoved: () => void }) {
  const { model, focus } = useMap();
  const { notify, reportError } = useNotices();
  const review = useReview();
  const dialogs = useDialogs();
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const other = createMemo(() => model.node(otherEnd(props.edge, props.self)));
  const otherLabel = () => other()?.label ?? '';
  const defs = () => EDGE_KIND_DEFS[props.edge.kind].fields;
  const filled = () => Object.keys(defs()).filter((k) => props.edge.fields[k] !== undefined);

  function remove() {
    const e = props.edge;
    const label = (id: string) => model.node(id)?.label ?? '';
    // A symmetric link reads from this item's side; a directed one from its `from` side.
    const [a, b] = EDGE_KIND_DEFS[e.kind].symmetric ? [props.self, otherEnd(e, props.self)] : [e.from, e.to];
    const sentence = linkSentence(e.kind, label(a), label(b));
    const result = model.actions.unlink(e.id);
    if (!result.ok) return reportError(result.error);
    notify(fmt(t().panel.linkRemoved, { sentence }));
    props.onRemoved();
  }

  const sentence = () => edgeSentence(props.edge, (id) => model.node(id)?.label);

  function closeEditor() {
    setEditing(false);
    editButton?.focus();
  }

  return (
    <li class="link-row">
      <div class="link-line">
        <button type="button" class="link-target" onClick={() => other() && focus(other()!.id)}>
          {otherLabel()}
        </button>
        <Show when={other()}>{(o) => <span class="link-kind">{loc(NODE_KIND_DEFS[o().kind].label)}</span>}</Show>
        <Show when={props.edge.provenance.status === 'proposed'}>
          <span class="badge-proposal" title={t().panel.proposalHint}>
            {t().panel.proposal}
          </span>
        </Show>
        <Show when={props.edge.provenance.status === 'proposed' && model.rules.mayConfirm}>
          <span class="link-tools">
            <button
              type="button"
              class="icon-btn icon-btn-confirm"
              aria-label={fmt(t().panel.confirmLinkFor, { label: sentence() })}
              title={fmt(t().panel.confirmLinkFor, { label: sentence() })}
              onClick={() => review.confirm({ edge: props.edge.id })}
            >
              ✓
            </button>
            <button
              type="button"
              class="icon-btn icon-btn-danger"
              aria-label={fmt(t().panel.rejectLinkFor, { label: sentence() })}
              title={fmt(t().panel.rejectLinkFor, { label: sentence() })}
              onClick={() => dialogs.askReject({ edge: props.edge.id })}
            >
              ⊘
            </button>
          </span>
        </Show>
        <Show when={model.rules.mayChange(props.edge)}>
          <span class="link-tools">
            <Show when={Object.keys(defs()).length > 0}>
              <button
                ref={editButton}
                type="button"
                class="icon-btn"
                aria-label={fmt(t().panel.editLink, { label: otherLabel() })}
                title={fmt(t().panel.editLink, { label: otherLabel() })}
                aria-expanded={editing()}
                onClick={() => setEditing((v) => !v)}
              >
                ✎
              </button>
            </Show>
            <button
              type="button"
              class="icon-btn icon-btn-danger"
              aria-label={fmt(t().panel.removeLink, { label: otherLabel() })}
              title={fmt(t().panel.removeLink, { label: otherLabel() })}
              onClick={remove}
            >
              ✕
            </button>
          </span>
        </Show>
      </div>
      <Show
        when={editing() && model.rules.mayChange(props.edge)}
        fallback={
          <Show when={filled().length > 0}>
            <dl class="link-fields">
              <For each={filled()}>
                {(key) => (
                  <div>
                    <dt>{loc(defs()[key]!.label)}</dt>
                    <dd>
                      <FieldValueView def={defs()[key]!} value={props.edge.fields[key]} />
                    </dd>
                  </div>
                )}
              </For>
            </dl>
          </Show>
        }
      >
        <EdgeEditor edge={props.edge} otherLabel={otherLabel()} onClose={closeEditor} />
      </Show>
    </li>
  );
}
