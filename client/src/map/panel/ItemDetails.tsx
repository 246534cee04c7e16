/**
 * The one selected item: what it is, its fields (or their editor), how current it is,
 * provenance and links. Edit and delete only where the role may change the item.
 */
import { Show, createSignal } from 'solid-js';
import { NODE_KIND_DEFS } from '@schema';
import { loc, t } from '@i18n';
import { EraseConfirm } from '@map/privacy';
import { useReview } from '@map/review';
import { PANEL_HEADING_ID, useMap } from '@map/ui-kit';
import { NoteEditor } from './NoteEditor';
import { LinkList } from './LinkList';
import { NodeEditor } from './NodeEditor';
import { NodeFields } from './NodeFields';
import { FreshnessView } from './FreshnessView';
import { ProvenanceView } from './ProvenanceView';

export function ItemDetails(props: { id: string; onDelete: () => void }) {
  const { model } = useMap();
  const { stale } = useReview();
  const [editing, setEditing] = createSignal(false);
  const [erasing, setErasing] = createSignal<string | null>(null);
  let editButton: HTMLButtonElement | undefined;

  function closeEditor() {
    setEditing(false);
    editButton?.focus();
  }

  return (
    <Show when={model.node(props.id)} fallback={<ItemGone />}>
      {(node) => (
        <article class="panel-item" aria-labelledby={PANEL_HEADING_ID}>
          <header class="panel-head">
            <p class="panel-kind">
              <span class={`kind-badge kind-${node().kind}`}>{loc(NODE_KIND_DEFS[node().kind].label)}</span>
              <Show when={node().provenance.status === 'proposed'}>
                <span class="badge-proposal" title={t().panel.proposalHint}>
                  {t().panel.proposal}
                </span>
              </Show>
              <Show when={stale().has(node().id)}>
                <span class="badge-stale">{t().list.badges.stale}</span>
              </Show>
            </p>
            <h2 id={PANEL_HEADING_ID} tabIndex={-1}>
              {node().label}
            </h2>
          </header>
          <Show
            when={editing() && model.rules.mayChange(node())}
            fallback={
              <>
                <NodeFields node={node()} />
                <Show when={model.canEdit && !model.rules.mayChange(node())}>
                  <p class="muted panel-not-yours">{t().panel.notYours}</p>
                </Show>
                <Show when={model.rules.mayChange(node())}>
                  <div class="panel-actions">
                    <button ref={editButton} type="button" class="btn" onClick={() => setEditing(true)}>
                      {t().panel.edit}
                    </button>
                    <button type="button" class="btn btn-danger-outline" onClick={() => props.onDelete()}>
                      {t().panel.delete}
                    </button>
                    <Show when={node().kind === 'person' && model.rules.mayErase}>
                      <button type="button" class="btn btn-danger-outline" onClick={() => setErasing(node().id)}>
                        {t().privacy.erase}
                      </button>
                    </Show>
                  </div>
                </Show>
              </>
            }
          >
            <NodeEditor node={node()} onClose={closeEditor} />
          </Show>
          <FreshnessView node={node()} />
          <ProvenanceView provenance={node().provenance} />
          <LinkList id={props.id} />
          {/* Keyed: another item gets its own editor bound to its own note. */}
          <Show when={props.id} keyed>
            {(id) => <NoteEditor id={id} />}
          </Show>
          <EraseConfirm id={erasing()} onClose={() => setErasing(null)} />
        </article>
      )}
    </Show>
  );
}

function ItemGone() {
  const { model } = useMap();
  return (
    <div class="panel-empty" role="status">
      <h2 id={PANEL_HEADING_ID} tabIndex={-1}>
        {t().panel.gone}
      </h2>
      <p>{t().panel.goneHint}</p>
      <button type="button" class="btn" onClick={() => model.setSelection([])}>
        {t().panel.clearSelection}
      </button>
    </div>
  );
}
