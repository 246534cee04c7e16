/** Every field of an item's kind with its value, read-only. */
import { For, Show } from 'solid-js';
import { type GraphNode, NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { shownFields } from '@map/shared';
import { useMap } from '@map/ui-kit';
import { FieldValueView } from './FieldValueView';

export function NodeFields(props: { node: GraphNode }) {
  const { model } = useMap();
  const defs = () => NODE_KIND_DEFS[props.node.kind].fields;
  const keys = () => shownFields(props.node.kind, props.node.fields.role, model.maySeeContacts);
  return (
    <>
      <dl class="panel-fields" aria-label={t().panel.details}>
        <For each={keys()}>
          {(key) => (
            <div class="panel-field">
              <dt>{loc(defs()[key]!.label)}</dt>
              <dd>
                <FieldValueView def={defs()[key]!} value={props.node.fields[key]} />
              </dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={props.node.consentBy}>
        {(by) => <p class="muted">{fmt(t().privacy.consentBy, { name: by().name })}</p>}
      </Show>
      <Show when={props.node.kind === 'person' && !model.maySeeContacts}>
        <p class="muted">{t().privacy.contactHidden}</p>
      </Show>
    </>
  );
}
