/** The panel when nothing or several items are selected. */
import { For, Show } from 'solid-js';
import { NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { PANEL_HEADING_ID, useMap } from '@map/ui-kit';

export function NothingSelected() {
  const { model } = useMap();
  return (
    <div class="panel-empty">
      <h2 id={PANEL_HEADING_ID} tabIndex={-1}>
        {t().panel.noSelection}
      </h2>
      <p>{t().panel.noSelectionHint}</p>
      <Show when={model.canEdit}>
        <p>{t().panel.noSelectionCreate}</p>
      </Show>
    </div>
  );
}

export function ManySelected(props: { ids: string[] }) {
  const { model, focus } = useMap();
  const nodes = () => props.ids.map((id) => model.node(id)).filter((n) => n !== undefined);
  return (
    <div class="panel-many">
      <h2 id={PANEL_HEADING_ID} tabIndex={-1}>
        {fmt(t().panel.manySelected, { n: nodes().length })}
      </h2>
      <ul class="plain-list">
        <For each={nodes()}>
          {(node) => (
            <li>
              <button type="button" class="link-target" onClick={() => focus(node.id)}>
                {node.label}
              </button>
              <span class="link-kind">{loc(NODE_KIND_DEFS[node.kind].label)}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
